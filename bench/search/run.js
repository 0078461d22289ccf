// npm run bench:search: kfq's search beside plain fuse.js and minisearch on
// the same decks and the hand-written queries of test/fixtures/evaluation/search-queries.json.
// Prints a Markdown table and quotes it in README.md (between the bench-search
// markers); with --misses, also each engine's misses.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScript } from '../bundleScript.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'kfq-bench-search-'));
try {
  const file = join(work, 'measure.mjs');
  // kfq finds its data (the alias list) beside its code, as in the package.
  cpSync(join(root, 'data'), join(work, 'data'), { recursive: true });
  await bundleScript(join(root, 'bench', 'search', 'measure.ts'), file);
  const run = spawnSync(process.execPath, [file, root], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  const result = JSON.parse(run.stdout);
  const percent = (value) => `${(value * 100).toFixed(1)}%`;
  const table = [
    '| Engine | Top-1 | Top-3 | MRR |',
    '| --- | --- | --- | --- |',
    ...result.engines.map((engine) => `| ${engine.name} | ${percent(engine.top1)} | ${percent(engine.top3)} | ${engine.mrr.toFixed(3)} |`),
  ].join('\n');
  console.log(`${result.queries} queries over ${result.decks} decks (test/fixtures/evaluation/search-queries.json)\n\n${table}`);
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const quoted = text.replace(/(<!-- bench-search:start -->\n)[\s\S]*?(<!-- bench-search:end -->)/, `$1${table}\n$2`);
  if (quoted !== text) writeFileSync(readme, quoted);
  if (process.argv.includes('--misses')) {
    for (const engine of result.engines)
      console.log(`\n${engine.name} misses (top-1):\n${engine.misses.map((miss) => `  ${miss}`).join('\n')}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
