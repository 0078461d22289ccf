// kfq list, run in-process with a fake context.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/commands/list.js';
import { ExitCode, UsageError } from '../../../src/errors.js';
import { fakeContext } from '../../support/fakeContext.js';

const fixture = (name: string): string => join(import.meta.dirname, '..', '..', 'fixtures', 'decks', name);

describe('kfq list', () => {
  it('when run on the built-in deck then it prints the deck title, the categories and every question, and exits 0', async () => {
    const ctx = fakeContext();
    expect(await run(ctx, {})).toBe(ExitCode.ok);
    expect(ctx.out()).toMatch(/Basic Concepts/);
    expect(ctx.out()).toMatch(/1\. What is Kubeflow\?/);
    expect(ctx.err()).toBe('');
  });

  it('when asked for JSON then stdout is the questions of the chosen deck, nothing else', async () => {
    const ctx = fakeContext({ deckSpecs: [fixture('tight-plain.md')] });
    await run(ctx, { json: true });
    const questions = JSON.parse(ctx.out()) as Array<{ id: string; deck: string }>;
    expect(questions.length).toBeGreaterThan(0);
    expect(new Set(questions.map((q) => q.deck))).toEqual(new Set(['tight-plain']));
  });

  it('when a category prefix is given then only that category is listed', async () => {
    const ctx = fakeContext();
    await run(ctx, { category: 'basic', json: true });
    expect(new Set((JSON.parse(ctx.out()) as Array<{ category: string }>).map((q) => q.category))).toEqual(new Set(['Basic Concepts']));
  });

  it('when the category matches nothing then it throws a usage error and prints nothing', async () => {
    const ctx = fakeContext();
    await expect(run(ctx, { category: 'no-such-category' })).rejects.toThrow(UsageError);
    expect(ctx.out()).toBe('');
  });
});
