import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDeck } from '../../support/generate.js';
import { loadDecksCached } from '../../../src/deck/cache.js';
import { readDeckFile } from '../../../src/deck/load.js';
import { loadSearchIndex } from '../../../src/search/cachedIndex.js';
import { buildSearchIndex, searchQuestions } from '../../../src/search/index.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-perf-search-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const generated = generateDeck({ count: 1000, seed: 1000 });
const generatedFile = join(temp, 'bench1k.md');
writeFileSync(generatedFile, generated.text);

describe('planted questions in a generated deck', () => {
  const index = buildSearchIndex(readDeckFile(generatedFile).deck.questions);
  it.each(generated.planted.flatMap((planted) => planted.queries.map((query) => [query, planted.number] as const)))(
    '"%s" finds question %i in the top 3',
    async (query, number) => {
      expect((await searchQuestions(index, query, { limit: 3 })).map((hit) => hit.question.number)).toContain(number);
    },
  );
});

describe('the cached search index', () => {
  const big = generateDeck({ count: 500, seed: 3 });
  const planted = big.planted[0]!;

  it('is written once, read back the same, and rebuilt when the deck changes', async () => {
    const dir = mkdtempSync(join(temp, 'index-'));
    const deck = join(dir, 'deck.md');
    const cacheDir = join(dir, 'cache');
    writeFileSync(deck, big.text);
    const load = async () => {
      const loaded = await loadDecksCached([deck], { installedDir: dir, cacheDir, env: {} });
      return loadSearchIndex(loaded.decks, cacheDir, loaded.contentHashes);
    };
    const top = async (query: string) => (await searchQuestions(await load(), query, { limit: 1 })).map((hit) => hit.question.question);

    const first = await load();
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('search-'))).toHaveLength(1);
    const again = await load();
    expect(again.parts[0]!.words).toEqual(first.parts[0]!.words);
    expect(await top(planted.queries[0]!)).toEqual([planted.question]);

    writeFileSync(deck, big.text.replace(planted.question, 'How do you schedule flamingo workloads?'));
    expect(await top('flamingo')).toEqual(['How do you schedule flamingo workloads?']);
  });

  it('searches several decks as one collection, with a category narrowing the hits', async () => {
    const dir = mkdtempSync(join(temp, 'decks-'));
    writeFileSync(join(dir, 'a.md'), big.text);
    writeFileSync(join(dir, 'b.md'), '## Serving\n\n1. **How does Volcano gang scheduling relate to KServe?**\n   - Not at all.\n');
    const { decks, contentHashes } = await loadDecksCached([dir], { installedDir: dir, cacheDir: join(dir, 'cache'), env: {} });
    const index = loadSearchIndex(decks, join(dir, 'cache'), contentHashes);
    expect(index.parts).toHaveLength(2);
    expect((await searchQuestions(index, 'volcano gang scheduling', { limit: 2 })).map((hit) => hit.question.id)).toEqual([
      `a/${planted.number}`,
      'b/1',
    ]);
    expect((await searchQuestions(index, 'volcano gang scheduling', { category: 'Serving' })).map((hit) => hit.question.id)).toEqual([
      'b/1',
    ]);
  });
});

describe('search with a cold cache, a warm cache and no cache', () => {
  const root = new URL('../../../', import.meta.url);
  const set = JSON.parse(readFileSync(new URL('test/fixtures/evaluation/search-queries.json', root), 'utf8')) as {
    decks: Array<{ slug: string; file: string }>;
    queries: Array<{ deck: string; query: string }>;
  };

  it.each(set.decks.map((deck) => [deck.file, deck.slug] as const))(
    'when %s is searched with the hand-written queries then all three give the same hits',
    async (file, slug) => {
      const dir = mkdtempSync(join(temp, 'same-'));
      const deck = join(dir, basename(file));
      copyFileSync(new URL(file, root), deck);
      const queries = set.queries.filter((entry) => entry.deck === slug).map((entry) => entry.query);
      expect(queries.length).toBeGreaterThan(5);
      const hitsOf = async (index: Awaited<ReturnType<typeof loadSearchIndex>>) =>
        JSON.stringify(await Promise.all(queries.map((query) => searchQuestions(index, query, { limit: 10 }))));
      const cached = async () => {
        const loaded = await loadDecksCached([deck], { installedDir: dir, cacheDir: join(dir, 'cache'), env: {} });
        return loadSearchIndex(loaded.decks, join(dir, 'cache'), loaded.contentHashes);
      };

      const cold = await hitsOf(await cached());
      expect(readdirSync(join(dir, 'cache')).sort()).toEqual([expect.stringMatching(/^deck-/), expect.stringMatching(/^search-/)]);
      const warm = await hitsOf(await cached());
      const uncached = await hitsOf(buildSearchIndex(readDeckFile(deck).deck.questions));
      expect(JSON.parse(cold)[0].length).toBeGreaterThan(0);
      expect(warm).toBe(cold);
      expect(uncached).toBe(cold);
    },
  );
});
