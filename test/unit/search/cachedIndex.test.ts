import Fuse from 'fuse.js';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMON_QUERIES, generateDeck, PLANTED } from '../../../bench/generate.js';
import { loadDecksCached } from '../../../src/deck/cache.js';
import { readDeckFile } from '../../../src/deck/load.js';
import type { Question } from '../../../src/model/question.js';
import { loadSearchIndex } from '../../../src/search/cachedIndex.js';
import { buildSearchIndex, SEARCH_OPTIONS, searchQuestions, toSearchDocument, TOKEN_INDEX_FROM } from '../../../src/search/index.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-perf-search-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const generated = generateDeck({ count: 1000, seed: 1000 });
const generatedFile = join(temp, 'bench1k.md');
writeFileSync(generatedFile, generated.text);

const queries = [
  ...COMMON_QUERIES,
  ...PLANTED.flatMap((planted) => planted.queries),
  'cannary deploymnet',
  'kfctl instalation',
  'model interpretability shap',
  'tensorflow serving difference',
  'kubeflow kubeflow',
  'gpu',
  'a',
];

describe('narrowed search on a generated 1,000-question deck', () => {
  const questions: Question[] = readDeckFile(generatedFile).deck.questions;
  const plain = new Fuse(questions.map(toSearchDocument), SEARCH_OPTIONS);
  const index = buildSearchIndex(questions);
  it('uses the token index', () => expect(index.parts).toHaveLength(1));

  // Its scores are fuse.js's own. Weak hits may differ: fuse.js also matches a
  // term across two words of a text ("is it" for "istio"), the token index does not.
  it.each(queries)('ranks "%s" as plain fuse.js does: the same score for every hit, the same strong hits', (query) => {
    const all = plain.search(query);
    const plainScore = new Map(all.map((result) => [questions[result.refIndex]!.id, result.score]));
    const actual = searchQuestions(index, query, { limit: 10 }).map((hit) => [hit.question.id, hit.score] as const);
    for (const [id, score] of actual) expect(score).toBe(plainScore.get(id));
    const strong = all.slice(0, 10).filter((result) => result.score! <= 0.6).map((result) => [questions[result.refIndex]!.id, result.score]);
    expect(actual.slice(0, strong.length)).toEqual(strong);
  });
});

describe('planted questions in a generated deck', () => {
  const index = buildSearchIndex(readDeckFile(generatedFile).deck.questions);
  it.each(generated.planted.flatMap((planted) => planted.queries.map((query) => [query, planted.number] as const)))('"%s" finds question %i in the top 3', (query, number) => {
    expect(searchQuestions(index, query, { limit: 3 }).map((hit) => hit.question.number)).toContain(number);
  });
});

describe('the cached search index', () => {
  const big = generateDeck({ count: TOKEN_INDEX_FROM, seed: 3 });
  const planted = big.planted[0]!;

  it('is written once, read back the same, and rebuilt when the deck changes', async () => {
    const dir = mkdtempSync(join(temp, 'index-'));
    const deck = join(dir, 'deck.md');
    const cacheDir = join(dir, 'cache');
    writeFileSync(deck, big.text);
    const load = async () => {
      const { decks, contentHashes } = await loadDecksCached([deck], { installedDir: dir, cacheDir, env: {} });
      return loadSearchIndex(decks, cacheDir, contentHashes);
    };
    const top = async (query: string) => searchQuestions(await load(), query, { limit: 1 }).map((hit) => hit.question.question);

    const first = await load();
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('search-'))).toHaveLength(1);
    const again = await load();
    expect(again.parts![0]!.tokens).toEqual(first.parts![0]!.tokens);
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
    expect(searchQuestions(index, 'volcano gang scheduling', { limit: 2 }).map((hit) => hit.question.id)).toEqual([`a/${planted.number}`, 'b/1']);
    expect(searchQuestions(index, 'volcano gang scheduling', { category: 'Serving' }).map((hit) => hit.question.id)).toEqual(['b/1']);
  });

  it('is not made for a small collection, which fuse.js searches alone', async () => {
    const dir = mkdtempSync(join(temp, 'small-'));
    writeFileSync(join(dir, 'small.md'), '## A\n\n1. **What is Katib?**\n   - Tuning.\n');
    const { decks, contentHashes } = await loadDecksCached([dir], { installedDir: dir, cacheDir: join(dir, 'cache'), env: {} });
    const index = loadSearchIndex(decks, join(dir, 'cache'), contentHashes);
    expect(index.parts).toBeUndefined();
    expect(searchQuestions(index, 'katib').map((hit) => hit.question.id)).toEqual(['small/1']);
  });
});
