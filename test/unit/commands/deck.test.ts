// kfq deck add, list and remove, run in-process with a fake context.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { list, remove } from '../../../src/commands/deck.js';
import { run as add } from '../../../src/commands/deckAdd.js';
import { ExitCode, NotFoundError, UsageError } from '../../../src/errors.js';
import { fakeContext } from '../../support/fakeContext.js';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'decks', 'tight-plain.md');

describe('kfq deck', () => {
  it('when no deck is installed then list says how to add one, on stderr', async () => {
    const ctx = fakeContext();
    expect(await list(ctx, {})).toBe(ExitCode.ok);
    expect(ctx.out()).toBe('');
    expect(ctx.err()).toMatch(/kfq deck add/);
  });

  it('when a deck is added then list shows it with its question count', async () => {
    const ctx = fakeContext();
    expect(await add(ctx, fixture, { name: 'plain' })).toBe(ExitCode.ok);
    await list(ctx, { json: true });
    const decks = JSON.parse(ctx.out()) as Array<{ name: string; questions: number }>;
    expect(decks.map((deck) => deck.name)).toEqual(['plain']);
    expect(decks[0]!.questions).toBeGreaterThan(0);
  });

  it('when removing without --yes and without a terminal then it refuses and keeps the deck', async () => {
    const ctx = fakeContext();
    await add(ctx, fixture, { name: 'plain' });
    await expect(remove(ctx, 'plain', {})).rejects.toThrow(UsageError);
    expect(existsSync(join(ctx.paths.decks, 'plain.md'))).toBe(true);
  });

  it('when removing with --yes then the deck is gone, and removing it again is not found', async () => {
    const ctx = fakeContext();
    await add(ctx, fixture, { name: 'plain' });
    expect(await remove(ctx, 'plain', { yes: true })).toBe(ExitCode.ok);
    expect(existsSync(join(ctx.paths.decks, 'plain.md'))).toBe(false);
    await expect(remove(ctx, 'plain', { yes: true })).rejects.toThrow(NotFoundError);
  });
});
