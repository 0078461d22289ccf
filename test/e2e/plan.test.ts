// kfq plan: set, show, --json, clear, a date that has passed, and a drill that
// follows the plan; KFQ_NOW fixes the day.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, startKfq, type PtySession } from './pty.js';
import { runKfq, tempHome } from './run.js';

const NOW = '2026-12-03T09:00:00Z';

function env(now = NOW): NodeJS.ProcessEnv & { KFQ_HOME: string; KFQ_CONFIG_HOME: string } {
  return { KFQ_HOME: tempHome(), KFQ_CONFIG_HOME: tempHome(), KFQ_NOW: now, TZ: 'UTC' };
}

describe('kfq plan', () => {
  it('when a plan is set then --json has the agreed shape: date, days left, today, each day to the date, readiness', () => {
    const e = env();
    const set = runKfq(['plan', 'set', '2026-12-20', '--minutes-per-day', '20', '--retention', '0.92'], { env: e });
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Interview on 2026-12-20 · 17 days left');
    expect(set.stdout).toContain('Readiness on the day');
    expect(readFileSync(join(e.KFQ_CONFIG_HOME, 'config.toml'), 'utf8')).toMatch(
      /\[plan\]\ndate = "2026-12-20"\nminutesPerDay = 20\nretention = 0.92/,
    );

    const { code, stdout } = runKfq(['plan', '--json'], { env: e });
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan).toMatchObject({
      interviewDate: '2026-12-20',
      daysLeft: 17,
      today: { new: expect.any(Number), reviews: 0, minutes: expect.any(Number) },
    });
    expect(plan.days).toHaveLength(17);
    expect(plan.days[0]).toEqual({ date: '2026-12-03', new: plan.today.new, reviews: 0 });
    expect(plan.days.at(-1).date).toBe('2026-12-19');
    // Every card of the deck is brought in before the final days.
    expect(plan.days.reduce((sum: number, day: { new: number }) => sum + day.new, 0)).toBe(100);
    expect(plan.readiness.overall).toBeGreaterThan(0);
    expect(Object.keys(plan.readiness.byCategory)).toContain('Basic Concepts');
  });

  it('when the date has passed then it says so and drill is back on the normal schedule; clear removes the plan', () => {
    const e = env();
    expect(runKfq(['plan', 'set', '2026-12-10'], { env: e }).code).toBe(0);
    const after = runKfq(['plan'], { env: { ...e, KFQ_NOW: '2026-12-11T09:00:00Z' } });
    expect(after.stderr).toContain('The interview date 2026-12-10 has passed');
    expect(JSON.parse(runKfq(['plan', '--json'], { env: { ...e, KFQ_NOW: '2026-12-11T09:00:00Z' } }).stdout)).toEqual({
      interviewDate: '2026-12-10',
      over: true,
    });
    expect(runKfq(['plan', 'clear'], { env: e }).stderr).toContain('Plan cleared');
    expect(runKfq(['plan', '--json'], { env: e }).stdout).toBe('null\n');
  });

  it('when the date is not after today or not a date then set refuses it', () => {
    const e = env();
    expect(runKfq(['plan', 'set', '2026-12-03'], { env: e }).stderr).toContain('kfq: the interview date 2026-12-03 is not after today');
    const bad = runKfq(['plan', 'set', 'next friday'], { env: e });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad value for plan.date');
  });
});

describe.skipIf(!hasTmux)('kfq drill during a plan', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it('when a plan is set then drill says so and asks today’s planned cards', async () => {
    const e = env();
    expect(runKfq(['plan', 'set', '2026-12-20', '--minutes-per-day', '20'], { env: e }).code).toBe(0);
    const today = JSON.parse(runKfq(['plan', '--json'], { env: e }).stdout).today as { new: number };
    session = startKfq({ args: ['drill'], env: e });
    const screen = await session.waitFor(`1/${today.new}`);
    expect(screen).toContain(`Plan: 17 days to the interview · today ${today.new} new · 0 reviews`);
  });
});
