// Peak memory and time of reading and exporting a big review log: `kfq history`
// and `kfq export --history` in every format over 1,000,000 reviews (about
// 220 MB of log), each a whole process measured with /usr/bin/time. The
// target: under 300 MB peak for each. Run: npm run build && node bench/history-export.js [reviews]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDeck, writeReviewLog } from '../test/support/generate.js';

const TARGET_MB = 300;
const reviews = Number(process.argv[2] ?? 1_000_000);
const kfq = fileURLToPath(new URL('../bin/kfq.js', import.meta.url));
const home = mkdtempSync(join(tmpdir(), 'kfq-bench-history-'));
const { questions } = generateDeck({ count: 1000 });
writeReviewLog(join(home, 'reviews.jsonl'), { deck: 'synthetic', questions, count: reviews });
const logMb = statSync(join(home, 'reviews.jsonl')).size / 2 ** 20;
console.log(`| Measure (${reviews.toLocaleString('en')} reviews, ${logMb.toFixed(0)} MB log) | Time | Peak memory | Target | Met |`);
console.log('| --- | --- | --- | --- | --- |');
let failed = false;
for (const args of [['history'], ['export', '--history', '--format', 'json'], ['export', '--history', '--format', 'csv']]) {
  const result = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, kfq, ...args], {
    env: { ...process.env, KFQ_HOME: home },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const [kb, seconds] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  const mb = kb / 1024;
  const met = result.status === 0 && mb < TARGET_MB;
  failed ||= !met;
  console.log(
    `| \`kfq ${args.join(' ')}\` | ${seconds.toFixed(2)} s | ${mb.toFixed(0)} MB | < ${TARGET_MB} MB | ${met ? '✓' : `✗ (exit ${result.status})`} |`,
  );
}
rmSync(home, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
