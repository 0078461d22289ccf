// Narrow terminals, a resize in the middle of a question, and TERM=dumb.
import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from './helpers.js';
import { hasTmux, sleep, Terminal } from './terminal.js';

/** Every word of `text` is on the screen whole (wrapped, not cut). */
function expectAllWords(screen: string, text: string): void {
  const shown = new Set(screen.split(/\s+/));
  for (const word of text.split(' ')) expect(shown, `"${word}" missing from:\n${screen}`).toContain(word);
}

function expectWithin(screen: string, cols: number): void {
  for (const line of screen.split('\n')) expect(line.length, `too wide: "${line}"`).toBeLessThanOrEqual(cols);
}

const QUESTION_51 = 'How do you deploy models with KFServing?';
const ANSWER_51 =
  'Use KFServing to define model inference services, specifying model storage locations and resource requirements for deployment on Kubernetes.';

describe.skipIf(!hasTmux)('narrow and resized terminals', () => {
  const terminals: Terminal[] = [];
  afterEach(() => {
    for (const terminal of terminals.splice(0)) terminal.dispose();
  });
  const start = (args: string[], cols: number, rows = 30, env: NodeJS.ProcessEnv = {}): Terminal => {
    const terminal = Terminal.start({ args, env: { KFQ_HOME: tempHome(), ...env }, cols, rows, hangup: 'absorb' });
    terminals.push(terminal);
    return terminal;
  };
  const drill51 = ['drill', '-n', '2', '--order', 'new', '-c', 'advanced and'];

  it('drill resized from 100 to 40 columns mid-question looks exactly like a drill started at 40', async () => {
    const wide = start(drill51, 100);
    await wide.waitFor(QUESTION_51);
    wide.resize(40, 30);
    await sleep(300);
    const fresh = start(drill51, 40);
    const expected = await fresh.waitFor('#51 How do you deploy models with');
    await wide.waitFor((screen) => screen === expected);
    expectWithin(wide.screen(), 40);

    // And on the answer screen, narrowing then widening again.
    wide.sendKeys('Enter');
    fresh.sendKeys('Enter');
    await wide.waitFor('Reference answer');
    wide.resize(100, 30);
    await sleep(200);
    wide.resize(40, 30);
    const freshAnswer = await fresh.waitFor('Reference answer');
    await wide.waitFor((screen) => screen === freshAnswer);
    expectAllWords(wide.screen(), ANSWER_51);
  });

  it('mock at 40 columns: every line fits and the whole question is there', async () => {
    const term = start(['mock', '-n', '1', '--per-question', '1m', '-c', 'advanced and', '--seed', '2'], 40);
    await term.waitFor('Enter starts');
    expectWithin(term.screen(), 40);
    term.sendKeys('Enter');
    const screen = await term.waitFor(/Question 1\/1/);
    expectWithin(screen, 40);
    term.typeText('a long answer that has to wrap around the narrow terminal several times over');
    await term.waitFor('several');
    expectWithin(term.screen(), 40);
  });

  it('mock resized from 100 to 40 columns mid-question: redrawn whole, nothing left over', async () => {
    const term = start(['mock', '-n', '1', '--per-question', '1m', '-c', 'advanced and', '--seed', '2'], 100);
    await term.waitFor('Enter starts');
    term.sendKeys('Enter');
    const before = await term.waitFor(/Question 1\/1 +\d:\d\d left/);
    const question = before.split('\n').slice(3).join(' ').split('>')[0]!.trim().replace(/\s+/g, ' ');
    term.typeText('typed before the resize');
    term.resize(40, 30);
    await sleep(1300);
    const after = term.screen();
    expectWithin(after, 40);
    expectAllWords(after, question);
    expect(after.match(/Question 1\/1/g)).toHaveLength(1);
    expect(after.match(/Enter submits/g)).toHaveLength(1);
    expect(after).toContain('> typed before the resize');
  });
});

describe.skipIf(!hasTmux)('TERM=dumb', () => {
  const terminals: Terminal[] = [];
  afterEach(() => {
    for (const terminal of terminals.splice(0)) terminal.dispose();
  });

  async function drillOutput(term: string): Promise<string> {
    // FORCE_COLOR empty: colour is decided by the terminal, as for a user.
    const terminal = Terminal.start({
      args: ['drill', '-n', '1'],
      env: { KFQ_HOME: tempHome(), TERM: term, FORCE_COLOR: '' },
      hangup: 'absorb',
      record: true,
    });
    terminals.push(terminal);
    await terminal.waitFor('1/1');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Reference answer');
    // Easy: a new card graded Good would come back on its 10-minute learning step.
    terminal.sendKeys('4');
    expect(await terminal.exitCode()).toBe(0);
    return terminal.raw();
  }

  it('drill uses no colour or other styling on a dumb terminal (it does on xterm)', async () => {
    const SGR = /\u001b\[[0-9;]*m/;
    expect(await drillOutput('xterm-256color')).toMatch(SGR);
    const dumb = await drillOutput('dumb');
    expect(dumb).toContain('Reference answer');
    expect(dumb).not.toMatch(SGR);
  });

  it('list, show, stats, search and export write no escape sequence at all', async () => {
    const home = tempHome();
    for (const args of [['list'], ['show', '3'], ['stats'], ['search', 'katib'], ['export', '--format', 'md']]) {
      const terminal = Terminal.start({ args, env: { KFQ_HOME: home, TERM: 'dumb', FORCE_COLOR: '' }, hangup: 'absorb', record: true });
      terminals.push(terminal);
      expect(await terminal.exitCode()).toBe(0);
      await sleep(100);
      expect(terminal.raw().length).toBeGreaterThan(0);
      expect(terminal.raw()).not.toContain('\u001b');
    }
  });
});
