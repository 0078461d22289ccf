// kfq search, run in-process with a fake context.
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/commands/search.js';
import { ExitCode, NotFoundError } from '../../../src/errors.js';
import { fakeContext } from '../../support/fakeContext.js';

describe('kfq search', () => {
  it('when the words match then the best hit comes first and it exits 0', async () => {
    const ctx = fakeContext();
    expect(await run(ctx, ['katib'], { limit: 3, json: true })).toBe(ExitCode.ok);
    const hits = JSON.parse(ctx.out()) as Array<{ question: string; score: number }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0]!.question).toMatch(/Katib/i);
  });

  it('when printed for people then each hit shows its number and category', async () => {
    const ctx = fakeContext({ width: 80 });
    await run(ctx, ['katib'], { limit: 1 });
    expect(ctx.out()).toMatch(/^\d+\. /);
  });

  it('when nothing matches then it throws NotFoundError (exit 1) and prints nothing', async () => {
    const ctx = fakeContext();
    await expect(run(ctx, ['zzqxv'], { limit: 10 })).rejects.toThrow(NotFoundError);
    expect(ctx.out()).toBe('');
  });
});
