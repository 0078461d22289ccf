// Input that arrives faster, earlier or bigger than a screen expects: a
// 100 KB paste, keys typed as the time runs out, a grade key pressed twice.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ANSWER_CHARS } from '../../src/ui/lineInput.js';
import { historyJson, runKfq, tempHome } from './helpers.js';
import { hasTmux, sleep, Terminal } from './terminal.js';

/** 100 KB of words, the size of a pasted document. */
const PASTE = Array.from({ length: 20_000 }, (_, i) => ['kubeflow', 'pipelines', 'katib', 'istio', 'argo'][i % 5])
  .join(' ')
  .slice(0, 100 * 1024);

function lastReport(home: string): { status: string; questions: { answer: string; rating: number | null }[] } {
  const result = runKfq(['mock', '--report', 'last', '--json'], { env: { KFQ_HOME: home } });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** Milliseconds until `check` holds (polling), or a failure after `timeoutMs`. */
async function timeUntil(check: () => boolean, timeoutMs = 10_000): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(10);
  }
  return performance.now() - start;
}

describe.skipIf(!hasTmux)('a 100 KB paste into an answer', () => {
  const terminals: Terminal[] = [];
  afterEach(() => {
    for (const terminal of terminals.splice(0)) terminal.dispose();
  });
  const start = (args: string[], home: string): Terminal => {
    // No learning steps: the card graded ends the drill.
    const terminal = Terminal.start({ args, env: { KFQ_HOME: home, KFQ_DRILL_LEARNING_STEPS: 'none' }, hangup: 'absorb' });
    terminals.push(terminal);
    return terminal;
  };

  it('drill takes it in under a second, keeps the first MAX_ANSWER_CHARS characters and says it cut there', async () => {
    const home = tempHome();
    const term = start(['drill', '-n', '1'], home);
    await term.waitFor('1/1');
    const pasted = performance.now();
    term.paste(PASTE, { raw: true });
    await term.waitFor(`Cut at ${MAX_ANSWER_CHARS.toLocaleString('en-US')} characters`, 5000);
    expect(performance.now() - pasted).toBeLessThan(1000);
    term.sendKeys('Enter');
    await term.waitFor('Reference answer');
    term.sendKeys('3');
    expect(await term.exitCode()).toBe(0);
    const [review] = historyJson(home);
    expect(review!.answer).toBe(PASTE.slice(0, MAX_ANSWER_CHARS));
  });

  it('mock takes it while the countdown keeps ticking; Enter submits it whole up to the limit', async () => {
    const home = tempHome();
    const term = start(['mock', '-n', '1', '--per-question', '1m'], home);
    await term.waitFor('Enter starts');
    term.sendKeys('Enter');
    await term.waitFor(/Question 1\/1 +\d:\d\d left/);
    const pasted = performance.now();
    term.paste(PASTE, { raw: true });
    const screen = await term.waitFor('Cut at', 5000);
    expect(performance.now() - pasted).toBeLessThan(1000);
    const before = /(\d):(\d\d) left/.exec(screen)!;
    await sleep(1200);
    const after = /(\d):(\d\d) left/.exec(term.screen())!;
    expect(Number(after[1]) * 60 + Number(after[2])).toBeLessThan(Number(before[1]) * 60 + Number(before[2]));
    term.sendKeys('Enter');
    await term.waitFor(/Score \d+\/100/);
    term.sendKeys('q');
    expect(await term.exitCode()).toBe(0);
    expect(lastReport(home).questions[0]!.answer).toBe(PASTE.slice(0, MAX_ANSWER_CHARS));
  });

  it('a bracketed paste with line breaks stays in the answer: its newlines do not submit it', async () => {
    const home = tempHome();
    const term = start(['mock', '-n', '1', '--per-question', '1m'], home);
    await term.waitFor('Enter starts');
    term.sendKeys('Enter');
    await term.waitFor('Question 1/1');
    term.paste('first line\nsecond line\nthird line');
    await term.waitFor('third line');
    expect(term.screen()).toContain('Question 1/1');
    term.sendKeys('Enter');
    await term.waitFor(/Score \d+\/100/);
    term.sendKeys('q');
    expect(await term.exitCode()).toBe(0);
    expect(lastReport(home).questions[0]!.answer).toBe('first line second line third line');
  });

  it.each([
    ['Ctrl+C', 130],
    ['SIGTERM', 143],
  ] as const)('%s right after the paste ends the interview within half a second (exit %i), the answer saved', async (how, code) => {
    const home = tempHome();
    const term = start(['mock', '-n', '2', '--per-question', '1m'], home);
    await term.waitFor('Enter starts');
    term.sendKeys('Enter');
    await term.waitFor('Question 1/2');
    const pid = term.pid();
    term.paste(PASTE, { raw: true });
    const sent = performance.now();
    if (how === 'Ctrl+C') term.sendKeys('C-c');
    else process.kill(pid, 'SIGTERM');
    const gone = (): boolean => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    };
    await timeUntil(gone, 5000);
    expect(performance.now() - sent).toBeLessThan(500);
    expect(await term.exitCode()).toBe(code);
    const report = lastReport(home);
    expect(report.status).toBe('abandoned');
    expect(report.questions[0]!.answer.length).toBeLessThanOrEqual(MAX_ANSWER_CHARS);
  });
});

describe.skipIf(!hasTmux)('keys that arrive before their screen', () => {
  const terminals: Terminal[] = [];
  afterEach(() => {
    for (const terminal of terminals.splice(0)) terminal.dispose();
  });
  const start = (args: string[], home: string): Terminal => {
    const terminal = Terminal.start({ args, env: { KFQ_HOME: home }, hangup: 'absorb' });
    terminals.push(terminal);
    return terminal;
  };

  /** Types `text` while kfq is stopped past the question's deadline, so it is waiting when the next screen appears. */
  async function typeAcrossTheDeadline(term: Terminal, text: string): Promise<void> {
    await term.waitFor(/0:01 left/);
    const pid = term.pid();
    process.kill(pid, 'SIGSTOP');
    await sleep(1500);
    term.typeText(text);
    await sleep(100);
    process.kill(pid, 'SIGCONT');
  }

  it('mock: words typed as the time runs out do not land in the next question', async () => {
    const home = tempHome();
    const term = start(['mock', '-n', '2', '--per-question', '2s'], home);
    await term.waitFor('Enter starts');
    term.sendKeys('Enter');
    await term.waitFor('Question 1/2');
    await typeAcrossTheDeadline(term, 'scale out');
    const screen = await term.waitFor('Question 2/2');
    await sleep(300);
    expect(term.screen()).not.toContain('scale out');
    expect(screen).not.toContain('scale out');
    await term.waitFor(/Score \d+\/100/, 5000);
    term.sendKeys('q');
    expect(await term.exitCode()).toBe(0);
    expect(lastReport(home).questions.map((q) => q.answer)).toEqual(['', '']);
  });

  it('mock: keys typed past the last deadline never grade; the self-review ignores keys at first and says so', async () => {
    const home = tempHome();
    const term = start(['mock', '-n', '1', '--per-question', '2s'], home);
    await term.waitFor('Enter starts');
    term.sendKeys('Enter');
    await term.waitFor('Question 1/1');
    await typeAcrossTheDeadline(term, 's3\r3');
    await term.waitFor(/Score \d+\/100/, 5000);
    await sleep(300);
    expect(term.screen()).toContain('Enter starts the self-review');
    term.sendKeys('Enter');
    await term.waitFor('keys are taken in a moment');
    term.typeText('3');
    await term.waitFor('1 Again · 2 Hard');
    await sleep(200);
    expect(term.screen()).toContain('Self-review 1/1');
    term.sendKeys('s');
    expect(await term.exitCode()).toBe(0);
    expect(lastReport(home).questions.map((q) => q.rating)).toEqual([null]);
    expect(historyJson(home)).toEqual([]);
  });

  it('drill: a grade key pressed twice grades one card; a double Enter reveals without grading', async () => {
    const home = tempHome();
    const term = start(['drill', '-n', '3', '--order', 'new'], home);
    await term.waitFor('1/3');
    term.sendKeys('Enter');
    await term.waitFor('Reference answer');
    term.typeText('33');
    await term.waitFor('2/3');
    await sleep(400);
    let screen = term.screen();
    expect(screen).toContain('2/3');
    expect(screen).not.toContain('Reference answer');
    expect(screen).toMatch(/^>$/m);

    term.sendKeys('Enter', 'Enter');
    await term.waitFor('Reference answer');
    await sleep(400);
    screen = term.screen();
    expect(screen).toContain('2/3');
    expect(screen).toContain('Reference answer');
    term.sendKeys('q');
    expect(await term.exitCode()).toBe(0);
    expect(historyJson(home).map((r) => [r.questionId, r.rating])).toEqual([['kubeflow/1', 3]]);
  });
});

describe.skipIf(!hasTmux)('a terminal that cannot move the cursor', () => {
  const terminals: Terminal[] = [];
  afterEach(() => {
    for (const terminal of terminals.splice(0)) terminal.dispose();
  });
  const start = (args: string[], home: string, term: string): Terminal => {
    // FORCE_COLOR empty: colour is decided by the terminal, as for a user.
    const terminal = Terminal.start({
      args,
      env: { KFQ_HOME: home, TERM: term, FORCE_COLOR: '', KFQ_DRILL_LEARNING_STEPS: 'none' },
      hangup: 'absorb',
      record: true,
    });
    terminals.push(terminal);
    return terminal;
  };

  it.each(['dumb', ''])('drill with TERM=%j: line by line, not one escape sequence in the bytes written', async (termName) => {
    const home = tempHome();
    const term = start(['drill', '-n', '2', '--order', 'new'], home, termName);
    await term.waitFor('#1 What is Kubeflow?');
    term.typeText('an ML platform on kubernetes');
    term.sendKeys('Enter');
    await term.waitFor('Reference answer');
    await term.waitFor('Grade:');
    term.sendKeys('Space');
    await term.waitFor('#2 Why is Kubeflow needed');
    term.sendKeys('Enter');
    await term.waitFor(/Reference answer[^]*Reference answer/);
    term.typeText('2');
    expect(await term.exitCode()).toBe(0);
    const raw = term.raw();
    expect(raw).toContain('an ML platform on kubernetes');
    expect(raw).not.toContain('\u001b');
    expect(historyJson(home).map((r) => [r.questionId, r.rating])).toEqual([
      ['kubeflow/2', 2],
      ['kubeflow/1', 3],
    ]);
  });

  it('mock with TERM=dumb: the countdown prints at 10 s, the self-review asks line by line, no escape sequence', async () => {
    const home = tempHome();
    const term = start(['mock', '-n', '1', '--per-question', '12s'], home, 'dumb');
    await term.waitFor('Enter starts');
    term.sendKeys('Enter');
    await term.waitFor('(Enter submits)');
    term.typeText('pipelines on argo');
    await term.waitFor('[0:10 left]', 5000);
    expect(term.screen()).toMatch(/\[0:10 left\]\n> pipelines on argo/);
    term.sendKeys('Enter');
    await term.waitFor('Enter starts the self-review');
    term.sendKeys('Enter');
    await term.waitFor('Grade:');
    term.typeText('4');
    expect(await term.exitCode()).toBe(0);
    expect(term.raw()).not.toContain('\u001b');
    expect(lastReport(home).questions).toEqual([expect.objectContaining({ answer: 'pipelines on argo', rating: 4 })]);
    expect(existsSync(home)).toBe(true);
  });
});
