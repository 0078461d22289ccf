// A small run of what `npm run bench` measures, without timing: a generated
// 1,000-question deck and review log through the built kfq, cold and cached.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDeck, writeReviewLog } from '../support/generate.js';
import { runKfq } from './run.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-bench-smoke-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const deck = generateDeck({ count: 1000, seed: 1000 });
const deckFile = join(temp, 'bench1k.md');
writeFileSync(deckFile, deck.text);
const home = join(temp, 'home');
const env = { KFQ_HOME: home };

describe('the benchmark data through kfq', () => {
  it('loads the generated deck, the same from the cache as parsed', () => {
    const first = runKfq(['--deck', deckFile, 'list', '--json'], { env });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toHaveLength(1000);
    expect(runKfq(['--deck', deckFile, 'list', '--json'], { env }).stdout).toBe(first.stdout);
  });

  it.each(deck.planted.slice(0, 3).map((planted) => [planted.queries[1]!, planted.number] as const))(
    'finds the planted question for "%s" first',
    (query, number) => {
      for (let run = 0; run < 2; run++) {
        const { code, stdout } = runKfq(['--deck', deckFile, 'search', '--json', '--limit', '3', ...query.split(' ')], { env });
        expect(code).toBe(0);
        expect(JSON.parse(stdout)[0].number).toBe(number);
      }
    },
  );

  it('reads a generated review log, the same from the snapshot as whole', () => {
    const reviewsHome = join(temp, 'reviews-home');
    mkdirSync(reviewsHome);
    writeReviewLog(join(reviewsHome, 'reviews.jsonl'), { deck: 'bench1k', questions: deck.questions, count: 3000 });
    const stats = () => {
      const { code, stdout } = runKfq(['--deck', deckFile, 'stats', '--json'], { env: { KFQ_HOME: reviewsHome } });
      expect(code).toBe(0);
      const { generatedAt: _, ...rest } = JSON.parse(stdout);
      return rest;
    };
    const first = stats();
    expect(first.reviews.total).toBeGreaterThan(2900);
    expect(stats()).toEqual(first);
  });
});
