// Input that is not a terminal, input that ends, and a terminal that goes
// away mid-session. kfq exits cleanly with a message (or quietly with 129 when
// nobody is left to read it), and what was answered is saved.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { kfqBin, repoRoot } from '../e2e/run.js';
import { expectCleanFailure, historyJson, runKfq, tempHome } from './helpers.js';
import { hasTmux, sleep, Terminal } from './terminal.js';

/** Nothing on stderr but kfq's own notes: no stack trace, no internal error. */
function expectNoCrash(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |Error|Assertion|this is a bug/);
}

const NOT_A_TERMINAL = /^kfq: kfq (drill|mock) is interactive and needs a terminal \(stdin and stdout must be a TTY\)$/;

function lastReport(home: string): { status: string; questions: { answer: string; rating: number | null }[] } {
  const result = runKfq(['mock', '--report', 'last', '--json'], { env: { KFQ_HOME: home } });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

describe('stdin is not a terminal', () => {
  it.each([
    ['drill', ['drill']],
    ['mock', ['mock']],
  ])('%s with a pipe for stdin: exit 2 at once, one line and a hint', (_, args) => {
    const home = tempHome();
    expectCleanFailure(runKfq(args, { env: { KFQ_HOME: home }, input: '1\n3\nq\n' }), 2, NOT_A_TERMINAL);
  });

  it.each([
    ['drill', ['drill']],
    ['mock', ['mock']],
  ])('%s with /dev/null for stdin: exit 2 at once', (_, args) => {
    const result = spawnSync(process.execPath, [kfqBin, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', KFQ_HOME: tempHome() },
      encoding: 'utf8',
      timeout: 10_000,
    });
    expectCleanFailure({ code: result.status, stdout: result.stdout, stderr: result.stderr }, 2, NOT_A_TERMINAL);
  });
});

describe.skipIf(!hasTmux)('in a terminal', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.dispose());

  it.each([
    ['drill', ['drill']],
    ['mock', ['mock']],
  ])('%s with stdout piped away: exit 2 before anything is asked', async (_, args) => {
    terminal = Terminal.start({ args, env: { KFQ_HOME: tempHome() }, pipeStdout: true, hangup: 'absorb' });
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.stderr()).toMatch(/kfq: kfq (drill|mock) is interactive and needs a terminal/);
  });

  it('drill: Ctrl+D on an empty answer ends the session like Ctrl+C, with the summary; grades saved', async () => {
    const home = tempHome();
    terminal = Terminal.start({ args: ['drill', '-n', '3'], env: { KFQ_HOME: home }, hangup: 'absorb' });
    await terminal.waitFor('1/3');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Reference answer');
    terminal.sendKeys('2');
    await terminal.waitFor('2/3');
    terminal.sendKeys('C-d');
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.screen()).toMatch(/1 card done in \d+s/);
    expect(terminal.stderr()).toBe('');
    expect(historyJson(home).map((r) => [r.questionId, r.rating])).toEqual([['kubeflow/1', 2]]);
  });

  it('mock: Ctrl+D on an empty answer stops the interview, saved as abandoned', async () => {
    const home = tempHome();
    terminal = Terminal.start({ args: ['mock', '-n', '3', '--per-question', '1m'], env: { KFQ_HOME: home }, hangup: 'absorb' });
    await terminal.waitFor('Enter starts');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Question 1/3');
    terminal.typeText('the first answer');
    terminal.sendKeys('Enter');
    await terminal.waitFor('Question 2/3');
    terminal.sendKeys('C-d');
    expect(await terminal.exitCode()).toBe(130);
    expect(terminal.stderr()).toMatch(/^Stopped\. Saved as \d{8}-\d{6} \(abandoned\)/);
    expect(lastReport(home)).toMatchObject({ status: 'abandoned', questions: [{ answer: 'the first answer' }, { answer: '' }] });
  });

  describe.each(['forward', 'absorb'] as const)('the terminal closes (the shell %ss the SIGHUP)', (hangup) => {
    it('during a drill: exit 129, no crash, grades saved', async () => {
      const home = tempHome();
      terminal = Terminal.start({ args: ['drill', '-n', '3'], env: { KFQ_HOME: home }, hangup });
      await terminal.waitFor('1/3');
      terminal.sendKeys('Enter');
      await terminal.waitFor('Reference answer');
      terminal.sendKeys('4');
      await terminal.waitFor('2/3');
      terminal.typeText('half an answer');
      await terminal.waitFor('> half an answer');
      terminal.close();
      expect(await terminal.exitCode()).toBe(129);
      expect(terminal.stderr()).toBe('');
      expect(historyJson(home).map((r) => [r.questionId, r.rating])).toEqual([['kubeflow/1', 4]]);
    });

    it('during a mock answer: exit 129, no crash, the typed answer saved', async () => {
      const home = tempHome();
      terminal = Terminal.start({ args: ['mock', '-n', '2', '--per-question', '1m'], env: { KFQ_HOME: home }, hangup });
      await terminal.waitFor('Enter starts');
      terminal.sendKeys('Enter');
      await terminal.waitFor('Question 1/2');
      terminal.typeText('typed before the window closed');
      await terminal.waitFor('> typed before the window closed');
      terminal.close();
      expect(await terminal.exitCode()).toBe(129);
      expect(terminal.stderr()).toBe('');
      expect(lastReport(home)).toMatchObject({ status: 'abandoned', questions: [{ answer: 'typed before the window closed' }] });
    });

    it('during the mock self-review: exit 129, the grades given kept', async () => {
      const home = tempHome();
      terminal = Terminal.start({ args: ['mock', '-n', '2', '--per-question', '1m'], env: { KFQ_HOME: home }, rows: 60, hangup });
      await terminal.waitFor('Enter starts');
      terminal.sendKeys('Enter');
      for (const n of [1, 2]) {
        await terminal.waitFor(`Question ${n}/2`);
        terminal.typeText(`answer ${n}`);
        terminal.sendKeys('Enter');
      }
      await terminal.waitFor('Enter starts the self-review');
      terminal.sendKeys('Enter');
      await terminal.waitFor(/Self-review 1\/2[^]*1 Again · 2 Hard/);
      terminal.sendKeys('1');
      await terminal.waitFor(/Self-review 2\/2[^]*1 Again · 2 Hard/);
      terminal.close();
      expect(await terminal.exitCode()).toBe(129);
      expectNoCrash(terminal.stderr());
      expect(lastReport(home).questions.map((q) => q.rating)).toEqual([1, null]);
      expect(historyJson(home).map((r) => [r.mode, r.rating, r.answer])).toEqual([['mock', 1, 'answer 1']]);
    });

    it('at the mock start screen: exit 129, nothing saved', async () => {
      const home = tempHome();
      terminal = Terminal.start({ args: ['mock', '-n', '2'], env: { KFQ_HOME: home }, hangup });
      await terminal.waitFor('Enter starts');
      terminal.close();
      expect(await terminal.exitCode()).toBe(129);
      expect(terminal.stderr()).toBe('');
      await sleep(50);
      expect(runKfq(['mock', '--list', '--json'], { env: { KFQ_HOME: home } }).stdout).toBe('[]\n');
    });
  });
});
