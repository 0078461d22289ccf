// Terminal escape sequences in a deck (CSI, OSC titles and links, bare ESC,
// C0 and C1 controls, bidi overrides) in the title, a category, a question
// and an answer. None may reach the terminal raw from any command: they are
// shown as visible escapes (`\x1b[2J`), and JSON escapes them (`\u001b`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, LOG_HEADER, runKfq, tempDir, tempHome } from './helpers.js';
import { hasTmux, Terminal } from './terminal.js';

const deck = fixture('escapes.md');
const ESC = '\u001b';

/** Fails on any control character except our own colour codes (ESC [ … m), newlines and tabs. */
function expectInert(text: string, context = ''): void {
  const withoutColours = text.replace(/\u001b\[[0-9;]*m/g, '');
  const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.exec(withoutColours);
  expect(
    raw,
    `raw U+${raw?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} near ${JSON.stringify(withoutColours.slice(Math.max(0, (raw?.index ?? 0) - 30), (raw?.index ?? 0) + 30))} ${context}`,
  ).toBeNull();
}

let home: string;
beforeAll(() => {
  home = tempHome();
  // A log whose reviews (and even ids) carry escapes too: it is a plain file anyone can edit.
  const reviews = [1, 1, 2].map((number, index) =>
    JSON.stringify({
      questionId: number === 1 ? `escapes/1` : `evil${ESC}[2J/2`,
      deck: 'escapes',
      number,
      question: `Question ${ESC}[2J ${ESC}]0;log-title\u0007 \u009b2J \u202eRLO`,
      rating: 1,
      reviewedAt: new Date(Date.now() - (index + 1) * 3_600_000).toISOString(),
      durationMs: 1000,
      answer: `typed ${ESC}[2J`,
      mode: 'drill',
    }),
  );
  writeFileSync(join(home, 'reviews.jsonl'), `${LOG_HEADER}\n${reviews.join('\n')}\n`);
});

describe.each([
  ['no colour', { FORCE_COLOR: '0' }],
  ['FORCE_COLOR=1', { FORCE_COLOR: '1' }],
])('commands print a deck full of escape sequences inertly (%s)', (_, colour) => {
  const run = (args: string[]) => runKfq(['--deck', deck, ...args], { env: { KFQ_HOME: home, ...colour } });

  it.each([
    ['list', ['list'], 'Category \\x1b[2J \\x1b]0;category-title\\x07 \\x9b2J \\u202eiso'],
    ['show', ['show', '1'], 'Answer \\x1b[2J \\x1b]0;answer-title\\x07'],
    ['search', ['search', 'plain', 'question'], 'Which question is plain?'],
    ['search (hit on the hostile question)', ['search', 'bell', 'back', 'bare'], 'bell\\x07 back\\x08'],
    ['stats', ['stats'], 'Deck \\x1b[2J\\x1b]0;deck-title\\x07 \\u202eevil'],
    ['history', ['history'], 'evil\\x1b[2J/2 Question \\x1b[2J \\x1b]0;log-title'],
    ['validate', ['validate', deck], ''],
    ['category listing in an error', ['list', '-c', 'nothing-like-it'], ''],
  ])('%s', (name, args, visible) => {
    const result = run(args);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect([0, 1, 2]).toContain(result.code);
    expectInert(result.stdout, `(${name} stdout)`);
    expectInert(result.stderr, `(${name} stderr)`);
    if (visible) expect((result.stdout + result.stderr).replace(/\u001b\[[0-9;]*m/g, '').replace(/\s+/g, ' ')).toContain(visible);
  });

  it('an error message quoting the deck (an unknown front matter language) is inert', () => {
    const bad = join(tempDir(), 'lang.md');
    writeFileSync(bad, `---${ESC}]0;lang-title\u0007${ESC}[2J\ntitle: x\n---\n## B\n\n1. **Q?**\n   - A.\n`);
    const result = runKfq(['--deck', bad, 'list'], { env: { KFQ_HOME: home, ...colour } });
    expect(result.code).toBe(2);
    expectInert(result.stderr);
    expect(result.stderr).toContain('front matter in "\\x1b]0;lang-title\\x07\\x1b[2J" is not supported');
  });

  it('a warning quoting a question is inert', () => {
    const bad = join(tempDir(), 'warn.md');
    writeFileSync(bad, `## B\n\n1. **Unanswered ${ESC}[2J \u202e?**\n\n2. **Answered?**\n   - Yes.\n`);
    // validate lists it (other commands leave a question without an answer out quietly).
    const result = runKfq(['validate', bad], { env: { KFQ_HOME: home, ...colour } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Unanswered \\x1b[2J \\u202e?');
    expectInert(result.stdout);
    expectInert(result.stderr);
  });
});

describe('JSON output escapes every control character, and still means the same', () => {
  const questions = () =>
    JSON.parse(runKfq(['--deck', deck, 'list', '--json'], { env: { KFQ_HOME: home } }).stdout) as {
      question: string;
      category: string;
      answer: string;
    }[];

  it.each([
    ['list --json', ['list', '--json']],
    ['show --json', ['show', '1', '--json']],
    ['search --json', ['search', 'bell', '--json']],
    ['stats --json', ['stats', '--json']],
    ['history --json', ['history', '--json']],
    ['export json', ['export', '--format', 'json']],
    ['export history json', ['export', '--history', '--format', 'json']],
  ])('%s', (_, args) => {
    const result = runKfq(args[0] === 'history' || args[1] === '--history' ? args : ['--deck', deck, ...args], { env: { KFQ_HOME: home } });
    expect(result.code, result.stderr).toBe(0);
    expectInert(result.stdout);
    expect(result.stdout).toMatch(/\\u001b/);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('keeps the exact text: C1 and bidi controls come back from \\u escapes', () => {
    const stdout = runKfq(['--deck', deck, 'list', '--json'], { env: { KFQ_HOME: home } }).stdout;
    expect(stdout).toContain('\\u009b');
    expect(stdout).toContain('\\u202e');
    const [first] = questions();
    expect(first!.category).toBe(`Category ${ESC}[2J ${ESC}]0;category-title\u0007 \u009b2J \u202eiso`);
    expect(first!.question).toContain(`${ESC}]8;;http://evil.example/${ESC}\\link`);
    expect(first!.answer).toContain(`\u202eRLO \u2066isolate`);
  });
});

describe('exports to files keep the deck text exactly', () => {
  it.each(['csv', 'anki', 'md'])('%s written with -o is byte-exact data (escaping there is the format’s business)', (format) => {
    const output = join(tempDir(), `out.${format}`);
    const result = runKfq(['--deck', deck, 'export', '--format', format, '-o', output], { env: { KFQ_HOME: home } });
    expect(result.code, result.stderr).toBe(0);
    expectInert(result.stderr);
    expect(readFileSync(output, 'utf8')).toContain(`Answer ${ESC}[2J`);
  });
});

describe('installed decks', () => {
  it('deck add and deck list show the title and categories inertly', () => {
    const own = tempHome();
    const added = runKfq(['deck', 'add', deck, '--name', 'escapes'], { env: { KFQ_HOME: own, FORCE_COLOR: '1' } });
    expect(added.code, added.stderr).toBe(0);
    expectInert(added.stderr);
    const listed = runKfq(['deck', 'list'], { env: { KFQ_HOME: own, FORCE_COLOR: '1' } });
    expect(listed.code).toBe(0);
    expectInert(listed.stdout);
    expect(listed.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toContain('Deck \\x1b[2J\\x1b]0;deck-title\\x07');
  });
});

describe.skipIf(!hasTmux)('in a terminal: nothing clears the screen or retitles the window', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.dispose());

  function start(args: string[], env: NodeJS.ProcessEnv = {}): Terminal {
    terminal = Terminal.start({
      args: ['--deck', deck, ...args],
      env: { KFQ_HOME: tempHome(), FORCE_COLOR: '1', ...env },
      cols: 100,
      rows: 40,
      hangup: 'absorb',
    });
    return terminal;
  }

  it('drill shows the escapes as text on the question and the answer screens', async () => {
    const term = start(['drill', '-n', '1', '--order', 'new']);
    let screen = await term.waitFor('1/1');
    const title = term.title();
    expect(screen).toContain('Deck \\x1b[2J\\x1b]0;deck-title\\x07 \\u202eevil');
    expect(screen).toContain('Category \\x1b[2J \\x1b]0;category-title\\x07 \\x9b2J \\u202eiso');
    expect(screen).toContain('\\x1b]8;;http://evil.example/\\x1b\\link');
    term.sendKeys('Enter');
    screen = await term.waitFor('Reference answer');
    expect(screen).toContain('Answer \\x1b[2J \\x1b]0;answer-title\\x07');
    expect(screen).toContain('\\x1b[2J fenced');
    // A raw ESC[2J would have wiped the header; a raw OSC 0 would have renamed the window.
    expect(screen).toContain('1/1');
    expect(term.title()).toBe(title);
    expect(term.title()).not.toMatch(/title/);
    // Easy: Good would keep the new card for its 10-minute learning step.
    term.sendKeys('4');
    expect(await term.exitCode()).toBe(0);
  });

  it('mock shows them as text in the question, the report and the saved report', async () => {
    const own = tempHome();
    const term = start(['mock', '-n', '2', '--per-question', '1m', '--seed', '3'], { KFQ_HOME: own });
    await term.waitFor('Enter starts');
    term.sendKeys('Enter');
    let screen = await term.waitFor('Question 1/2');
    const title = term.title();
    term.typeText(`my answer`);
    term.sendKeys('Enter');
    screen = await term.waitFor('Question 2/2');
    term.sendKeys('Enter');
    screen = await term.waitFor(/Score \d+\/100/);
    expect(screen).toContain('\\x1b[2J');
    expect(term.title()).toBe(title);
    term.sendKeys('Enter');
    await term.waitFor(/1 Again · 2 Hard/);
    term.sendKeys('q');
    expect(await term.exitCode()).toBe(0);

    const report = runKfq(['mock', '--report', 'last'], { env: { KFQ_HOME: own, FORCE_COLOR: '1' } });
    expect(report.code, report.stderr).toBe(0);
    expectInert(report.stdout);
    expect(report.stdout).toContain('Answer \\x1b[2J');
    const listed = runKfq(['mock', '--list'], { env: { KFQ_HOME: own, FORCE_COLOR: '1' } });
    expectInert(listed.stdout);
  });

  it('export to a terminal shows the escapes as text; to a pipe it stays exact data', async () => {
    const term = start(['export', '--format', 'csv']);
    expect(await term.exitCode()).toBe(0);
    const screen = term.screen();
    expect(screen).toContain('number,category,question,answer');
    expect(screen).toContain('Answer \\x1b[2J \\x1b]0;answer-title\\x07');
    expect(term.title()).not.toMatch(/title/);
    const piped = runKfq(['--deck', deck, 'export', '--format', 'csv'], { env: { KFQ_HOME: home } });
    expect(piped.stdout).toContain(`Answer ${ESC}[2J`);
    expect(piped.stdout).toContain('\r\n');
  });

  it('show in a terminal leaves the screen and the title alone', async () => {
    const term = start(['show', '1']);
    expect(await term.exitCode()).toBe(0);
    expect(term.screen()).toContain('Question \\x1b]8;;http://evil.example/');
    expect(term.title()).not.toMatch(/title/);
  });
});

// The log above is shared by the describe blocks: make sure no command rewrote it.
describe('the review log with escapes', () => {
  it('is left as it was', () => {
    const text = readFileSync(join(home, 'reviews.jsonl'), 'utf8');
    expect(text.startsWith(LOG_HEADER)).toBe(true);
    mkdirSync(join(home, 'reports'), { recursive: true });
  });
});
