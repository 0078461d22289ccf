// SIGINT, SIGTERM and SIGHUP sent to kfq during a drill and a mock interview:
// what was answered is saved, the exit code is 128 + the signal, no crash.
import { afterEach, describe, expect, it } from 'vitest';
import { historyJson, runKfq, tempHome } from './helpers.js';
import { hasTmux, Terminal } from './terminal.js';

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

describe.skipIf(!hasTmux)('signals during a session', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.dispose());

  it.each(SIGNALS)('drill, %s: exit %i, the grades given saved', async (signal, code) => {
    const home = tempHome();
    terminal = Terminal.start({ args: ['drill', '-n', '3'], env: { KFQ_HOME: home }, hangup: 'absorb' });
    await terminal.waitFor('1/3');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Reference answer');
    terminal.sendKeys('1');
    await terminal.waitFor('2/3');
    terminal.typeText('an answer in progress');
    await terminal.waitFor('> an answer in progress');
    process.kill(terminal.pid(), signal);
    expect(await terminal.exitCode()).toBe(code);
    expect(terminal.stderr()).not.toMatch(/\n\s+at |Error|this is a bug/);
    expect(historyJson(home).map((r) => [r.questionId, r.rating])).toEqual([['kubeflow/1', 1]]);
  });

  it.each(SIGNALS)('mock, %s: exit %i, saved as abandoned with the answer being typed', async (signal, code) => {
    const home = tempHome();
    terminal = Terminal.start({ args: ['mock', '-n', '3', '--per-question', '1m'], env: { KFQ_HOME: home }, hangup: 'absorb' });
    await terminal.waitFor('Enter starts');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Question 1/3');
    terminal.typeText('submitted answer');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Question 2/3');
    terminal.typeText('half typed');
    await terminal.waitFor('> half typed');
    process.kill(terminal.pid(), signal);
    expect(await terminal.exitCode()).toBe(code);
    expect(terminal.stderr()).not.toMatch(/\n\s+at |Error|this is a bug/);
    const report = JSON.parse(runKfq(['mock', '--report', 'last', '--json'], { env: { KFQ_HOME: home } }).stdout) as {
      status: string;
      questions: { answer: string }[];
    };
    expect(report.status).toBe('abandoned');
    expect(report.questions.map((q) => q.answer)).toEqual(['submitted answer', 'half typed']);
  });
});
