// The interview plan in force, if any: its settings from the config, its
// cards, and today's plan computed from the review log.
import { existsSync } from 'node:fs';
import type { Question } from '../model/question.js';
import { countToday } from '../practice/dailyLimits.js';
import { daysUntil, DEFAULT_SECONDS_PER_CARD, makePlan, type Plan } from '../practice/plan.js';
import type { CardState } from '../practice/scheduler.js';
import { readReviewLog } from '../store/reviewLog.js';
import type { CommandContext } from './context.js';
import { readHistory } from './scheduling.js';
import type { Settings } from './settings.js';
import { loadSelection } from './shared.js';

export interface ActivePlan {
  plan: Plan;
  questions: Question[];
  states: Map<string, CardState>;
}

/** Drill reviews looked at for the time a card takes. */
const RECENT_REVIEWS = 200;

/** The plan's state today, or undefined without a plan; `over` when its date has passed. */
export async function activePlan(ctx: CommandContext, settings: Settings): Promise<ActivePlan | 'over' | undefined> {
  const date = settings.plan.date;
  if (!date) return undefined;
  const now = ctx.now();
  if (daysUntil(date, now, settings.day.rollover) <= 0) return 'over';
  const deckSpecs = settings.plan.decks.length > 0 ? settings.plan.decks : ctx.deckSpecs;
  const { questions } = await loadSelection({ ...ctx, deckSpecs });
  const log = readHistory(ctx);
  const states = log.cardStates(questions, settings.plan.retention);
  const plan = makePlan({
    questions,
    states,
    now,
    rollover: settings.day.rollover,
    secondsPerCard: secondsPerCard(ctx.paths.history),
    settings: { interviewDate: date, minutesPerDay: settings.plan.minutesPerDay, retention: settings.plan.retention },
    doneToday: countToday(log.reviews(), now, settings.day.rollover),
  });
  return { plan, questions, states };
}

/** The median time of your recent drill answers, or a default until there are some. */
export function secondsPerCard(logFile: string): number {
  if (!existsSync(logFile)) return DEFAULT_SECONDS_PER_CARD;
  const durations = readReviewLog(logFile)
    .reviews.filter((review) => review.mode === 'drill' && review.durationMs > 0)
    .slice(-RECENT_REVIEWS)
    .map((review) => review.durationMs / 1000)
    .sort((a, b) => a - b);
  if (durations.length < 10) return DEFAULT_SECONDS_PER_CARD;
  return Math.min(180, Math.max(5, durations[Math.floor(durations.length / 2)]!));
}
