// kfq history, run in-process with a fake context and a real review log.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/commands/history.js';
import { ExitCode } from '../../../src/errors.js';
import { reviewOf } from '../../../src/model/review.js';
import { appendReview } from '../../../src/store/reviewLog.js';
import { fakeContext } from '../../support/fakeContext.js';

const question = (n: number) => ({ id: `kubeflow/${n}`, deck: 'kubeflow', number: n, question: `Question ${n}?` });

describe('kfq history', () => {
  it('when nothing was reviewed then it says so on stderr and prints no data', async () => {
    const ctx = fakeContext();
    expect(await run(ctx, { limit: 20 })).toBe(ExitCode.ok);
    expect(ctx.out()).toBe('');
    expect(ctx.err()).toMatch(/No reviews yet/);
  });

  it('when reviews are logged then the newest come first, up to the limit', async () => {
    const ctx = fakeContext();
    for (const n of [1, 2, 3]) {
      appendReview(
        ctx.paths.history,
        reviewOf(question(n), 3, new Date(Date.UTC(2025, 2, n)), { durationMs: 1000, answer: '', mode: 'drill' }),
      );
    }
    await run(ctx, { limit: 2, json: true });
    expect((JSON.parse(ctx.out()) as Array<{ questionId: string }>).map((r) => r.questionId)).toEqual(['kubeflow/3', 'kubeflow/2']);
  });

  it('when a line of the log is damaged then it warns with the line number and shows the rest', async () => {
    const ctx = fakeContext();
    appendReview(
      ctx.paths.history,
      reviewOf(question(1), 4, new Date('2025-03-01T10:00:00Z'), { durationMs: 1000, answer: '', mode: 'drill' }),
    );
    writeFileSync(ctx.paths.history, 'not json\n', { flag: 'a' });
    await run(ctx, { limit: 20, json: true });
    expect(JSON.parse(ctx.out())).toHaveLength(1);
    expect(ctx.err()).toMatch(/:3: not valid JSON/);
  });
});
