// A damaged review log: the last line cut by a crash, or garbage in the
// middle. Every command that reads it warns with line numbers, keeps the bad
// lines in the file byte for byte, and uses everything else.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyJson, LOG_HEADER, review, runKfq, tempHome } from './helpers.js';
import { hasTmux, Terminal } from './terminal.js';

const good = [review(1, 3), review(2, 3, 1), review(3, 2)].map((r) => JSON.stringify(r));
const CUT = JSON.stringify(review(4, 1)).slice(0, 57);
/** Header, three reviews, then a fourth cut short by a crash (no newline). */
const CUT_LOG = `${LOG_HEADER}\n${good.join('\n')}\n${CUT}`;
/** Garbage between good lines: not JSON (line 3), not a review (line 5), a review with a bad rating (line 6). */
const GARBAGE_LOG = [
  LOG_HEADER,
  good[0],
  'this is not JSON at all',
  good[1],
  '{"hello":"world"}',
  JSON.stringify({ ...review(5, 1), rating: 7 }),
  '',
  good[2],
  '',
].join('\n');

function homeWith(log: string): { home: string; file: string } {
  const home = tempHome();
  const file = join(home, 'reviews.jsonl');
  writeFileSync(file, log);
  return { home, file };
}

describe('a review log whose last line was cut by a crash', () => {
  it('history: a warning naming the line, the other reviews listed, the file untouched', () => {
    const { home, file } = homeWith(CUT_LOG);
    const result = runKfq(['history'], { env: { KFQ_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${file}:5: incomplete line (cut short by a crash?), skipped\n`);
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
    expect(
      historyJson(home)
        .map((r) => r.questionId)
        .sort(),
    ).toEqual(['kubeflow/1', 'kubeflow/2', 'kubeflow/3']);
    expect(readFileSync(file, 'utf8')).toBe(CUT_LOG);
  });

  it('stats: a warning, every good review counted, the file untouched', () => {
    const { home, file } = homeWith(CUT_LOG);
    const result = runKfq(['stats', '--json'], { env: { KFQ_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: ${file}: 1 damaged line skipped (first at line 5)\n`);
    expect(JSON.parse(result.stdout).reviews.total).toBe(3);
    expect(runKfq(['stats'], { env: { KFQ_HOME: home } }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(CUT_LOG);
  });

  it('export --history: the good reviews, the file untouched', () => {
    const { home, file } = homeWith(CUT_LOG);
    const result = runKfq(['export', '--history', '--format', 'json'], { env: { KFQ_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('1 damaged line left out');
    expect(JSON.parse(result.stdout).reviews).toHaveLength(3);
    expect(readFileSync(file, 'utf8')).toBe(CUT_LOG);
  });
});

describe('garbage lines in the middle of the review log', () => {
  it('history: each reported with its line number, the rest loads, the file byte-identical', () => {
    const { home, file } = homeWith(GARBAGE_LOG);
    const before = readFileSync(file);
    const result = runKfq(['history'], { env: { KFQ_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      `warning: ${file}:3: not valid JSON (edited by hand?), skipped`,
      `warning: ${file}:5: not a review: questionId, deck, number, question, rating, reviewedAt, durationMs, answer, mode missing or invalid, skipped`,
      `warning: ${file}:6: not a review: rating missing or invalid, skipped`,
    ]);
    expect(
      historyJson(home)
        .map((r) => r.questionId)
        .sort(),
    ).toEqual(['kubeflow/1', 'kubeflow/2', 'kubeflow/3']);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('stats and export: the good reviews count, the file byte-identical', () => {
    const { home, file } = homeWith(GARBAGE_LOG);
    const before = readFileSync(file);
    const stats = runKfq(['stats', '--json'], { env: { KFQ_HOME: home } });
    expect(stats.stderr).toContain('3 damaged lines skipped (first at line 3)');
    expect(JSON.parse(stats.stdout).reviews.total).toBe(3);
    expect(runKfq(['export', '--history', '--format', 'csv'], { env: { KFQ_HOME: home } }).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe.skipIf(!hasTmux)('a drill or a mock over a damaged log', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.dispose());

  it.each([
    ['cut last line', CUT_LOG, [':5: incomplete line']],
    ['garbage in the middle', GARBAGE_LOG, [':3: not valid JSON', ':5: not a review', ':6: not a review']],
  ])('drill with a %s: warns, schedules from the good reviews, appends after the old bytes', async (_, log, warnings) => {
    const { home, file } = homeWith(log);
    terminal = Terminal.start({ args: ['drill', '-n', '2', '--order', 'new'], env: { KFQ_HOME: home }, hangup: 'absorb' });
    // kubeflow/1–3 have good reviews, so the first new card is the fourth.
    await terminal.waitFor('#4 ');
    for (const warning of warnings) expect(terminal.stderr()).toContain(warning);
    terminal.sendKeys('Enter');
    await terminal.waitFor('Reference answer');
    terminal.sendKeys('3');
    await terminal.waitFor('2/2');
    terminal.sendKeys('q', 'Enter');
    expect(await terminal.exitCode()).toBe(0);

    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(log)).toBe(true);
    // The cut line is kept, and the new review starts on a line of its own.
    expect(after.slice(log.length)).toMatch(/^\n?\{"id":"[0-9a-z]+-[0-9a-f]{12}","questionId":"kubeflow\/4".*\}\n$/);
    expect(
      historyJson(home)
        .map((r) => r.questionId)
        .sort(),
    ).toEqual(['kubeflow/1', 'kubeflow/2', 'kubeflow/3', 'kubeflow/4']);
  });

  it('mock with garbage in the log: warns and starts; leaving at the start screen changes nothing', async () => {
    const { home, file } = homeWith(GARBAGE_LOG);
    terminal = Terminal.start({ args: ['mock', '-n', '2'], env: { KFQ_HOME: home }, hangup: 'absorb' });
    await terminal.waitFor('Enter starts');
    expect(terminal.stderr()).toContain(`${file}:3: not valid JSON`);
    terminal.sendKeys('q');
    expect(await terminal.exitCode()).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(GARBAGE_LOG);
  });
});
