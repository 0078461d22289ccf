// Following decks across runs: an unchanged deck is recognised from a small
// cache entry (no parse of its seen list), with the same results as from the list.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followDecks } from '../../../src/commands/followDecks.js';
import { parseDeck } from '../../../src/deck/parse.js';
import type { Deck } from '../../../src/model/deck.js';
import { reviewOf } from '../../../src/model/review.js';
import { reviewsByQuestion } from '../../../src/practice/matchReviews.js';
import { cacheName, contentHash, writeCache } from '../../../src/store/cacheFile.js';
import { readSeenDeck, seenDeckFile, seenDecksFolder, writeSeenDeck } from '../../../src/store/seenDecks.js';
import { fakeContext, type FakeContext } from '../../support/fakeContext.js';

const ANSWER = 'A long enough answer about pods, nodes and the scheduler that places them.';
const A = 'What is the role of the scheduler in placing pods on nodes?';
const BEFORE = `## Basics\n\n1. **${A}**\n   - ${ANSWER}\n\n2. **What is B?**\n   - Bee.\n`;
// A new question at the top, and A edited: its old id (d/1) now names the new question.
const AFTER = `## Basics\n\n1. **What is New?**\n   - Something else entirely.\n\n2. **What is the role of the scheduler when placing pods on nodes?**\n   - ${ANSWER}\n\n3. **What is B?**\n   - Bee.\n`;

function follow(ctx: FakeContext, text: string): { deck: Deck; lastChange: unknown } {
  const { deck } = parseDeck(text, { path: 'd.md' });
  const [followed] = followDecks(ctx, [deck], new Map([[deck, contentHash(Buffer.from(text))]]));
  return { deck, lastChange: followed!.lastChange };
}

/** Where a review logged under A's first name belongs now. */
function reviewOfAGoesTo(deck: Deck): string[] {
  const review = reviewOf({ id: 'd/1', deck: 'd', number: 1, question: A }, 3, new Date('2025-03-01T09:00:00Z'), {
    durationMs: 1000,
    answer: '',
    mode: 'drill',
  });
  return [...reviewsByQuestion(deck.questions, [review]).keys()];
}

const seenFile = (ctx: FakeContext): string => seenDeckFile(seenDecksFolder(ctx.paths.home), 'd');
const summaryFile = (ctx: FakeContext): string => join(ctx.paths.cache, `seen-${cacheName(seenFile(ctx))}`);

describe('following a deck across runs', () => {
  it('when the deck is unchanged then the next run gives the same last change and review matching as the run that noticed the change', () => {
    const ctx = fakeContext();
    follow(ctx, BEFORE);
    const changed = follow(ctx, AFTER);
    expect(ctx.err()).toMatch(/deck d changed: 1 edited \(history kept\), 2 renumbered, 1 new$/m);
    expect(changed.lastChange).toMatchObject({ deck: 'd', counts: { new: 1, edited: 1 } });
    expect(reviewOfAGoesTo(changed.deck)).toEqual(['d/2']);

    const again = follow(ctx, AFTER);
    expect(again.lastChange).toEqual(changed.lastChange);
    expect(reviewOfAGoesTo(again.deck)).toEqual(['d/2']);
    expect(ctx.err().match(/changed/g)).toHaveLength(1);
  });

  it('when the deck is unchanged then the cache entry answers, not the seen list', () => {
    const ctx = fakeContext();
    follow(ctx, BEFORE);
    // Plant a different entry under the key of the list's bytes: only a cache hit can return it.
    const key = JSON.stringify(['seen-deck', 'd', contentHash(readFileSync(seenFile(ctx)))]);
    const planted = {
      deck: 'd',
      at: '2025-01-01T00:00:00.000Z',
      counts: { edited: 9, renumbered: 0, moved: 0, new: 0, removed: 0 },
      entries: [],
    };
    writeCache(summaryFile(ctx), key, { contentHash: contentHash(Buffer.from(BEFORE)), names: [], lastChange: planted });
    expect(follow(ctx, BEFORE).lastChange).toEqual(planted);
  });

  it('when the seen list is changed by hand then it is read again, not the cache entry', () => {
    const ctx = fakeContext();
    follow(ctx, BEFORE);
    follow(ctx, AFTER);
    const seen = readSeenDeck(seenDecksFolder(ctx.paths.home), 'd')!;
    writeSeenDeck(seenDecksFolder(ctx.paths.home), { ...seen, lastChange: undefined });
    expect(follow(ctx, AFTER).lastChange).toBeUndefined();
  });

  it('when the cache entry is damaged then it is ignored and written again', () => {
    const ctx = fakeContext();
    follow(ctx, BEFORE);
    const changed = follow(ctx, AFTER);
    const good = readFileSync(summaryFile(ctx));
    const damaged = Buffer.from(good);
    damaged[damaged.length - 5]! ^= 0xff;
    for (const broken of [damaged, good.subarray(0, good.length >> 1), Buffer.from('garbage')]) {
      writeFileSync(summaryFile(ctx), broken);
      const again = follow(ctx, AFTER);
      expect(again.lastChange).toEqual(changed.lastChange);
      expect(reviewOfAGoesTo(again.deck)).toEqual(['d/2']);
      expect(readFileSync(summaryFile(ctx))).toEqual(good);
    }
  });

  it('when the home is new then the seen list and one cache entry are written', () => {
    const ctx = fakeContext();
    follow(ctx, BEFORE);
    expect(readSeenDeck(seenDecksFolder(ctx.paths.home), 'd')?.questions.map((q) => q.id)).toEqual(['d/1', 'd/2']);
    expect(readdirSync(ctx.paths.cache)).toEqual([`seen-${cacheName(seenFile(ctx))}`]);
  });
});

describe('the seen list file', () => {
  it('is the JSON of the whole record, written in slices, and its content hash is returned', () => {
    const ctx = fakeContext();
    const text = Array.from({ length: 4500 }, (_, n) => `${n + 1}. **Question ${n + 1}?**\n   - Answer "${n + 1}" \\ ü.\n`).join('\n');
    const { deck } = parseDeck(`## Many\n\n${text}`, { path: 'd.md' });
    follow(ctx, `## Many\n\n${text}`);
    const seen = readSeenDeck(seenDecksFolder(ctx.paths.home), 'd')!;
    expect(seen.questions).toHaveLength(deck.questions.length);
    const folder = seenDecksFolder(ctx.paths.home);
    const hash = writeSeenDeck(folder, seen);
    const bytes = readFileSync(seenFile(ctx));
    expect(bytes.toString('utf8')).toBe(`${JSON.stringify({ kfq: 'seen-deck', version: 1, seen })}\n`);
    expect(hash).toBe(contentHash(bytes));
  });
});
