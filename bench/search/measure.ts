// Top-1, top-3 and mean reciprocal rank of each engine over the hand-written
// query set (test/fixtures/evaluation/search-queries.json), every engine given the same decks.
// Bundled and run by bench/search/run.js; prints one JSON line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDeckFile } from '../../src/deck/load.js';
import { fuseEngine, kfqEngine, minisearchEngine, type Engine } from './peers.js';

interface QuerySet {
  decks: Array<{ slug: string; file: string }>;
  queries: Array<{ deck: string; query: string; accept: string[] }>;
}

const root = process.argv[2]!;
const set = JSON.parse(readFileSync(join(root, 'test/fixtures/evaluation/search-queries.json'), 'utf8')) as QuerySet;
const makers = [kfqEngine, fuseEngine, minisearchEngine];
const totals = new Map<string, { top1: number; top3: number; rr: number; misses: string[] }>();

for (const deck of set.decks) {
  const questions = readDeckFile(join(root, deck.file), { slug: deck.slug }).deck.questions;
  const engines: Engine[] = makers.map((make) => make(questions));
  for (const { query, accept } of set.queries.filter((entry) => entry.deck === deck.slug)) {
    for (const engine of engines) {
      const ids = await engine.search(query);
      const rank = ids.findIndex((id) => accept.includes(id));
      const total = totals.get(engine.name) ?? { top1: 0, top3: 0, rr: 0, misses: [] };
      if (rank === 0) total.top1++;
      else total.misses.push(`${deck.slug}: ${query} -> ${ids.slice(0, 3).join(', ') || 'nothing'}`);
      if (rank >= 0 && rank < 3) total.top3++;
      else total.misses.push(`  not in top 3: ${query}`);
      if (rank >= 0) total.rr += 1 / (rank + 1);
      totals.set(engine.name, total);
    }
  }
}
const count = set.queries.length;
console.log(
  JSON.stringify({
    queries: count,
    decks: set.decks.length,
    engines: [...totals].map(([name, total]) => ({
      name,
      top1: total.top1 / count,
      top3: total.top3 / count,
      mrr: total.rr / count,
      misses: total.misses,
    })),
  }),
);
