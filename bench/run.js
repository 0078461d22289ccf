// npm run bench: how fast kfq starts and how it copes with 100,000 questions
// and 1,000,000 reviews, against the targets in issue 6. Generates its data in
// a temp folder, runs the built kfq as a user would (a private copy of bin/,
// dist/ and data/, so a rebuild meanwhile cannot disturb it), prints a
// Markdown table, saves it to bench/results/latest.md and quotes it in
// README.md (between the bench markers). Takes ~6 minutes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainCodeCache } from '../scripts/codeCache.js';
import { bundleScript } from './bundleScript.js';
import { COMMON_QUERIES, generateDeck, writeReviewLog } from '../test/support/generate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const STARTUP_RUNS = 41;

const work = mkdtempSync(join(tmpdir(), 'kfq-bench-'));
for (const name of ['bin', 'dist', 'data', 'package.json']) cpSync(join(root, name), join(work, 'kfq', name), { recursive: true });
const kfq = join(work, 'kfq', 'bin', 'kfq.js');
trainCodeCache(join(work, 'kfq', 'dist'));
const rows = [];
try {
  const data = generateData();
  const probe = await buildProbe();
  startup();
  deckLoad(data);
  search(data, probe);
  reviews(data, probe);
  deckIdentity(data, probe);
  report();
} finally {
  rmSync(work, { recursive: true, force: true });
}

function generateData() {
  log('generating decks and review logs…');
  const decks = {};
  for (const [name, count] of [
    ['1k', 1_000],
    ['10k', 10_000],
    ['100k', 100_000],
  ]) {
    const deck = generateDeck({ count, seed: count });
    const file = join(work, `bench${name}.md`);
    writeFileSync(file, deck.text);
    decks[name] = { ...deck, file, slug: `bench${name}`, count };
  }
  const homes = {};
  for (const name of ['10k', '100k']) {
    const home = join(work, `home-reviews-${name}`);
    mkdirSync(home);
    const deck = decks[name];
    homes[name] = {
      home,
      ...writeReviewLog(join(home, 'reviews.jsonl'), { deck: deck.slug, questions: deck.questions, count: 1_000_000, seed: 7 }),
    };
  }
  return { decks, homes };
}

/** The probe (bench/probe.ts) bundled like kfq itself. */
async function buildProbe() {
  // Inside the copy of kfq, so it finds data/ (the alias list) as kfq does.
  const file = join(work, 'kfq', 'probe.mjs');
  await bundleScript(join(root, 'bench', 'probe.ts'), file);
  // Beside it, the worker that reads a long review log's back segments, where the probe looks for it.
  copyFileSync(join(work, 'kfq', 'dist', 'logPart.cjs'), join(work, 'kfq', 'logPart.cjs'));
  return file;
}

function startup() {
  log('start-up…');
  const home = freshHome('startup');
  const commands = [
    ['node -e 0', ['-e', '0']],
    ['floor: commander, read the deck, print it (bench/floor.js)', [join(root, 'bench', 'floor.js'), 'list', '--json']],
    ['kfq --help', [kfq, '--help']],
    ['kfq show 1', [kfq, 'show', '1']],
    ['kfq list --json', [kfq, 'list', '--json']],
    ['kfq search katib', [kfq, 'search', 'katib']],
  ];
  const times = new Map(commands.map(([name]) => [name, []]));
  // Warm up (and fill the deck cache), then interleave so load on the machine hits all alike.
  for (let run = -3; run < STARTUP_RUNS; run++) {
    for (const [name, args] of commands) {
      const { ms } = spawnTimed(process.execPath, args, { KFQ_HOME: home });
      if (run >= 0) times.get(name).push(ms);
    }
  }
  const base = median(times.get('node -e 0'));
  section('Start-up, built-in deck', `median of ${STARTUP_RUNS} runs of each, interleaved, deck cached`);
  rows.push(['`node -e 0`', ms(base), '', '', '']);
  const floor = commands[1][0];
  rows.push([floor, `${ms(median(times.get(floor)))} (${(median(times.get(floor)) / base).toFixed(2)}× node)`, '', '', '']);
  for (const [name] of commands.slice(2)) {
    const value = median(times.get(name));
    const ratio = value / base;
    rows.push([`\`${name}\``, `${ms(value)} (${ratio.toFixed(2)}× node)`, '', '≤ 1.3× node', mark(ratio <= 1.3)]);
  }
}

function deckLoad({ decks }) {
  log('deck load…');
  section('Deck load: `kfq --deck D show 1 --json`', 'first load = empty cache');
  for (const name of ['10k', '100k']) {
    const deck = decks[name];
    const args = ['--deck', deck.file, 'show', '1', '--json'];
    const cold = repeat(3, () => runKfq(args, freshHome(`load-${name}`)));
    const home = freshHome(`load-${name}-warm`);
    runKfq(args, home);
    const warm = repeat(7, () => runKfq(args, home));
    rows.push([`${deck.count.toLocaleString('en')} questions, first load`, ms(cold.ms), mb(cold.rss), '', '']);
    rows.push([`${deck.count.toLocaleString('en')} questions, cached`, ms(warm.ms), mb(warm.rss), '', '']);
  }
}

function search({ decks }, probe) {
  log('search…');
  section('Search', 'end to end: `kfq --deck D search …`; per query: in-process, 10 hits, 5 rounds after one to warm up');
  const big = decks['100k'];
  const planted = big.planted[0];
  const args = ['--deck', big.file, 'search', ...planted.queries[1].split(' ')];
  const cold = repeat(3, () => runKfq(args, freshHome('search-cold')));
  const home = freshHome('search-warm');
  runKfq(args, home);
  const warm = repeat(7, () => runKfq(args, home));
  rows.push(['100,000 questions, first sight', ms(cold.ms), mb(cold.rss), '≤ 4 s, ≤ 400 MB', mark(cold.ms <= 4000 && cold.rss <= 400e6)]);
  rows.push([
    '100,000 questions, deck unchanged',
    ms(warm.ms),
    mb(warm.rss),
    '≤ 0.5 s, ≤ 400 MB',
    mark(warm.ms <= 500 && warm.rss <= 400e6),
  ]);

  for (const name of ['10k', '100k']) {
    const deck = decks[name];
    const queries = [
      ...COMMON_QUERIES.map((text) => ({ text })),
      ...deck.planted.flatMap((p) => p.queries.map((text) => ({ text, expect: p.number }))),
    ];
    const cacheDir = join(work, `probe-search-${name}`);
    // The first run fills the probe's cache; the second measures.
    spawnProbe(probe, ['search', deck.file, cacheDir, JSON.stringify(queries.slice(0, 1))]);
    const result = spawnProbe(probe, ['search', deck.file, cacheDir, JSON.stringify(queries)]);
    const p50 = percentile(result.ours, 0.5);
    const p95 = percentile(result.ours, 0.95);
    const plain50 = percentile(result.plain, 0.5);
    const plain95 = percentile(result.plain, 0.95);
    const found = result.top3.filter(Boolean).length;
    const target = name === '100k' ? '≤ 20 ms p95; planted in top 3' : '';
    rows.push([
      `${deck.count.toLocaleString('en')} questions, per query (${queries.length} queries)`,
      `p50 ${ms(p50)}, p95 ${ms(p95)}; plain fuse.js p50 ${ms(plain50)}, p95 ${ms(plain95)} (${(plain50 / p50).toFixed(0)}× slower); planted in top 3: ${found}/${result.top3.length}`,
      mb(result.oursRss),
      target,
      target ? mark(p95 <= 20 && found === result.top3.length) : '',
    ]);
  }
}

function reviews({ decks, homes }, probe) {
  log('1,000,000 reviews (the first run of each replays the whole log)…');
  section('1,000,000 reviews', 'first run = no snapshot yet: parse and replay the whole log');
  for (const name of ['10k', '100k']) {
    const deck = decks[name];
    const { home } = homes[name];
    const label = `${deck.count.toLocaleString('en')}-question deck`;
    const args = ['--deck', deck.file, 'stats', '--json'];
    const first = runKfq(args, home);
    const later = repeat(5, () => runKfq(args, home));
    rows.push([`\`kfq stats\`, ${label}, first run`, ms(first.ms), mb(first.rss), '≤ 5 s', mark(first.ms <= 5000)]);
    rows.push([`\`kfq stats\`, ${label}`, ms(later.ms), mb(later.rss), '≤ 2 s', mark(later.ms <= 2000)]);

    const drill = (drillHome) => {
      const started = performance.now();
      const output = spawnProbe(probe, ['drill', deck.file, drillHome]);
      return { ms: performance.now() - started, rss: output.maxRss };
    };
    // The probe is another build than dist/, so it makes its own snapshot: a copy of the home keeps kfq's apart.
    const drillHome = join(work, `home-drill-${name}`);
    mkdirSync(drillHome);
    copyFileSync(join(home, 'reviews.jsonl'), join(drillHome, 'reviews.jsonl'));
    const drillFirst = drill(drillHome);
    const drillLater = repeat(5, () => drill(drillHome));
    rows.push([`start of \`kfq drill\` to the first card, ${label}, first run`, ms(drillFirst.ms), mb(drillFirst.rss), '', '']);
    rows.push([
      `start of \`kfq drill\` to the first card, ${label}`,
      ms(drillLater.ms),
      mb(drillLater.rss),
      '≤ 2 s',
      mark(drillLater.ms <= 2000),
    ]);
  }
}

function deckIdentity({ decks }, probe) {
  log('following a changed deck…');
  section(
    'Following a changed deck',
    'in-process: last-seen list against the new one (1 inserted at the top, 1 in 100 reworded, 1 in 1,000 removed)',
  );
  const deck = decks['100k'];
  const cacheDir = join(work, 'probe-align');
  const runs = Array.from({ length: 3 }, () => spawnProbe(probe, ['align', deck.file, cacheDir])).sort((a, b) => a.ms - b.ms);
  const median = runs[1];
  const { edited, renumbered, new: added, removed } = median.counts;
  rows.push([
    `${deck.count.toLocaleString('en')} questions (${edited} edited, ${renumbered} renumbered, ${added} new, ${removed} removed)`,
    ms(median.ms),
    mb(median.maxRss),
    '≤ 1 s',
    mark(median.ms <= 1000),
  ]);
}

function report() {
  const cpu = cpus();
  const lines = [
    '# kfq benchmark',
    '',
    `Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${type()} ${release()}; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
    '',
    "Data: synthetic decks in the seed deck's shape and vocabulary (test/support/generate.js, fixed seeds), each with 8 planted questions; review logs of 1,000,000 reviews (with undo records and 4 damaged lines) over the 10,000- and the 100,000-question deck. Times are wall-clock medians of whole `kfq` processes unless marked in-process; memory is peak RSS" +
      (hasTime ? ' (`/usr/bin/time -f %M`).' : ' (not measured: /usr/bin/time is missing).'),
    '',
    '| Measure | Result | Peak memory | Target | Met |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ];
  const text = lines.join('\n');
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'latest.md'), text);
  quoteInReadme(lines.slice(2, -1).join('\n'));
  process.stdout.write(`\n${text}`);
}

/** Replaces what is between the README's bench markers with the new results. */
function quoteInReadme(results) {
  const file = join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = '<!-- bench:start (npm run bench writes this) -->';
  const end = '<!-- bench:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md has no ${start} … ${end} markers`);
  writeFileSync(file, `${readme.slice(0, from + start.length)}\n${results}\n${readme.slice(to)}`);
}

function section(title, note) {
  rows.push([`**${title}**`, `*${note}*`, '', '', '']);
}

function runKfq(args, home) {
  const command = hasTime ? [TIME, ['-f', 'KFQ_BENCH_MAXRSS %M', process.execPath, kfq, ...args]] : [process.execPath, [kfq, ...args]];
  const { ms, stderr, status } = spawnTimed(command[0], command[1], { KFQ_HOME: home });
  if (status !== 0) throw new Error(`kfq ${args.join(' ')} failed (${status}): ${stderr}`);
  const rss = Number(/KFQ_BENCH_MAXRSS (\d+)/.exec(stderr)?.[1] ?? NaN) * 1024;
  return { ms, rss };
}

function spawnProbe(probe, args) {
  const result = spawnSync(process.execPath, [probe, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`probe ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

function spawnTimed(file, args, env) {
  const started = performance.now();
  const result = spawnSync(file, args, {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, FORCE_COLOR: '0', KFQ_DECK: '', ...env },
  });
  return { ms: performance.now() - started, stderr: result.stderr, status: result.status };
}

/** Runs `measure` n times; the median time, and the peak memory of the run with the median time. */
function repeat(n, measure) {
  const results = Array.from({ length: n }, measure).sort((a, b) => a.ms - b.ms);
  return results[Math.floor(n / 2)];
}

function freshHome(name) {
  const home = join(work, `home-${name}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(home);
  return home;
}

function median(values) {
  return percentile(values, 0.5);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function ms(value) {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function mb(bytes) {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1e6)} MB` : 'n/a';
}

function mark(ok) {
  return ok ? '✓' : '✗';
}

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}
