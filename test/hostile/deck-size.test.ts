// Decks of hostile size or shape, through the built bin: each loads, or fails
// with a clear message, within seconds; no stack overflow, and the heap is
// capped (--max-old-space-size) so unbounded memory would crash the test.
// The decks are generated once, into a temp folder; none is committed.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCleanFailure, tempDir, tempHome, timedKfq, type RunResult } from './helpers.js';

const MB = 1024 * 1024;
/** Generous for a loaded 2-core machine; a hang or a quadratic pass takes minutes. */
const SECONDS = 10_000;

const dir = tempDir();
const decks: Record<string, string> = {};
const home = tempHome();

function run(name: string, args: string[]): RunResult & { ms: number } {
  return timedKfq(['--deck', decks[name]!, ...args], { env: { KFQ_HOME: home, NODE_OPTIONS: '--max-old-space-size=512' } });
}

function expectQuick(result: RunResult & { ms: number }, codes: number[] = [0]): void {
  const context = `exit ${result.code} after ${Math.round(result.ms)} ms\n${result.stderr.slice(0, 1500)}`;
  expect(codes, context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(/\n\s+at |this is a bug|Maximum call stack|heap out of memory/);
  expect(result.ms, context).toBeLessThan(SECONDS);
}

function deck(name: string, text: string): void {
  decks[name] = join(dir, `${name}.md`);
  writeFileSync(decks[name]!, text);
}

beforeAll(() => {
  const card = '1. **What is a pod?**\n   - The smallest deployable unit in Kubernetes, scheduled on a node.\n\n';
  deck('50mb', `## Big\n\n${card.repeat(Math.ceil((50 * MB) / card.length))}`);
  deck(
    'line-answer',
    `## Long\n\n1. **What is in the long answer?**\n   - ${'word '.repeat(Math.floor(MB / 5))}\n\n2. **What is a pod?**\n   - A pod.\n`,
  );
  deck('line-question', `## Long\n\n1. **${'why '.repeat(MB / 4)}?**\n   - Because.\n\n2. **What is a pod?**\n   - A pod.\n`);
  deck('line-unbroken', `## Long\n\n1. **${'q'.repeat(MB)}?**\n   - ${'a'.repeat(MB)}\n`);
  // marked's inline lexer is quadratic on these runs: 1 MB would take minutes.
  deck(
    'emphasis-runs',
    `## Runs\n\n1. **What are stars?**\n   - ${'*a'.repeat(MB / 2)}\n\n2. **What are underscores?**\n   - ${'_a'.repeat(MB / 2)}\n\n3. **And both?**\n   - ${'**a_'.repeat(MB / 4)}\n`,
  );
  deck('130k-items', `## Long\n\n1. **What is on the list?**\n\n${'- a\n'.repeat(130_000)}`);
  deck('2mb-answer', `## Long\n\n1. **What is on the long list?**\n\n${`- an item of ${'many words '.repeat(18)}\n`.repeat(10_000)}`);
  deck('nested-lists', `## Deep\n\n1. **How deep?**\n   ${'- '.repeat(10_000)}x\n`);
  deck('nested-quotes', `## Deep\n\n1. **How deep?**\n   ${'> '.repeat(10_000)}x\n`);
  deck('nested-mixed', `## Deep\n\n1. **How deep?**\n   ${'1. > - '.repeat(3_400)}x\n`);
  // Nesting by indentation: 3,000 levels is 9 MB of spaces.
  deck(
    'nested-indented',
    `## Deep\n\n1. **How deep?**\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(3 + 2 * i)}- level ${i}\n`).join('')}`,
  );
  deck(
    '100k-headings',
    Array.from({ length: 100_000 }, (_, i) => `### ${i + 1}. Question ${i + 1} about pods?\n\nAnswer ${i + 1}.\n\n`).join(''),
  );
  deck('100k-category-headings', Array.from({ length: 100_000 }, (_, i) => `## Heading ${i}\n`).join(''));
}, 60_000);

// Some 80 MB of decks: not left behind in the temp folder.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a deck larger than kfq reads', () => {
  it('50 MB: refused at once with the limit and what to do', () => {
    const result = run('50mb', ['list']);
    expectCleanFailure(result, 2, /50mb\.md: deck is larger than 32 MB/);
    expect(result.stderr).toContain('hint: split it into several decks');
    expect(result.ms).toBeLessThan(3000);
  });
});

describe('a single 1 MB line', () => {
  it.each([
    ['list', ['list']],
    ['show', ['show', '1']],
    ['search', ['search', 'word']],
    ['list --json', ['list', '--json']],
  ])('in an answer: %s', (_, args) => expectQuick(run('line-answer', args)));

  it.each([
    ['list', ['list']],
    ['show', ['show', '1']],
    ['search', ['search', 'why']],
  ])('in a question: %s', (_, args) => expectQuick(run('line-question', args)));

  it.each([
    ['list', ['list']],
    ['show', ['show', '1']],
    ['search', ['search', 'qqq']],
  ])('without a space to wrap at: %s', (_, args) => expectQuick(run('line-unbroken', args), [0, 1]));

  it('show of the long answer prints all of it, piped and so unwrapped', () => {
    const result = run('line-answer', ['show', '1']);
    expectQuick(result);
    expect(result.stdout.match(/word/g)).toHaveLength(Math.floor(MB / 5));
    expect(result.stdout.split('\n').some((line) => line.length > MB / 2)).toBe(true);
  });
});

describe('runs of emphasis markers (quadratic for marked’s inline lexer)', () => {
  it.each([1, 2, 3])('show %i does not hang and shows the text', (number) => {
    const result = run('emphasis-runs', ['show', String(number)]);
    expectQuick(result);
    expect(result.stdout.length).toBeGreaterThan(MB / 4);
  });

  it('list and search do not hang either', () => {
    expectQuick(run('emphasis-runs', ['list']));
    expectQuick(run('emphasis-runs', ['search', 'stars']));
  });
});

describe('very long answers', () => {
  it('130,000 list items: show prints every one (no stack overflow)', () => {
    const result = run('130k-items', ['show', '1']);
    expectQuick(result);
    expect(result.stdout.match(/^• a$/gm)).toHaveLength(130_000);
  });

  it('an answer over 1 MB: show prints it as its Markdown source, quickly', () => {
    const result = run('2mb-answer', ['show', '1']);
    expectQuick(result);
    expect(result.stdout.match(/^- an item of many words/gm)).toHaveLength(10_000);
  });
});

describe('lists and quotes nested 10,000 deep', () => {
  it.each(['nested-lists', 'nested-quotes', 'nested-mixed', 'nested-indented'])('%s: a clear error (exit 2), no stack overflow', (name) => {
    for (const args of [['list'], ['show', '1'], ['search', 'deep']]) {
      const result = run(name, args);
      expectCleanFailure(result, 2, /are nested more than 64 levels deep/);
      expect(result.ms).toBeLessThan(SECONDS);
    }
  });
});

describe('100,000 headings', () => {
  it('as 100,000 questions: list, show and search work', () => {
    const listed = run('100k-headings', ['list']);
    expectQuick(listed);
    expect(listed.stdout).toContain('100000. Question 100000 about pods?');
    const shown = run('100k-headings', ['show', '99999']);
    expectQuick(shown);
    expect(shown.stdout).toContain('Answer 99999.');
    expectQuick(run('100k-headings', ['search', 'question', '77777', '--limit', '3']));
  });

  it('as 100,000 categories and no question: a clear error', () => {
    const result = run('100k-category-headings', ['list']);
    expectCleanFailure(result, 2, /no questions found/);
    expect(result.ms).toBeLessThan(SECONDS);
  });
});
