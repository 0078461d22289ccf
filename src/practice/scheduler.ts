// Spaced repetition with FSRS (ts-fsrs). A card's state is never stored: it is
// derived by replaying the question's reviews from the log, so the log stays
// the single source of truth and a fix to the scheduler applies to old reviews.
import { createEmptyCard, fsrs, State, type Card, type FSRS, type Grade, type StepUnit } from 'ts-fsrs';
import { DEFAULT_RETENTION } from '../model/choices.js';
import { RATINGS, type ReviewRating } from '../model/review.js';
import { formatInterval } from './time.js';

export interface CardState {
  card: Card;
  /** Times graded Again (ts-fsrs counts lapses only once a card has been learnt). */
  agains: number;
  lastRating: ReviewRating;
  lastReviewedAt: Date;
}

export interface NextInterval {
  due: Date;
  /** Short, for a key label: `1d`, `3d`, `2mo`. */
  label: string;
}

/** What shapes every card's schedule besides the retention: set once a process, from the settings. */
export interface SchedulerSettings {
  /** Steps of a new card before it graduates to whole days, e.g. `['1m', '10m']`. */
  learningSteps: readonly string[];
  /** Steps of a forgotten card. */
  relearningSteps: readonly string[];
  /** FSRS parameters fitted by kfq optimize; undefined for the defaults. */
  weights?: readonly number[];
}

export const DEFAULT_SCHEDULER_SETTINGS: SchedulerSettings = { learningSteps: ['1m', '10m'], relearningSteps: ['10m'] };

let settings: SchedulerSettings = DEFAULT_SCHEDULER_SETTINGS;
const schedulers = new Map<number, FSRS>();

/** Changes the scheduler's settings; card states derived before belong to the old ones. */
export function useSchedulerSettings(next: SchedulerSettings): void {
  settings = next;
  schedulers.clear();
}

/** The settings in use (for a worker thread to use the same). */
export function currentSchedulerSettings(): SchedulerSettings {
  return settings;
}

/** Names the settings, so states cached under other settings are not reused. */
export function schedulerSignature(): string {
  return JSON.stringify([settings.learningSteps, settings.relearningSteps, settings.weights ?? null]);
}

/**
 * Short-term steps: a card graded Again or Hard while new or forgotten comes
 * back within the session, then graduates to whole days.
 */
export function scheduler(retention: number = DEFAULT_RETENTION): FSRS {
  let instance = schedulers.get(retention);
  if (!instance) {
    instance = fsrs({
      request_retention: retention,
      enable_short_term: true,
      enable_fuzz: false,
      learning_steps: settings.learningSteps as StepUnit[],
      relearning_steps: settings.relearningSteps as StepUnit[],
      ...(settings.weights ? { w: [...settings.weights] } : {}),
    });
    schedulers.set(retention, instance);
  }
  return instance;
}

/** Whether the card is in its (re)learning steps: due again within minutes or hours, not days. */
export function isLearning(state: CardState): boolean {
  return state.card.state === State.Learning || state.card.state === State.Relearning;
}

/** Predicted recall (0-1) of a reviewed card at a time. */
export function retrievability(state: CardState, at: Date, retention: number = DEFAULT_RETENTION): number {
  return scheduler(retention).get_retrievability(state.card, at, false);
}

/** The state after one more grade; `state` is undefined for a new card. */
export function gradeCard(state: CardState | undefined, rating: ReviewRating, at: Date, retention: number = DEFAULT_RETENTION): CardState {
  const before: Card = state ? state.card : createEmptyCard<Card>(at);
  // A clock set back must not make ts-fsrs see a negative elapsed time.
  const when = state && at < state.lastReviewedAt ? state.lastReviewedAt : at;
  const { card } = scheduler(retention).next(before, when, rating as Grade);
  return { card, agains: (state?.agains ?? 0) + (rating === 1 ? 1 : 0), lastRating: rating, lastReviewedAt: when };
}

/** When the card would be due again after each grade, for labels like `Good · 3d`. */
export function nextIntervals(
  state: CardState | undefined,
  now: Date,
  retention: number = DEFAULT_RETENTION,
): Record<ReviewRating, NextInterval> {
  const entries = RATINGS.map((rating) => {
    const { card } = gradeCard(state, rating, now, retention);
    return [rating, { due: card.due, label: formatInterval(card.due.getTime() - now.getTime()) }] as const;
  });
  return Object.fromEntries(entries) as Record<ReviewRating, NextInterval>;
}

export function isDue(state: CardState, now: Date): boolean {
  return state.card.due.getTime() <= now.getTime();
}
