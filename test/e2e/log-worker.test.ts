// A long review log is read on two threads (src/store/logPartReader.ts), and
// its cards replayed on two (src/store/replayThread.ts): worker threads read
// the back segments and replay the later cards. What kfq shows must be exactly
// what one thread gives, and a worker that cannot run must not stop kfq.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/practice/mulberry32.js';
import { generateDeck } from '../support/generate.js';
import { kfqEnv, repoRoot, tempHome } from './run.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-log-worker-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const deck = generateDeck({ count: 2_000, seed: 5 });
const deckFile = join(temp, 'worker.md');
writeFileSync(deckFile, deck.text);

/**
 * Reviews as kfq writes them (with ids), undo records by id, a line damaged
 * by hand and lines of another deck: over 16 MB, so it is read in two parts.
 */
function writeLog(file: string): void {
  const random = mulberry32(11);
  const lines = [JSON.stringify({ kfq: 'review-log', version: 1 })];
  const ids: string[] = [];
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  for (let i = 0; i < 160_000; i++) {
    const question = deck.questions[Math.floor(random() * random() * deck.questions.length)]!;
    const other = random() < 0.05;
    const id = `r${i.toString(36)}-${Math.floor(random() * 1e9).toString(16)}`;
    ids.push(id);
    lines.push(
      JSON.stringify({
        id,
        questionId: other ? `other/${question.number}` : `worker/${question.number}`,
        deck: other ? 'other' : 'worker',
        number: question.number,
        question: question.question,
        rating: 1 + Math.floor(random() * 4),
        reviewedAt: new Date(start + i * 600_000 + Math.floor(random() * 1000)).toISOString(),
        durationMs: Math.round(random() * 30_000),
        answer: random() < 0.1 ? 'a "quoted" answer\\ with\nlines' : '',
        mode: random() < 0.9 ? 'drill' : 'mock',
      }),
    );
    // Undo records name reviews on both sides of the middle of the log.
    if (random() < 0.01) lines.push(JSON.stringify({ undo: '', questionId: '', id: ids[Math.floor(random() * ids.length)] }));
    if (i % 20_000 === 10_000) lines.push('{"questionId": "damaged by hand');
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
const log = join(temp, 'reviews.jsonl');
writeLog(log);

/** A private copy of the built kfq, changed by `change`. */
function copyOfKfq(name: string, change: (dist: string) => void): string {
  const dir = join(temp, name);
  for (const part of ['bin', 'dist', 'data', 'package.json']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  change(join(dir, 'dist'));
  return dir;
}

interface Run {
  stdout: string;
  stderr: string;
  status: number | null;
  home: string;
}

/** `kfq stats --json` over the log, on a first run (no snapshot yet). */
function statsOnFirstRun(kfqDir: string): Run {
  const home = tempHome();
  cpSync(log, join(home, 'reviews.jsonl'));
  return statsIn(home, kfqDir);
}

function statsIn(home: string, kfqDir: string): Run {
  const result = spawnSync(process.execPath, [join(kfqDir, 'bin', 'kfq.js'), '--deck', deckFile, 'stats', '--json'], {
    env: kfqEnv({ KFQ_HOME: home, KFQ_NOW: '2026-01-01T00:00:00.000Z', KFQ_DEBUG: '1' }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, home };
}

describe('a long review log read and replayed on two threads', () => {
  const oneThread = statsOnFirstRun(
    copyOfKfq('one-thread', (dist) => ['logPart.cjs', 'replay.cjs', 'cacheWrite.cjs'].forEach((worker) => rmSync(join(dist, worker)))),
  );

  it('when workers read the back segments and replay the later cards, then stats are exactly those of one thread', () => {
    const twoThreads = statsOnFirstRun(repoRoot);
    // KFQ_DEBUG says what the workers did: most of the log read and part of the cards replayed there.
    expect(twoThreads.stderr).toMatch(/kfq: read [1-9]\d* of \d+ segments of the review log on a worker thread/);
    expect(twoThreads.stderr).toMatch(/kfq: replayed [1-9]\d* of \d+ new cards on a worker thread/);
    expect(oneThread.stderr).not.toMatch(/on a worker thread/);
    expect(twoThreads.status).toBe(0);
    expect(stats(twoThreads.stdout)).toEqual(stats(oneThread.stdout));
    expect(stats(oneThread.stdout).reviews.total).toBeGreaterThan(140_000);
    // The damaged lines are reported once each, at their lines, as one thread does.
    expect(twoThreads.stderr).toContain('8 damaged lines skipped (first at line ');
    expect(warnings(twoThreads.stderr)).toEqual(warnings(oneThread.stderr));
  });

  it('when the first run has saved its snapshot (on a worker thread: it is big), then the next run reads only that, and shows the same', () => {
    const first = statsOnFirstRun(repoRoot);
    expect(first.stderr).toMatch(/reading \d+ MB of review history/);
    expect(readdirSync(join(first.home, 'cache')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const next = statsIn(first.home, repoRoot);
    expect(next.stderr).not.toMatch(/reading \d+ MB of review history/);
    expect(stats(next.stdout)).toEqual(stats(oneThread.stdout));
  });

  it('when the reader of its output has gone before it prints, then the first run still saves its snapshot before it exits', () => {
    const home = tempHome();
    cpSync(log, join(home, 'reviews.jsonl'));
    const kfq = [process.execPath, join(repoRoot, 'bin', 'kfq.js'), '--deck', deckFile, 'stats', '--json'].map(quoted).join(' ');
    // `true` exits at once: kfq's output meets a closed pipe (EPIPE) once the log is read. On one CPU
    // (where taskset can say so) the thread writing the snapshot is still at it then, unless kfq waits for it.
    const oneCpu = spawnSync('taskset', ['-c', '0', 'true']).status === 0 ? 'taskset -c 0 ' : '';
    const piped = spawnSync('sh', ['-c', `${oneCpu}${kfq} | true`], { env: kfqEnv({ KFQ_HOME: home }), encoding: 'utf8', timeout: 60_000 });
    expect(piped.stderr).toMatch(/reading \d+ MB of review history/);
    const next = statsIn(home, repoRoot);
    expect(next.stderr).not.toMatch(/reading \d+ MB of review history/);
    expect(stats(next.stdout)).toEqual(stats(oneThread.stdout));
  });

  it('when the worker that writes big cache entries cannot load, then the next run reads the log again, and shows the same', () => {
    const kfqDir = copyOfKfq('broken-cache-writer', (dist) => writeFileSync(join(dist, 'cacheWrite.cjs'), 'this is not JavaScript('));
    const first = statsOnFirstRun(kfqDir);
    expect(first.status).toBe(0);
    const next = statsIn(first.home, kfqDir);
    expect(next.stderr).toMatch(/reading \d+ MB of review history/);
    expect(stats(next.stdout)).toEqual(stats(oneThread.stdout));
  });

  it('when the deck is missing, then kfq says so at once, and nothing about reading the log', () => {
    const home = tempHome();
    cpSync(log, join(home, 'reviews.jsonl'));
    const result = spawnSync(process.execPath, [join(repoRoot, 'bin', 'kfq.js'), '--deck', join(temp, 'missing.md'), 'stats'], {
      env: kfqEnv({ KFQ_HOME: home }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^kfq: .*missing\.md: no such deck/);
    expect(result.stderr).not.toMatch(/review history/);
  });

  it('when the workers cannot load, then kfq reads and replays the whole log itself and shows the same', () => {
    const broken = statsOnFirstRun(
      copyOfKfq('broken-worker', (dist) =>
        ['logPart.cjs', 'replay.cjs'].forEach((worker) => writeFileSync(join(dist, worker), 'this is not JavaScript(')),
      ),
    );
    expect(broken.status).toBe(0);
    expect(broken.stderr).not.toMatch(/on a worker thread/);
    expect(stats(broken.stdout)).toEqual(stats(oneThread.stdout));
  });
});

function quoted(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** The stats, but the time they were made (the clock runs on from KFQ_NOW). */
function stats(stdout: string): { reviews: { total: number } } {
  const { generatedAt: _, ...rest } = JSON.parse(stdout) as { generatedAt: string; reviews: { total: number } };
  return rest;
}

function warnings(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('warning:'))
    .map((line) => line.replace(/^.*reviews\.jsonl:/, 'reviews.jsonl:'));
}
