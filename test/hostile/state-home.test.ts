// A kfq home that cannot be written, and a disk that fills up mid-session.
// Drill and mock must say so before the first question, not after the user
// has answered some; when the disk fills during a session, it stops with a
// clear message and everything saved before is intact.
//
// As root, permissions do not stop writes, so: a file in the way, a read-only
// bind mount (skipped where mount is not permitted), a path under /proc, and
// an unprivileged user (uid 65534) for plain EACCES. The full disk is a tiny
// tmpfs filled up by the test while kfq waits for a key.
import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../e2e/run.js';
import { canMount, historyJson, mount, runKfq, runKfqAsNobody, tempDir, timedKfq, unmount } from './helpers.js';
import { hasTmux, Terminal } from './terminal.js';

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted.splice(0)) unmount(dir);
});

/** Fills the file system holding `dir` until a write fails with ENOSPC. */
function fillDisk(dir: string): void {
  const fd = openSync(join(dir, 'filler'), 'w');
  const chunk = Buffer.alloc(16 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // Whatever is left is smaller than a chunk: take it too, a byte at a time.
  const rest = openSync(join(dir, 'filler-rest'), 'w');
  try {
    for (;;) writeSync(rest, Buffer.alloc(512, 1));
  } catch {
    // ENOSPC: full.
  } finally {
    closeSync(rest);
  }
}

describe.skipIf(!hasTmux)('a kfq home that cannot be written: a clear error before the first question (exit 3)', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.dispose());

  async function expectRefusedBeforeSession(args: string[], home: string, message: RegExp): Promise<void> {
    terminal = Terminal.start({ args, env: { KFQ_HOME: home }, hangup: 'absorb' });
    expect(await terminal.exitCode()).toBe(3);
    const stderr = terminal.stderr();
    expect(stderr).toMatch(message);
    expect(
      stderr
        .trimEnd()
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('hint: ')),
    ).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
    // No card, no start screen: nothing was asked.
    expect(terminal.screen()).not.toMatch(/1\/\d|Enter starts|Question 1/);
  }

  const drill = ['drill', '-n', '2'];
  const mock = ['mock', '-n', '2'];

  it.each([
    ['drill', drill],
    ['mock', mock],
  ])('%s: KFQ_HOME is a file', async (_, args) => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    await expectRefusedBeforeSession(args, file, new RegExp(`^kfq: cannot create the folder ${file}: a file is in the way\\n`));
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it.each([
    ['drill', drill],
    ['mock', mock],
  ])('%s: KFQ_HOME under /proc, where nothing can be created', async (_, args) => {
    await expectRefusedBeforeSession(args, '/proc/kfq-home', /^kfq: cannot create the folder \/proc\/kfq-home: /);
  });

  it.skipIf(!canMount).each([
    ['drill', drill],
    ['mock', mock],
  ])('%s: KFQ_HOME on a read-only mount', async (_, args) => {
    const home = tempDir();
    for (const folder of ['decks', 'reports', 'cache']) mkdirSync(join(home, folder));
    mount(['--bind', '-o', 'ro', home, home]);
    mounted.push(home);
    await expectRefusedBeforeSession(args, home, new RegExp(`^kfq: the kfq home ${home} is not writable: read-only file system\\n`));
    expect(readdirSync(home).sort()).toEqual(['cache', 'decks', 'reports']);
  });

  it('deck add to a read-only home: exit 3, nothing half-installed', () => {
    if (!canMount) return;
    const home = tempDir();
    for (const folder of ['decks', 'reports', 'cache']) mkdirSync(join(home, folder));
    mount(['--bind', '-o', 'ro', home, home]);
    mounted.push(home);
    const result = runKfq(['deck', 'add', join(repoRoot, 'test/fixtures/import/devops.md')], { env: { KFQ_HOME: home } });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^kfq: the kfq home .* is not writable: read-only file system\n/);
    expect(readdirSync(join(home, 'decks'))).toEqual([]);
  });

  it('a home the user may not write (uid 65534 against a root-owned folder): permission denied, exit 3', () => {
    if (process.getuid?.() !== 0) return;
    const home = tempDir();
    chmodSync(home, 0o755);
    const deck = join(home, 'devops.md');
    copyFileSync(join(repoRoot, 'test/fixtures/import/devops.md'), deck);
    chmodSync(deck, 0o644);
    const result = runKfqAsNobody(['deck', 'add', deck], { KFQ_HOME: join(home, 'kfq') });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^kfq: cannot create the folder .*: permission denied\nhint: /);
  });
});

describe('commands that only read work whatever the home is like (the cache is only skipped)', () => {
  it.each([
    [
      'a file',
      () => {
        const file = join(tempDir(), 'a-file');
        writeFileSync(file, 'x');
        return file;
      },
    ],
    ['under /proc', () => '/proc/kfq-home'],
  ])('KFQ_HOME is %s: list, search and show still answer, within seconds', (_, home) => {
    const env = { KFQ_HOME: home() };
    for (const args of [['list'], ['search', 'katib'], ['show', '7']]) {
      const result = timedKfq(args, { env, timeoutMs: 10_000 });
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(0);
      expect(result.stdout).not.toBe('');
      expect(result.ms).toBeLessThan(5000);
    }
  });
});

describe.skipIf(!hasTmux || !canMount)('the disk fills up during a session', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.dispose());

  function smallDisk(): string {
    const home = tempDir();
    mount(['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', home]);
    mounted.push(home);
    return home;
  }

  it('drill: the grade that does not fit stops the session with "the disk is full" (exit 3); earlier grades are intact', async () => {
    const home = smallDisk();
    // The second question is long, so its review needs a fresh page of the full disk.
    const deck = join(tempDir(), 'full.md');
    writeFileSync(
      deck,
      `## Basics\n\n1. **What is a pod?**\n   - The smallest unit.\n\n2. **${'Why is this question so long? '.repeat(170).trim()}**\n   - Filler.\n`,
    );
    terminal = Terminal.start({ args: ['--deck', deck, 'drill', '-n', '2'], env: { KFQ_HOME: home }, rows: 120, hangup: 'absorb' });
    await terminal.waitFor('#1 What is a pod?');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Reference answer');
    terminal.sendKeys('3');
    await terminal.waitFor('#2 Why is this question so long?');
    expect(historyJson(home).map((r) => [r.questionId, r.rating])).toEqual([['full/1', 3]]);

    fillDisk(home);
    terminal.sendKeys('Enter');
    await terminal.waitFor('Reference answer');
    terminal.sendKeys('4');
    expect(await terminal.exitCode()).toBe(3);
    expect(terminal.stderr()).toMatch(new RegExp(`kfq: cannot write the review log ${home}/reviews\\.jsonl: the disk is full\\n`));
    expect(terminal.stderr()).not.toMatch(/\n\s+at /);
    // The grade that was saved is still there; the one that failed is not counted.
    expect(historyJson(home).map((r) => [r.questionId, r.rating])).toEqual([['full/1', 3]]);
  });

  it('mock: the answer that does not fit stops the interview (exit 3); the saved report keeps the answers before it', async () => {
    const home = smallDisk();
    terminal = Terminal.start({
      args: ['mock', '-n', '3', '--per-question', '1m', '--seed', '4'],
      env: { KFQ_HOME: home },
      hangup: 'absorb',
    });
    await terminal.waitFor('Enter starts');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Question 1/3');
    terminal.typeText('answered before the disk filled');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Question 2/3');
    fillDisk(home);
    terminal.typeText('this one cannot be saved');
    terminal.sendKeys('Enter');
    expect(await terminal.exitCode()).toBe(3);
    expect(terminal.stderr()).toMatch(/kfq: cannot write .*: the disk is full\n/);
    expect(terminal.stderr()).not.toMatch(/\n\s+at /);

    const report = runKfq(['mock', '--report', 'last', '--json'], { env: { KFQ_HOME: home } });
    expect(report.code, report.stderr).toBe(0);
    const saved = JSON.parse(report.stdout) as { questions: { answer: string }[] };
    expect(saved.questions.map((q) => q.answer)).toEqual(['answered before the disk filled']);
    // No temp file was left behind by the failed write.
    expect(readdirSync(join(home, 'reports')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
