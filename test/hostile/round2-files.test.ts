// Hardening round 2, the files kfq writes and reads back: every atomic writer
// uses a random temp name created exclusively; export refuses symlinks and
// devices; FIFOs in place of a report, the log or an origin note are an error,
// not a hang; stale temp files are tidied; EFBIG reads as plain words; CSV
// cells cannot run as spreadsheet formulas.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCache } from '../../src/store/cacheFile.js';
import { writeFileAtomic } from '../../src/store/files.js';
import { installDeck } from '../../src/store/installedDecks.js';
import { saveReport } from '../../src/store/interviewReports.js';
import { startReport } from '../../src/practice/interview.js';
import { kfqBin, repoRoot } from '../e2e/run.js';
import { expectCleanFailure, LOG_HEADER, review, runKfq, tempDir, tempHome } from './helpers.js';

/** What the old writers named their temp file: `.NAME.PID.tmp`, which anyone could plant a symlink under. */
function plantOldTempLink(file: string, victim: string): string {
  const dir = join(file, '..');
  const name = file.slice(dir.length + 1);
  const link = join(dir, `.${name}.${process.pid}.tmp`);
  symlinkSync(victim, link);
  return link;
}

describe('every atomic writer: a symlink planted under a guessable temp name is never followed', () => {
  const victimIn = (dir: string): string => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'untouched');
    return victim;
  };

  it('when export (writeFileAtomic) writes, then a planted link is not written through', () => {
    const dir = tempDir();
    const victim = victimIn(dir);
    plantOldTempLink(join(dir, 'out.csv'), victim);
    writeFileAtomic(join(dir, 'out.csv'), 'data');
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('data');
  });

  it('when a deck and its origin note are installed, then planted links are not written through', () => {
    const dir = tempDir();
    const victim = victimIn(dir);
    plantOldTempLink(join(dir, 'd.md'), victim);
    plantOldTempLink(join(dir, 'd.json'), victim);
    expect(installDeck(dir, 'd', '# D\n', { source: '/x', format: 'markdown', addedAt: '2025-01-01T00:00:00Z' }, false)).toBe('added');
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
  });

  it('when a report is saved, then a planted link is not written through', () => {
    const dir = tempDir();
    const victim = victimIn(dir);
    plantOldTempLink(join(dir, 'r1.json'), victim);
    saveReport(dir, startReport({ id: 'r1', startedAt: new Date(), perQuestionSeconds: 60, totalSeconds: null, seed: 1, planned: 1 }));
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
  });

  it('when a cache entry is written, then a planted link is not written through', () => {
    const dir = tempDir();
    const victim = victimIn(dir);
    plantOldTempLink(join(dir, 'entry'), victim);
    expect(writeCache(join(dir, 'entry'), 'k', { a: 1 })).toBe(true);
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
  });
});

describe('export -o onto something that is not a regular file: refused, left as it was', () => {
  it('when the target is a symlink, then exit 2 naming it, and the link and its target are unchanged', () => {
    const dir = tempDir();
    const target = join(dir, 'real.csv');
    writeFileSync(target, 'mine');
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    const result = runKfq(['export', '--format', 'csv', '-o', link, '--force']);
    expectCleanFailure(result, 2, /link\.csv is a symbolic link; kfq export writes only to a regular file/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('mine');
  });

  it('when the target is a character device, then it stays a device', () => {
    if (process.getuid?.() !== 0) return; // mknod needs root.
    const device = join(tempDir(), 'null');
    if (spawnSync('mknod', [device, 'c', '1', '3']).status !== 0) return;
    const result = runKfq(['export', '--format', 'json', '-o', device, '--force']);
    expectCleanFailure(result, 2, /is a device; kfq export writes only to a regular file/);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });
});

describe('a FIFO in place of a file kfq reads back: exit 3 naming it, never a hang', () => {
  const fifo = (file: string): void => {
    mkdirSync(join(file, '..'), { recursive: true });
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
  };
  const quick = { timeoutMs: 10_000 };

  it.each([
    ['history', ['history']],
    ['stats', ['stats']],
    ['export --history', ['export', '--history', '--format', 'json']],
  ])('when the review log is a FIFO, then %s fails at once', (_, args) => {
    const home = tempHome();
    fifo(join(home, 'reviews.jsonl'));
    expectCleanFailure(runKfq(args, { env: { KFQ_HOME: home }, ...quick }), 3, /the review log .*reviews\.jsonl is a FIFO/);
  });

  it.each([
    ['mock --list', ['mock', '--list']],
    ['mock --report', ['mock', '--report', 'last']],
    ['stats', ['stats']],
  ])('when a report is a FIFO, then %s fails at once', (_, args) => {
    const home = tempHome();
    fifo(join(home, 'reports', '20250101-100000.json'));
    expectCleanFailure(runKfq(args, { env: { KFQ_HOME: home }, ...quick }), 3, /the interview report .*20250101-100000\.json is a FIFO/);
  });

  it('when an origin note is a FIFO, then deck list fails at once', () => {
    const home = tempHome();
    expect(runKfq(['deck', 'add', join(repoRoot, 'test/fixtures/import/devops.md')], { env: { KFQ_HOME: home } }).code).toBe(0);
    const note = join(home, 'decks', 'devops.json');
    spawnSync('rm', [note]);
    fifo(note);
    expectCleanFailure(runKfq(['deck', 'list'], { env: { KFQ_HOME: home }, ...quick }), 3, /the origin note .*devops\.json is a FIFO/);
  });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function plantTemp(file: string, ageMs = 3_600_000): string {
  writeFileSync(file, 'half-written');
  const then = new Date(Date.now() - ageMs);
  utimesSync(file, then, then);
  return file;
}

describe('temp files left by a killed kfq', () => {
  it('when kfq starts, then stale temps in its own folders go; a live or fresh one stays', () => {
    const home = tempHome();
    const pid = deadPid();
    for (const folder of ['decks', 'reports', 'cache']) mkdirSync(join(home, folder), { recursive: true });
    const stale = [
      plantTemp(join(home, 'cache', `.reviews-abc.${pid}.tmp`)),
      plantTemp(join(home, 'decks', `.big.md.${pid}.tmp`)),
      plantTemp(join(home, 'reports', `.20250101-100000.json.kfq-${pid}-0a1b2c.tmp`)),
    ];
    const live = plantTemp(join(home, 'cache', `.deck-x.${process.pid}.tmp`));
    const fresh = plantTemp(join(home, 'decks', `.new.md.kfq-${pid}-0a1b2c.tmp`), 0);
    expect(runKfq(['list'], { env: { KFQ_HOME: home } }).code).toBe(0);
    for (const file of stale) expect(existsSync(file), file).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(fresh)).toBe(true);
  });

  it('when kfq exports into a folder, then its own stale temps there go, and nobody else’s', () => {
    const dir = tempDir();
    const pid = deadPid();
    const mine = [plantTemp(join(dir, `.big.txt.${pid}.tmp`)), plantTemp(join(dir, `.other.csv.kfq-${pid}-0a1b2c.tmp`))];
    const someoneElse = plantTemp(join(dir, `.notes.txt.${pid}.tmp`));
    expect(runKfq(['export', '--format', 'csv', '-o', join(dir, 'big.txt')]).code).toBe(0);
    for (const file of mine) expect(existsSync(file), file).toBe(false);
    expect(existsSync(someoneElse)).toBe(true);
  });
});

describe('a write over the file size limit (ulimit -f)', () => {
  it('when export hits EFBIG, then a plain message, exit 3, and no partial file', () => {
    const dir = tempDir();
    const out = join(dir, 'out.json');
    const result = spawnSync(
      'sh',
      ['-c', `ulimit -f 1; exec "$0" "$@"`, process.execPath, kfqBin, 'export', '--format', 'json', '-o', out],
      {
        cwd: repoRoot,
        env: { ...process.env, FORCE_COLOR: '0', KFQ_HOME: tempHome() },
        encoding: 'utf8',
      },
    );
    expectCleanFailure({ code: result.status, stdout: result.stdout, stderr: result.stderr }, 3, /the file is too large/);
    expect(result.stderr).not.toContain('EFBIG');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('CSV export and spreadsheet formulas', () => {
  const deck = (): string => {
    const file = join(tempDir(), 'formulas.md');
    writeFileSync(
      file,
      '# Formulas\n\n## =HYPERLINK("http://x")\n\n1. @SUM(A1:A2)\n\n   +cmd|/c calc\n\n2. Plain question?\n\n   - a list answer\n',
    );
    return file;
  };

  it('when a question, answer or category starts with = + - @, then the cell gets a quote in front and is quoted', () => {
    const result = runKfq(['--deck', deck(), 'export', '--format', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(result.stdout).toContain(`"'@SUM(A1:A2)"`);
    expect(result.stdout).toContain(`"'+cmd|/c calc"`);
    expect(result.stdout).toContain(`"'- a list answer"`);
    expect(result.stdout).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('when --raw, then cells are written as they are', () => {
    const result = runKfq(['--deck', deck(), 'export', '--format', 'csv', '--raw']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(',@SUM(A1:A2),');
  });

  it('when the history holds formula text, then export --history --format csv neutralises it', () => {
    const home = tempHome();
    writeFileSync(join(home, 'reviews.jsonl'), `${LOG_HEADER}\n${JSON.stringify({ ...review(1), question: '=1+1', answer: '-2+3' })}\n`);
    const result = runKfq(['export', '--history', '--format', 'csv'], { env: { KFQ_HOME: home } });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`"'=1+1"`);
    expect(result.stdout).toContain(`"'-2+3"`);
  });

  it('when kfq’s own CSV export is added back as a deck, then the answers read as they were', () => {
    const dir = tempDir();
    const csv = join(dir, 'k.csv');
    expect(runKfq(['export', '--format', 'csv', '-o', csv]).code).toBe(0);
    const home = tempHome();
    expect(runKfq(['deck', 'add', csv, '--name', 'k'], { env: { KFQ_HOME: home } }).code).toBe(0);
    const shown = JSON.parse(runKfq(['--deck', 'k', 'show', '1', '--json'], { env: { KFQ_HOME: home } }).stdout);
    expect(shown.answer).toMatch(/^- Kubeflow/);
  });
});
