// `kfq mock` end to end: the built bin in a real pseudo-terminal (tmux), with
// short time limits so the countdown and the time-outs can be watched.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sleep, startKfq, type PtySession } from './pty.js';
import { runKfq, tempHome } from './run.js';

function lastReport(home: string): Record<string, any> {
  const result = runKfq(['mock', '--report', 'last', '--json'], { env: { KFQ_HOME: home } });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const sessions: PtySession[] = [];
function open(home: string, args: string[], size: { cols?: number; rows?: number } = {}): PtySession {
  const session = startKfq({ args, env: { KFQ_HOME: home }, cols: 80, rows: 40, ...size });
  sessions.push(session);
  return session;
}
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

/** The first match of `pattern` on the screen, once it shows. */
async function match(term: PtySession, pattern: RegExp): Promise<RegExpMatchArray> {
  return pattern.exec(await term.waitFor(pattern))!;
}

describe('kfq mock in a terminal', () => {
  it('counts down while waiting for keys, keeps a typed answer and a timed-out one, and reports them', async () => {
    const home = tempHome();
    const term = open(home, ['mock', '-n', '2', '--per-question', '5s', '--seed', '1']);
    await term.waitFor(/2 questions from 2 categories/);
    await term.waitFor(/Enter starts/);
    term.sendKeys('Enter');

    const first = await match(term, /Question 1\/2 +0:0(\d) left/);
    await sleep(1300);
    const later = await match(term, /Question 1\/2 +0:0(\d) left/);
    expect(Number(later[1])).toBeLessThan(Number(first[1]));

    term.typeText('pipelines run on argo workflows');
    await term.waitFor(/> pipelines run on argo workflows/);
    term.sendKeys('Enter');

    // Nothing typed: the second question times out by itself.
    await term.waitFor(/Question 2\/2 +0:0\d left/);
    // The report follows by itself, its score pinned at the top.
    const screen = await term.waitFor(/Score \d+\/100/, 8000);
    expect(screen).toMatch(/2\. .*· 0:05 · timed out/);
    expect(screen).toContain('Enter starts the self-review');
    term.sendKeys('Enter');

    await term.waitFor(/Self-review 1\/2[^]*1 Again · 2 Hard · 3 Good · 4 Easy/);
    term.sendKeys('3');
    await term.waitFor(/Self-review 2\/2[^]*1 Again · 2 Hard/);
    term.sendKeys('s');
    expect(await term.exitCode()).toBe(0);

    const report = lastReport(home);
    expect(report).toMatchObject({ status: 'completed', perQuestionSeconds: 5, planned: 2 });
    expect(report.finishedAt).toEqual(expect.any(String));
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(report.questions).toHaveLength(2);
    expect(report.questions[0]).toMatchObject({ answer: 'pipelines run on argo workflows', timedOut: false, rating: 3 });
    expect(report.questions[0].secondsUsed).toBeLessThan(5);
    expect(report.questions[1]).toMatchObject({ answer: '', timedOut: true, rating: null, coverage: 0, covered: [] });
    expect(report.questions[1].secondsUsed).toBe(5);
    for (const question of report.questions) {
      expect(Object.keys(question)).toEqual(
        expect.arrayContaining([
          'id',
          'number',
          'category',
          'question',
          'answer',
          'reference',
          'covered',
          'missed',
          'points',
          'notes',
          'suggestedRating',
          'secondsUsed',
          'timedOut',
          'rating',
        ]),
      );
    }

    // The self-review grade went into the shared review history.
    const reviews = readFileSync(join(home, 'reviews.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(reviews.filter((review) => review.mode === 'mock')).toEqual([
      expect.objectContaining({ questionId: report.questions[0].id, rating: 3, answer: 'pipelines run on argo workflows' }),
    ]);

    const list = runKfq(['mock', '--list'], { env: { KFQ_HOME: home } });
    expect(list.stdout).toContain(report.id);
    expect(list.stdout).toMatch(/2\/2 +\d+ +completed/);
  });

  it('saves an abandoned report with the partial answer on Ctrl+C and exits 130', async () => {
    const home = tempHome();
    const term = open(home, ['mock', '-n', '3', '--per-question', '1m', '--seed', '2'], { cols: 40, rows: 30 });
    await term.waitFor(/Enter starts/);
    term.sendKeys('Enter');
    await term.waitFor(/Question 1\/3/);
    term.typeText('first answer');
    term.sendKeys('Enter');
    await term.waitFor(/Question 2\/3/);
    term.typeText('half an ans');
    await term.waitFor(/> half an ans/);
    term.sendKeys('C-c');
    expect(await term.exitCode()).toBe(130);

    const report = lastReport(home);
    expect(report.status).toBe('abandoned');
    expect(report.questions.map((q: { answer: string }) => q.answer)).toEqual(['first answer', 'half an ans']);
    expect(report.questions[1].timedOut).toBe(false);
    const list = runKfq(['mock', '--list', '--json'], { env: { KFQ_HOME: home } });
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: report.id, status: 'abandoned', questions: 2, planned: 3 })]);
  });

  it('saves an abandoned report on SIGTERM and exits 143', async () => {
    const home = tempHome();
    const term = open(home, ['mock', '-n', '2', '--per-question', '1m']);
    await term.waitFor(/Enter starts/);
    term.sendKeys('Enter');
    await term.waitFor(/Question 1\/2/);
    term.typeText('typed before the signal');
    await term.waitFor(/> typed before the signal/);
    process.kill(term.pid(), 'SIGTERM');
    expect(await term.exitCode()).toBe(143);
    expect(lastReport(home)).toMatchObject({
      status: 'abandoned',
      questions: [expect.objectContaining({ answer: 'typed before the signal' })],
    });
  });

  it('saves the answer typed so far when the terminal is closed', async () => {
    const home = tempHome();
    const term = open(home, ['mock', '-n', '2', '--per-question', '1m']);
    await term.waitFor(/Enter starts/);
    term.sendKeys('Enter');
    await term.waitFor(/Question 1\/2/);
    term.typeText('typed before the hangup');
    await term.waitFor(/> typed before the hangup/);
    term.close();
    for (let tries = 0; tries < 50 && lastReport(home).status !== 'abandoned'; tries++) await sleep(100);
    expect(lastReport(home)).toMatchObject({
      status: 'abandoned',
      questions: [expect.objectContaining({ answer: 'typed before the hangup' })],
    });
  });

  it('keeps every submitted answer on disk when killed outright', async () => {
    const home = tempHome();
    const term = open(home, ['mock', '-n', '3', '--per-question', '1m']);
    await term.waitFor(/Enter starts/);
    term.sendKeys('Enter');
    await term.waitFor(/Question 1\/3/);
    term.typeText('answered before the kill');
    term.sendKeys('Enter');
    await term.waitFor(/Question 2\/3/);
    process.kill(term.pid(), 'SIGKILL');
    expect(await term.exitCode()).toBe(137);

    const list = runKfq(['mock', '--list'], { env: { KFQ_HOME: home } });
    expect(list.stdout).toMatch(/1\/3 +\d+ +unfinished/);
    expect(lastReport(home)).toMatchObject({
      status: 'in-progress',
      questions: [expect.objectContaining({ answer: 'answered before the kill' })],
    });
  });
});

describe('kfq mock without a terminal', () => {
  it('refuses to start an interview when stdin is not a TTY (exit 2)', () => {
    const result = runKfq(['mock']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/kfq mock is interactive and needs a terminal/);
  });

  it.each([
    ['--per-question', '90'],
    ['--per-question', '2 minutes'],
    ['--total', '1x'],
  ])('rejects %s %j with the accepted forms (exit 2)', (option, value) => {
    const result = runKfq(['mock', option, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`invalid ${option} '${value}'`);
    expect(result.stderr).toMatch(/90s, 2m, 1m30s/);
  });

  it('takes --list or --report, not both, and --json only with one of them (exit 2)', () => {
    expect(runKfq(['mock', '--list', '--report', 'last'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('either --list or --report'),
    });
    expect(runKfq(['mock', '--json'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--json goes with --list or --report') });
  });

  it('lists no interviews and finds no last report in a fresh home', () => {
    const home = tempHome();
    expect(runKfq(['mock', '--list', '--json'], { env: { KFQ_HOME: home } })).toMatchObject({ code: 0, stdout: '[]\n' });
    const missing = runKfq(['mock', '--report'], { env: { KFQ_HOME: home } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no interview reports yet/);
  });

  it('when run as the subcommands mock list and mock report then they answer like the --list and --report flags', () => {
    const home = tempHome();
    expect(runKfq(['mock', 'list', '--json'], { env: { KFQ_HOME: home } })).toMatchObject({ code: 0, stdout: '[]\n' });
    const missing = runKfq(['mock', 'report', 'last', '--json'], { env: { KFQ_HOME: home } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no interview reports yet/);
  });

  it('warns about a damaged report, names the file, and leaves it alone', () => {
    const home = tempHome();
    mkdirSync(join(home, 'reports'), { recursive: true });
    const damaged = join(home, 'reports', '20250101-000000.json');
    writeFileSync(damaged, '{"kfq":"interview-report",');
    const result = runKfq(['mock', '--list'], { env: { KFQ_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: ${damaged}: not valid JSON`);
    expect(readFileSync(damaged, 'utf8')).toBe('{"kfq":"interview-report",');
  });
});
