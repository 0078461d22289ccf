// kfq plan: set, show and clear the plan toward an interview date. The plan's
// settings live in the config file's [plan] table.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { configFile, readConfigFile, writeConfigFile } from '../store/configFile.js';
import { daysUntil, type Plan } from '../practice/plan.js';
import { planLines } from '../ui/planView.js';
import { activePlan, secondsPerCard } from './activePlan.js';
import type { CommandContext } from './context.js';
import { applySchedulerSettings } from './scheduling.js';
import { checkValue, keyDefinition, type Settings } from './settings.js';

export interface PlanOptions {
  action: 'show' | 'set' | 'clear';
  date?: string;
  minutesPerDay?: number;
  retention?: number;
  /** --deck given to plan set: the plan's decks. */
  decks?: string[];
  json?: boolean;
}

export async function run(ctx: CommandContext, options: PlanOptions): Promise<number> {
  const file = configFile(ctx.paths.config);
  if (options.action === 'clear') return clearPlan(ctx, file);
  if (options.action === 'set') setPlan(ctx, file, options);
  const settings = applySchedulerSettings(ctx);
  if (!settings.plan.date) {
    if (options.json) ctx.stdout.write('null\n');
    else ctx.stderr.write('No plan is set. Set one with: kfq plan set YYYY-MM-DD [--minutes-per-day 30] [--retention 0.9]\n');
    return 0;
  }
  const active = await activePlan(ctx, settings);
  if (active === 'over') {
    if (options.json) ctx.stdout.write(`${JSON.stringify({ interviewDate: settings.plan.date, over: true })}\n`);
    else
      ctx.stderr.write(
        `The interview date ${settings.plan.date} has passed: drill is back on the normal schedule (kfq plan clear removes the plan).\n`,
      );
    return 0;
  }
  if (!active) throw new UsageError('no plan is set');
  if (options.json) ctx.stdout.write(`${JSON.stringify(planJson(active.plan, settings), null, 2)}\n`);
  else {
    const { minutesPerDay, retention } = settings.plan;
    ctx.stdout.write(`${planLines(active.plan, minutesPerDay, secondsPerCard(ctx.paths.history), retention, ctx.width).join('\n')}\n`);
  }
  return 0;
}

function clearPlan(ctx: CommandContext, file: string): number {
  const table = readConfigFile(file);
  if (table.plan === undefined) ctx.stderr.write('No plan was set.\n');
  else {
    delete table.plan;
    writeConfigFile(file, table);
    ctx.stderr.write('Plan cleared: drill follows the normal schedule.\n');
  }
  return 0;
}

/** The plan's settings written to the config file, after checking the date is still ahead. */
function setPlan(ctx: CommandContext, file: string, options: PlanOptions): void {
  const date = checkValue(keyDefinition('plan.date'), options.date, 'the command line', 'write the date as YYYY-MM-DD') as string;
  const rollover = applySchedulerSettings(ctx).day.rollover;
  if (daysUntil(date, ctx.now(), rollover) <= 0)
    throw new UsageError(`the interview date ${date} is not after today`, { hint: 'give a date from tomorrow on' });
  const table = readConfigFile(file);
  const plan: Record<string, unknown> = { date };
  if (options.minutesPerDay !== undefined) plan.minutesPerDay = options.minutesPerDay;
  if (options.retention !== undefined) plan.retention = options.retention;
  // A deck given as a path is kept as an absolute one, so the plan works from any folder.
  if (options.decks && options.decks.length > 0) plan.decks = options.decks.map((deck) => (existsSync(deck) ? resolve(deck) : deck));
  table.plan = plan;
  writeConfigFile(file, table);
}

function planJson(plan: Plan, settings: Settings): object {
  return {
    interviewDate: plan.interviewDate,
    daysLeft: plan.daysLeft,
    today: plan.today,
    days: plan.days,
    readiness: {
      overall: plan.readiness.overall,
      byCategory: plan.readiness.byCategory,
      weakest: plan.readiness.weakest,
      ifStoppedToday: plan.readiness.ifStoppedToday,
    },
    minutesPerDay: settings.plan.minutesPerDay,
    retention: settings.plan.retention,
    unplaced: plan.unplaced,
  };
}
