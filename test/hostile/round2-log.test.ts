// Hardening round 2, the review log: drill and mock check they can append
// before the first question; kfq never appends to a file that is not a review
// log (a symlinked log is followed, and guarded by that check); a big log is
// read and exported as a stream; kfq doctor --fix sets damaged lines aside so
// no warning repeats.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeReviewLog } from '../support/generate.js';
import { StorageError } from '../../src/errors.js';
import { appendReview } from '../../src/store/reviewLog.js';
import { type Review } from '../../src/model/review.js';
import { kfqBin, kfqEnv, repoRoot } from '../e2e/run.js';
import { canMount, historyJson, LOG_HEADER, mount, review, runKfq, tempDir, tempHome, unmount } from './helpers.js';
import { hasTmux, Terminal } from './terminal.js';

/** Looks like /etc/passwd: not one line of it is a kfq record. */
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';

describe.skipIf(!hasTmux)('drill and mock check the review log before the first question', () => {
  let terminal: Terminal | undefined;
  const mounted: string[] = [];
  afterEach(() => {
    terminal?.dispose();
    for (const file of mounted.splice(0)) unmount(file);
  });

  /** A read-only log: a read-only bind mount as root (permissions do not stop root), chmod otherwise. */
  function readOnlyLog(home: string): string | undefined {
    const log = join(home, 'reviews.jsonl');
    writeFileSync(log, `${LOG_HEADER}\n${JSON.stringify(review(1))}\n`);
    if (process.getuid?.() !== 0) {
      chmodSync(log, 0o444);
      return log;
    }
    if (!canMount) return undefined;
    mount(['--bind', '-o', 'ro', log, log]);
    mounted.push(log);
    return log;
  }

  async function expectRefused(args: string[], home: string, message: RegExp): Promise<void> {
    terminal = Terminal.start({ args, env: { KFQ_HOME: home }, hangup: 'absorb' });
    expect(await terminal.exitCode()).toBe(3);
    expect(terminal.stderr()).toMatch(message);
    expect(terminal.screen()).not.toMatch(/1\/\d|Enter starts|Question 1/);
  }

  it.each([
    ['drill', ['drill', '-n', '2']],
    ['mock', ['mock', '-n', '2']],
  ])('when the log is read-only, then %s exits 3 naming it before asking anything', async (_, args) => {
    const home = tempHome();
    const log = readOnlyLog(home);
    if (!log) return;
    await expectRefused(args, home, /^kfq: cannot write the review log .*reviews\.jsonl: (read-only file system|permission denied)\n/);
  });

  it.each([
    ['drill', ['drill', '-n', '2']],
    ['mock', ['mock', '-n', '2']],
  ])('when the log is a FIFO, then %s exits 3 naming it instead of hanging', async (_, args) => {
    const home = tempHome();
    expect(spawnSync('mkfifo', [join(home, 'reviews.jsonl')]).status).toBe(0);
    await expectRefused(args, home, /^kfq: the review log .*reviews\.jsonl is a FIFO \(named pipe\), not a regular file/);
  });

  it.each([
    ['drill', ['drill', '-n', '2']],
    ['mock', ['mock', '-n', '2']],
  ])('when the log is a symlink to a file that is not a review log, then %s refuses it, untouched', async (_, args) => {
    const home = tempHome();
    const victim = join(tempDir(), 'passwd');
    writeFileSync(victim, PASSWD);
    symlinkSync(victim, join(home, 'reviews.jsonl'));
    await expectRefused(
      args,
      home,
      /^kfq: .*reviews\.jsonl is not a kfq review log \(no line in it is a kfq record\); kfq did not write to it\n/,
    );
    expect(readFileSync(victim, 'utf8')).toBe(PASSWD);
  });
});

describe('appending to the review log', () => {
  const graded = review(7) as Review;

  it('when the file has content but not one kfq record, then the append is refused and the file unchanged', () => {
    const file = join(tempDir(), 'reviews.jsonl');
    writeFileSync(file, PASSWD);
    expect(() => appendReview(file, graded)).toThrow(StorageError);
    expect(() => appendReview(file, graded)).toThrow(/is not a kfq review log/);
    expect(readFileSync(file, 'utf8')).toBe(PASSWD);
  });

  it('when the log is a symlink to a review log, then the review lands in the file it points to', () => {
    const dir = tempDir();
    const real = join(dir, 'synced-reviews.jsonl');
    writeFileSync(real, `${LOG_HEADER}\n${JSON.stringify(review(1))}\n`);
    const link = join(dir, 'reviews.jsonl');
    symlinkSync(real, link);
    appendReview(link, graded);
    expect(readFileSync(real, 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });

  it('when a log has no header and some damaged lines but one review, then it is still a review log', () => {
    const file = join(tempDir(), 'reviews.jsonl');
    writeFileSync(file, `garbage\n${JSON.stringify(review(1))}\n`);
    appendReview(file, graded);
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });
});

describe('a big review log is read and written as a stream', () => {
  // 150,000 reviews (33 MB): a heap of 40 MB cannot hold the log as one string and all its reviews at once.
  const home = tempHome();
  let made: ReturnType<typeof writeReviewLog>;
  beforeAll(() => {
    made = writeReviewLog(join(home, 'reviews.jsonl'), {
      deck: 'kubeflow',
      questions: Array.from({ length: 100 }, (_, i) => ({ number: i + 1, question: `question ${i + 1}` })),
      count: 150_000,
    });
  });
  const run = (args: string[]) =>
    spawnSync(process.execPath, [kfqBin, ...args], {
      cwd: repoRoot,
      env: kfqEnv({ KFQ_HOME: home, NODE_OPTIONS: '--max-old-space-size=40' }),
      encoding: 'utf8',
      maxBuffer: 512 << 20,
      timeout: 60_000,
    });

  it('when export --history --format json runs in a small heap, then every review not undone comes out', () => {
    const result = run(['export', '--history', '--format', 'json']);
    expect(result.status, result.stderr.slice(0, 500)).toBe(0);
    const exported = JSON.parse(result.stdout) as { reviews: unknown[] };
    expect(exported.reviews.length).toBeGreaterThan(made.reviews - 2 * made.undos - 1);
    expect(exported.reviews.length).toBeLessThanOrEqual(made.reviews - made.undos);
  });

  it('when export --history --format csv and history run in a small heap, then they succeed', () => {
    const csv = run(['export', '--history', '--format', 'csv']);
    expect(csv.status, csv.stderr.slice(0, 500)).toBe(0);
    expect(csv.stdout.split('\r\n').length).toBeGreaterThan(made.reviews - 2 * made.undos);
    const history = run(['history', '--json', '--limit', '5']);
    expect(history.status, history.stderr.slice(0, 500)).toBe(0);
    expect(JSON.parse(history.stdout)).toHaveLength(5);
  });
});

describe('kfq doctor', () => {
  const good = [review(1, 3), review(2, 2)].map((r) => JSON.stringify(r));
  const CUT = JSON.stringify(review(3, 1)).slice(0, 40);
  const damagedLog = `${LOG_HEADER}\n${good[0]}\nnot json\n${good[1]}\n${CUT}`;

  it('when the log has damaged lines, then doctor names them; --fix moves them to a dated side file and no warning repeats', () => {
    const home = tempHome();
    const log = join(home, 'reviews.jsonl');
    writeFileSync(log, damagedLog);
    const env = { KFQ_HOME: home, KFQ_CONFIG_HOME: tempDir() };
    const before = runKfq(['doctor'], { env });
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/warning log: .*reviews\.jsonl: 2 damaged lines \(line 3, 5\)/);
    expect(readFileSync(log, 'utf8')).toBe(damagedLog);

    const fixed = runKfq(['doctor', '--fix'], { env });
    expect(fixed.code, fixed.stdout + fixed.stderr).toBe(0);
    const side = readdirSync(home).filter((name) => /^reviews\.jsonl\.damaged-\d{8}-\d{6}$/.test(name));
    expect(side).toHaveLength(1);
    expect(readFileSync(join(home, side[0]!), 'utf8')).toBe(`not json\n${CUT}\n`);
    expect(readFileSync(log, 'utf8')).toBe(`${LOG_HEADER}\n${good[0]}\n${good[1]}\n`);

    for (const args of [['history'], ['stats'], ['export', '--history', '--format', 'csv'], ['mock', '--list'], ['doctor']]) {
      const again = runKfq(args, { env });
      expect(again.code, args.join(' ')).toBe(0);
      expect(again.stderr, args.join(' ')).not.toContain('warning');
    }
    expect(historyJson(home)).toHaveLength(2);
  });

  it('when reports are damaged, stale temps lie about and a FIFO sits in the cache, then --fix sets them right', () => {
    const home = tempHome();
    const env = { KFQ_HOME: home, KFQ_CONFIG_HOME: tempDir() };
    expect(runKfq(['list'], { env }).code).toBe(0);
    spawnSync('mkdir', ['-p', join(home, 'reports'), join(home, 'cache')]);
    writeFileSync(join(home, 'reports', '20250101-100000.json'), '{"kfq":"interview-report", cut');
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const temp = join(home, 'cache', `.reviews-x.kfq-${dead}-abcdef.tmp`);
    writeFileSync(temp, 'half');
    spawnSync('touch', ['-d', '2 hours ago', temp]);
    spawnSync('mkfifo', [join(home, 'cache', 'deck-fifo')]);

    const report = runKfq(['doctor', '--json'], { env });
    expect(report.code).toBe(1);
    const found = JSON.parse(report.stdout) as { findings: { area: string; level: string; file: string }[] };
    expect(
      found.findings
        .filter((f) => f.level !== 'ok')
        .map((f) => f.area)
        .sort(),
    ).toEqual(['cache', 'reports', 'temp files']);

    expect(runKfq(['doctor', '--fix'], { env }).code).toBe(0);
    expect(existsSync(temp)).toBe(false);
    expect(readdirSync(join(home, 'reports'))).toEqual([expect.stringMatching(/^20250101-100000\.json\.damaged-\d{8}-\d{6}$/)]);
    expect(runKfq(['mock', '--list'], { env }).stderr).not.toContain('warning');
    expect(runKfq(['doctor'], { env }).code).toBe(0);
    // The cache was built again.
    expect(readdirSync(join(home, 'cache')).some((name) => name.startsWith('deck-'))).toBe(true);
  });

  it('when the log is a symlink to a file that is not a review log, then doctor says so and --fix leaves it alone', () => {
    const home = tempHome();
    const victim = join(tempDir(), 'passwd');
    writeFileSync(victim, PASSWD);
    symlinkSync(victim, join(home, 'reviews.jsonl'));
    const result = runKfq(['doctor', '--fix'], { env: { KFQ_HOME: home } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/problem log: .*is not a kfq review log/);
    expect(readFileSync(victim, 'utf8')).toBe(PASSWD);
  });

  it('when there is no data folder yet, then doctor says so and exits 0', () => {
    const result = runKfq(['doctor'], { env: { KFQ_HOME: join(tempDir(), 'none') } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no data folder yet');
  });
});
