// A 100-line reference answer read to its end in drill, in the mock
// self-review and in show, at 80x24 and at 40x15: the header stays, the body
// scrolls, the keys stay at the bottom.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPEAT_GUARD_MS } from '../../src/commands/drill/screen.js';
import { hasTmux, sleep, startKfq, type PtySession } from './pty.js';
import { repoRoot, runKfq, tempHome } from './run.js';

const LAST = 'Point 100 closes the long answer.';

/** A deck whose first answer is 100 lines long, and a short second question. */
function longDeck(home: string): string {
  const points = Array.from({ length: 99 }, (_, i) => `   - Point ${i + 1} of the long answer.`);
  const deck = join(home, 'long.md');
  writeFileSync(
    deck,
    `---\ntitle: Long answers\n---\n\n### Operations\n\n1. **How do you run a platform upgrade?**\n${points.join('\n')}\n   - ${LAST}\n\n### Tools\n\n2. **What is Argo?**\n   - A workflow engine.\n`,
  );
  return deck;
}

/** Presses `key` until the screen shows `text`, at most `times` times. */
async function scrollTo(session: PtySession, key: string, text: string, times = 40): Promise<string> {
  for (let n = 0; n < times; n++) {
    const screen = session.screen();
    if (screen.includes(text)) return screen;
    const before = screen;
    session.sendKeys(key);
    await session.waitFor((now) => now !== before, 500).catch(() => undefined);
  }
  return session.waitFor(text, 100);
}

const SIZES = [
  [80, 24],
  [40, 15],
] as const;

describe.skipIf(!hasTmux)('a 100-line answer', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it.each(SIZES)('drill at %ix%i: read to its end with PgDn, header and grade keys in view; Space grades Good', async (cols, rows) => {
    const home = tempHome();
    const deck = longDeck(home);
    // No learning steps: each card graded Good is done for the session.
    session = startKfq({
      args: ['--deck', deck, 'drill', '-n', '2', '--order', 'new'],
      env: { KFQ_HOME: home, KFQ_DRILL_LEARNING_STEPS: 'none' },
      cols,
      rows,
    });
    await session.waitFor('1/2');
    session.sendKeys('Enter');
    let screen = await session.waitFor('Reference answer');
    expect(screen).toContain('more');
    expect(screen).not.toContain(LAST);
    screen = await scrollTo(session, 'NPage', LAST);
    const lines = screen.split('\n');
    expect(lines.length).toBeLessThanOrEqual(rows);
    expect(lines.every((line) => line.length <= cols)).toBe(true);
    // Pinned: progress and question at the top, the keys that act at the bottom.
    expect(screen).toContain('1/2');
    expect(screen).toContain('#1 How do you run a');
    expect(screen).toMatch(/3 Good/);
    expect(screen).toContain('Space/Enter Good');
    expect(screen).toMatch(/of 10\d lines · end/);
    // And back up to the first point.
    screen = await scrollTo(session, 'PPage', 'Point 1 of the long answer.');
    expect(screen).toContain('#1 How do you run a');

    session.sendKeys('Space');
    await session.waitFor('2/2');
    session.sendKeys('Enter');
    await session.waitFor('A workflow engine.');
    // A second Enter right after the reveal is a double press, not a grade.
    await sleep(REPEAT_GUARD_MS + 100);
    session.sendKeys('Enter');
    expect(await session.exitCode()).toBe(0);
    const reviews = JSON.parse(runKfq(['--deck', deck, 'history', '--json'], { env: { KFQ_HOME: home } }).stdout) as {
      number: number;
      rating: number;
    }[];
    expect(reviews.map((r) => [r.number, r.rating])).toEqual([
      [2, 3],
      [1, 3],
    ]);
  });

  it.each(SIZES)('mock self-review at %ix%i: the answer, the whole reference and the grade keys', async (cols, rows) => {
    const home = tempHome();
    const deck = longDeck(home);
    session = startKfq({
      args: ['--deck', deck, 'mock', '-n', '1', '--per-question', '1m', '-c', 'operations'],
      env: { KFQ_HOME: home },
      cols,
      rows,
    });
    await session.waitFor('Enter starts');
    session.sendKeys('Enter');
    await session.waitFor('Question 1/1');
    session.typeText('drain the nodes first');
    session.sendKeys('Enter');
    let screen = await session.waitFor(/Score \d+\/100/);
    // The report scrolls too: its end is reachable (End: it lists every point of the answer), its score stays in view.
    screen = await scrollTo(session, 'End', 'Total time');
    expect(screen).toMatch(/Score \d+\/100/);
    session.sendKeys('Enter');
    // The grade keys, not the score's suggestion: they show once the self-review takes keys.
    screen = await session.waitFor(/Self-review 1\/1[^]*(1 Again · 2 Hard|1-4 grade)/);
    expect(screen).toContain('drain the nodes first');
    screen = await scrollTo(session, 'Space', LAST);
    expect(screen).toContain('Self-review 1/1');
    expect(screen).toMatch(/1 Again|1-4 grade/);
    expect(screen.split('\n').every((line) => line.length <= cols)).toBe(true);
    session.sendKeys('2');
    expect(await session.exitCode()).toBe(0);
    const report = JSON.parse(runKfq(['mock', '--report', 'last', '--json'], { env: { KFQ_HOME: home } }).stdout) as {
      questions: { rating: number }[];
    };
    expect(report.questions.map((q) => q.rating)).toEqual([2]);
  });

  it.each(SIZES)('show at %ix%i pages the answer; q leaves', async (cols, rows) => {
    const home = tempHome();
    const deck = longDeck(home);
    session = startKfq({ args: ['--deck', deck, 'show', '1'], env: { KFQ_HOME: home }, cols, rows });
    await session.waitFor('q quits');
    const screen = await scrollTo(session, 'Space', LAST);
    expect(screen).toContain('How do you run a');
    session.sendKeys('q');
    expect(await session.exitCode()).toBe(0);
  });
});

describe('show piped', () => {
  it('prints every line of a long answer, unwrapped', () => {
    const home = tempHome();
    const deck = longDeck(home);
    const { code, stdout } = runKfq(['--deck', deck, 'show', '1'], { env: { KFQ_HOME: home, COLUMNS: '40' } });
    expect(code).toBe(0);
    expect(stdout).toContain(`• ${LAST}`);
    expect(stdout.split('\n').filter((line) => line.includes('Point '))).toHaveLength(100);
  });
});

describe.skipIf(!hasTmux)('a question with a code block (devops-exercises)', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());
  const deck = join(repoRoot, 'test', 'fixtures', 'banks', 'devops-exercises-ansible.md');

  it.each(SIZES)('drill at %ix%i shows the whole prompt, code and all, before and after the reveal', async (cols, rows) => {
    const home = tempHome();
    session = startKfq({
      args: ['--deck', deck, 'drill', '-n', '1', '--order', 'new', '-c', 'ansible - var'],
      env: { KFQ_HOME: home },
      cols,
      rows,
    });
    let screen = await session.waitFor('#9');
    screen = await scrollTo(session, 'Down', 'state: present');
    expect(screen).toContain('name: "zlib"');
    session.sendKeys('Enter');
    // A small terminal keeps the first lines pinned; the rest of the question scrolls with the answer.
    await scrollTo(session, 'Down', 'Reference answer');
    screen = await scrollTo(session, 'Up', 'name: "zlib"');
    expect(screen).toContain('#9');
    session.sendKeys('q');
    expect(await session.exitCode()).toBe(0);
  });

  it('mock asks it with its code block, and the self-review shows it again', async () => {
    const home = tempHome();
    const lines = readFileSync(deck, 'utf8').split('\n');
    // The one question of the bank with code in its summary, as a deck of its own.
    const first = lines.findIndex((line) => line.includes('Modify the following task'));
    const last = lines.findIndex((line, i) => i > first && line.includes('</details>'));
    const own = join(home, 'one.md');
    writeFileSync(own, ['#### Ansible - Variables', '', '<details>', ...lines.slice(first, last + 1), ''].join('\n'));
    session = startKfq({ args: ['--deck', own, 'mock', '-n', '1', '--per-question', '1m'], env: { KFQ_HOME: home }, cols: 80, rows: 30 });
    await session.waitFor('Enter starts');
    session.sendKeys('Enter');
    let screen = await session.waitFor('Question 1/1');
    expect(screen).toContain('name: "zlib"');
    expect(screen).toContain('state: present');
    session.typeText('use a default filter');
    session.sendKeys('Enter');
    await session.waitFor('Enter starts the self-review');
    session.sendKeys('Enter');
    screen = await session.waitFor(/Self-review 1\/1[^]*1 Again/);
    expect(screen).toContain('state: present');
    session.sendKeys('s');
    expect(await session.exitCode()).toBe(0);
  });
});
