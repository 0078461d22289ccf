// kfq stats, run in-process with a fake context, a real review log and a fixed clock.
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/commands/stats/index.js';
import { ExitCode } from '../../../src/errors.js';
import { reviewOf } from '../../../src/model/review.js';
import { appendReview } from '../../../src/store/reviewLog.js';
import { fakeContext } from '../../support/fakeContext.js';

describe('kfq stats', () => {
  it('when nothing was reviewed then every question is new and the JSON names the deck', async () => {
    const ctx = fakeContext();
    expect(await run(ctx, { json: true })).toBe(ExitCode.ok);
    const stats = JSON.parse(ctx.out()) as { decks: Array<{ slug: string }>; category: string | null };
    expect(stats.decks.map((deck) => deck.slug)).toEqual(['kubeflow']);
    expect(stats.category).toBeNull();
  });

  it('when a question was reviewed today then the numbers count it, by the context clock', async () => {
    const now = new Date('2025-03-10T12:00:00Z');
    const ctx = fakeContext({ now });
    const first = { id: 'kubeflow/1', deck: 'kubeflow', number: 1, question: 'What is Kubeflow?' };
    appendReview(ctx.paths.history, reviewOf(first, 3, new Date('2025-03-10T09:00:00Z'), { durationMs: 5000, answer: '', mode: 'drill' }));
    await run(ctx, { json: true });
    const stats = JSON.parse(ctx.out()) as { generatedAt: string; questions: { seen: number } };
    expect(stats.questions.seen).toBe(1);
    expect(stats.generatedAt).toBe(now.toISOString());
  });

  it('when printed for people then it writes lines to stdout and nothing to stderr', async () => {
    const ctx = fakeContext({ width: 80 });
    await run(ctx, {});
    expect(ctx.out().split('\n').length).toBeGreaterThan(3);
    expect(ctx.err()).toBe('');
  });
});
