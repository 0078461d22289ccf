// Learning steps in a drill, daily limits over several runs and across the
// rollover hour, config and the KFQ_NOW clock: the built bin, a real terminal
// for drills, `kfq due --json` to read the day's counts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, startKfq, type PtySession } from './pty.js';
import { runKfq, tempHome } from './run.js';

interface DueReport {
  now: string;
  today: { due: number; new: number; learning: number; newLeft: number; reviewsLeft: number };
  decks: {
    deck: string;
    due: number;
    learning: number;
    new: number;
    review: number;
    nextDue: string | null;
    categories: { category: string }[];
  }[];
  next: { id: string; due: string }[];
}

/** Every run in UTC, so the rollover hour is the same wherever the tests run. */
function environment(home: string, config: string, now: string): NodeJS.ProcessEnv {
  return { KFQ_HOME: home, KFQ_CONFIG_HOME: config, KFQ_NOW: now, TZ: 'UTC' };
}

function due(home: string, config: string, now: string): DueReport {
  const { code, stdout, stderr } = runKfq(['due', '--json'], { env: environment(home, config, now) });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as DueReport;
}

/** Reviews of the built-in deck's questions 1..n, graded Good twice (both learning steps), `daysAgo` days before `now`. */
function learntLog(home: string, now: string, numbers: number[], daysAgo: number): void {
  const list = JSON.parse(runKfq(['list', '--json']).stdout) as { id: string; number: number; question: string }[];
  const at = (minutes: number): string => new Date(Date.parse(now) - daysAgo * 86_400_000 + minutes * 60_000).toISOString();
  const lines = numbers.flatMap((n) => {
    const q = list[n - 1]!;
    return [0, 10].map((minutes) =>
      JSON.stringify({
        questionId: q.id,
        deck: 'kubeflow',
        number: q.number,
        question: q.question,
        rating: 3,
        reviewedAt: at(minutes),
        durationMs: 1000,
        answer: '',
        mode: 'drill',
      }),
    );
  });
  writeFileSync(join(home, 'reviews.jsonl'), `{"kfq":"review-log","version":1}\n${lines.join('\n')}\n`);
}

describe('kfq due and the KFQ_NOW clock', () => {
  it('when nothing was reviewed then everything is new and today offers the new-card limit', () => {
    const report = due(tempHome(), tempHome(), '2026-12-01T10:00:00Z');
    expect(report.now).toMatch(/^2026-12-01T10:00:0\d/);
    expect(report.today).toEqual({ due: 0, new: 20, learning: 0, newLeft: 20, reviewsLeft: 200 });
    expect(report.decks[0]).toMatchObject({ deck: 'kubeflow', due: 0, learning: 0, new: 100, review: 0, nextDue: null });
    expect(report.decks[0]!.categories.length).toBeGreaterThan(1);
  });

  it('when cards were learnt weeks before KFQ_NOW then they are due, within the reviews limit', () => {
    const home = tempHome();
    const config = tempHome();
    learntLog(home, '2026-12-01T10:00:00Z', [1, 2, 3], 30);
    expect(runKfq(['config', 'set', 'drill.reviewsPerDay', '2'], { env: environment(home, config, '2026-12-01T10:00:00Z') }).code).toBe(0);
    const report = due(home, config, '2026-12-01T10:00:00Z');
    expect(report.decks[0]).toMatchObject({ due: 3, new: 97 });
    expect(report.today).toMatchObject({ due: 2, reviewsLeft: 2 });
    // The same log read at the time of the reviews: nothing is due yet.
    expect(due(home, config, '2026-11-01T10:30:00Z').decks[0]).toMatchObject({ due: 0, review: 3 });
  });

  it('when KFQ_NOW is not a date then it says so and exits 2', () => {
    const { code, stderr } = runKfq(['due'], { env: { KFQ_NOW: 'yesterday' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kfq: KFQ_NOW 'yesterday' is not a date-time\n/);
  });

  it('when list is asked for a state then it shows only those cards', () => {
    const home = tempHome();
    learntLog(home, '2026-12-01T10:00:00Z', [1, 2], 30);
    const env = environment(home, tempHome(), '2026-12-01T10:00:00Z');
    const dueCards = JSON.parse(runKfq(['list', '--state', 'due', '--json'], { env }).stdout) as { id: string; state: string }[];
    expect(dueCards.map((q) => [q.id, q.state])).toEqual([
      ['kubeflow/1', 'due'],
      ['kubeflow/2', 'due'],
    ]);
    expect(runKfq(['list', '--state', 'new', '--json'], { env }).stdout).not.toContain('"kubeflow/1"');
    const bad = runKfq(['list', '--state', 'soon'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown state 'soon'");
  });
});

describe('kfq config', () => {
  it('when a key is set then get, list and the commands use it; the environment overrides it; unset restores the default', () => {
    const env = { KFQ_HOME: tempHome(), KFQ_CONFIG_HOME: tempHome() };
    expect(runKfq(['config', 'set', 'drill.newPerDay', '5'], { env }).code).toBe(0);
    expect(runKfq(['config', 'get', 'drill.newPerDay'], { env }).stdout).toBe('5\n');
    expect(runKfq(['config', 'get', 'drill.newPerDay'], { env: { ...env, KFQ_DRILL_NEW_PER_DAY: '7' } }).stdout).toBe('7\n');
    expect((JSON.parse(runKfq(['due', '--json'], { env }).stdout) as DueReport).today.new).toBe(5);
    const listed = JSON.parse(runKfq(['config', 'list', '--json'], { env }).stdout) as { key: string; value: unknown; source: string }[];
    expect(listed.find((row) => row.key === 'drill.newPerDay')).toMatchObject({ value: 5, source: 'file' });
    expect(listed.find((row) => row.key === 'day.rollover')).toMatchObject({ value: 4, source: 'default' });
    expect(runKfq(['config', 'unset', 'drill.newPerDay'], { env }).code).toBe(0);
    expect(runKfq(['config', 'get', 'drill.newPerDay'], { env }).stdout).toBe('20\n');
    expect(runKfq(['config', 'path'], { env }).stdout).toBe(`${join(env.KFQ_CONFIG_HOME, 'config.toml')}\n`);
    expect(runKfq(['config', 'set', 'drill.learningSteps', '1m', '5m', '1h'], { env }).code).toBe(0);
    expect(runKfq(['config', 'get', 'drill.learningSteps', '--json'], { env }).stdout).toBe('["1m","5m","1h"]\n');
    expect(runKfq(['config', 'set', 'drill.learningSteps', 'none'], { env }).code).toBe(0);
    expect(runKfq(['config', 'get', 'drill.learningSteps'], { env }).stdout).toBe('none\n');
  });

  it('when a value is bad then the error names the key and the file, and unset still works', () => {
    const env = { KFQ_HOME: tempHome(), KFQ_CONFIG_HOME: tempHome() };
    const file = join(env.KFQ_CONFIG_HOME, 'config.toml');
    writeFileSync(file, '[drill]\nretention = 1.5\n');
    const { code, stderr } = runKfq(['due'], { env });
    expect(code).toBe(2);
    expect(stderr).toContain(`kfq: bad value for drill.retention in ${file}: expected a number between 0 and 1`);
    expect(runKfq(['config', 'unset', 'drill.retention'], { env }).code).toBe(0);
    expect(runKfq(['due'], { env }).code).toBe(0);

    const set = runKfq(['config', 'set', 'day.rollover', '25'], { env });
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('bad value for day.rollover');
    const unknown = runKfq(['config', 'set', 'drill.speed', '3'], { env });
    expect(unknown.stderr).toContain("unknown config key 'drill.speed'");
    writeFileSync(file, 'drill = [');
    expect(runKfq(['due'], { env }).stderr).toContain(`kfq: the config file ${file} is not valid TOML`);
  });

  it('when the config names a deck then commands use it unless --deck is given', () => {
    const home = tempHome();
    const deck = join(home, 'tiny.md');
    writeFileSync(deck, '### Basics\n\n1. **What is Argo?**\n   - A workflow engine.\n');
    const env = { KFQ_HOME: home, KFQ_CONFIG_HOME: tempHome() };
    expect(runKfq(['config', 'set', 'deck', deck], { env }).code).toBe(0);
    expect(JSON.parse(runKfq(['list', '--json'], { env }).stdout)).toHaveLength(1);
    expect(JSON.parse(runKfq(['--deck', 'data/kubeflow.md', 'list', '--json'], { env }).stdout).length).toBeGreaterThan(1);
  });

  it('when there is no terminal then edit refuses instead of opening an editor', () => {
    const { code, stderr } = runKfq(['config', 'edit'], { env: { EDITOR: 'vi' } });
    expect(code).toBe(2);
    expect(stderr).toContain('kfq config edit needs a terminal');
  });
});

describe.skipIf(!hasTmux)('learning steps and daily limits in a terminal', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it('when a new card is graded Again then it comes back in the session until it passes its steps, and the summary counts the repeats', async () => {
    const home = tempHome();
    session = startKfq({ args: ['drill', '-n', '2', '--order', 'new'], env: environment(home, tempHome(), '2026-12-01T10:00:00Z') });
    let screen = await session.waitFor('1/2');
    expect(screen).toContain('0 due · 20 new · 0 learning');
    await session.revealAndGrade('1');
    await session.waitFor('2/2');
    await session.revealAndGrade('4');
    // Nothing else is left: the card on its 1-minute step is shown again.
    screen = await session.waitFor('3/3');
    expect(screen).toContain('#1 What is Kubeflow?');
    await session.revealAndGrade('3');
    screen = await session.waitFor('4/4');
    expect(screen).toContain('#1 What is Kubeflow?');
    await session.revealAndGrade('3');
    expect(await session.exitCode()).toBe(0);
    expect(session.screen()).toMatch(/2 cards done \(2 repeats of learning steps\)/);
  });

  it('when the day has had its new cards then later runs that day get none, and the next day after the rollover hour does', async () => {
    const home = tempHome();
    const config = tempHome();
    expect(runKfq(['config', 'set', 'drill.newPerDay', '2'], { env: { KFQ_CONFIG_HOME: config } }).code).toBe(0);
    session = startKfq({ args: ['drill', '--order', 'new'], env: environment(home, config, '2026-12-01T10:00:00Z') });
    await session.waitFor('1/2');
    await session.revealAndGrade('4');
    await session.waitFor('2/2');
    await session.revealAndGrade('4');
    expect(await session.exitCode()).toBe(0);
    session.close();

    // Later that day: nothing new is left.
    expect(due(home, config, '2026-12-01T20:00:00Z').today).toMatchObject({ new: 0, newLeft: 0 });
    session = startKfq({ args: ['drill'], env: environment(home, config, '2026-12-01T20:00:00Z') });
    expect(await session.exitCode()).toBe(0);
    expect(session.screen().replace(/\n/g, ' ')).toMatch(/today's 2 new cards are done/);
    session.close();

    // After midnight but before the 4 am rollover it is still the same day; after it, a new one.
    expect(due(home, config, '2026-12-02T03:30:00Z').today).toMatchObject({ newLeft: 0 });
    expect(due(home, config, '2026-12-02T04:30:00Z').today).toMatchObject({ new: 2, newLeft: 2 });
    expect(runKfq(['config', 'set', 'day.rollover', '2'], { env: { KFQ_CONFIG_HOME: config } }).code).toBe(0);
    expect(due(home, config, '2026-12-02T03:30:00Z').today).toMatchObject({ newLeft: 2 });
  });
});

describe.skipIf(!hasTmux)('kfq drill --ahead', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it('when no card is due then --ahead asks learnt cards anyway, the most nearly due first, and logs the reviews', async () => {
    const home = tempHome();
    const config = tempHome();
    const now = '2026-12-01T10:00:00Z';
    learntLog(home, now, [1, 2], 1);
    session = startKfq({ args: ['drill', '--ahead'], env: environment(home, config, now) });
    const screen = await session.waitFor('1/2');
    expect(screen).toContain('0 due · 20 new · 0 learning · studying ahead');
    await session.revealAndGrade('3');
    await session.waitFor('2/2');
    await session.revealAndGrade('3');
    expect(await session.exitCode()).toBe(0);
    const history = JSON.parse(runKfq(['history', '--json'], { env: environment(home, config, now) }).stdout) as {
      questionId: string;
      mode: string;
    }[];
    expect(history.slice(0, 2).map((review) => review.mode)).toEqual(['drill', 'drill']);
    expect(history).toHaveLength(6);
  });
});

describe('kfq optimize', () => {
  it('when the log is too small then it refuses with a clear message and saves nothing', () => {
    const home = tempHome();
    const { code, stdout, stderr } = runKfq(['optimize'], { env: { KFQ_HOME: home } });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^kfq: not enough reviews to fit parameters yet: 0 reviews .* needs 400/);
    expect(() => readFileSync(join(home, 'fsrs-parameters.json'))).toThrow(/ENOENT/);
  });
});
