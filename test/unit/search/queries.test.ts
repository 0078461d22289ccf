// The hand-written query set of `npm run bench:search` (test/fixtures/evaluation/search-queries.json),
// as a floor a little under the benchmark's figures for kfq's own search.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDeckFile } from '../../../src/deck/load.js';
import { buildSearchIndex, searchQuestions } from '../../../src/search/index.js';

interface QuerySet {
  decks: Array<{ slug: string; file: string }>;
  queries: Array<{ deck: string; query: string; accept: string[] }>;
}

const root = new URL('../../../', import.meta.url);
const set = JSON.parse(readFileSync(new URL('test/fixtures/evaluation/search-queries.json', root), 'utf8')) as QuerySet;

describe('the hand-written search queries over four real decks', () => {
  const ranks: number[] = [];
  beforeAll(async () => {
    for (const deck of set.decks) {
      const index = buildSearchIndex(readDeckFile(new URL(deck.file, root).pathname, { slug: deck.slug }).deck.questions);
      for (const entry of set.queries.filter((query) => query.deck === deck.slug)) {
        ranks.push((await searchQuestions(index, entry.query, { limit: 10 })).findIndex((hit) => entry.accept.includes(hit.question.id)));
      }
    }
  });
  const share = (hit: (rank: number) => boolean) => ranks.filter(hit).length / ranks.length;

  it('has at least 80 queries over at least four decks', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(80);
    expect(new Set(set.queries.map((entry) => entry.deck)).size).toBeGreaterThanOrEqual(4);
  });

  it('puts an acceptable question first for at least 97% of them', () => {
    expect(share((rank) => rank === 0)).toBeGreaterThanOrEqual(0.97);
  });

  it('puts one in the top 3 for at least 99% of them', () => {
    expect(share((rank) => rank >= 0 && rank < 3)).toBeGreaterThanOrEqual(0.99);
  });
});
