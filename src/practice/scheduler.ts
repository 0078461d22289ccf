// Spaced repetition with FSRS (ts-fsrs). A card's state is never stored: it is
// derived by replaying the question's reviews from the log, so the log stays
// the single source of truth and a fix to the scheduler applies to old reviews.
import { createEmptyCard, fsrs, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { Question } from '../model/question.js';
import { RATINGS, type Review, type ReviewRating } from '../model/review.js';
import { reviewsByQuestion } from './matchReviews.js';
import { formatInterval } from './time.js';
import { DEFAULT_RETENTION } from './retention.js';


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

const schedulers = new Map<number, FSRS>();

/**
 * Whole-day intervals: a drill is a daily habit, and minute-long learning steps
 * would need the same card again within the session.
 */
export function scheduler(retention: number = DEFAULT_RETENTION): FSRS {
  let instance = schedulers.get(retention);
  if (!instance) {
    instance = fsrs({ request_retention: retention, enable_short_term: false, enable_fuzz: false });
    schedulers.set(retention, instance);
  }
  return instance;
}

/** The state after one more grade; `state` is undefined for a new card. */
export function gradeCard(state: CardState | undefined, rating: ReviewRating, at: Date, retention: number = DEFAULT_RETENTION): CardState {
  const before: Card = state ? state.card : createEmptyCard<Card>(at);
  // A clock set back must not make ts-fsrs see a negative elapsed time.
  const when = state && at < state.lastReviewedAt ? state.lastReviewedAt : at;
  const { card } = scheduler(retention).next(before, when, rating as Grade);
  return { card, agains: (state?.agains ?? 0) + (rating === 1 ? 1 : 0), lastRating: rating, lastReviewedAt: when };
}

/** Replays a question's reviews, oldest first. */
export function replayReviews(reviews: readonly Review[], retention: number = DEFAULT_RETENTION): CardState | undefined {
  let state: CardState | undefined;
  for (const review of reviews) state = gradeCard(state, review.rating, new Date(review.reviewedAt), retention);
  return state;
}

/** The state of every question that has been reviewed; new questions have none. */
export function cardStates(questions: readonly Question[], reviews: Iterable<Review>, retention: number = DEFAULT_RETENTION): Map<string, CardState> {
  const states = new Map<string, CardState>();
  for (const [id, list] of reviewsByQuestion(questions, reviews)) {
    const state = replayReviews(list, retention);
    if (state) states.set(id, state);
  }
  return states;
}

/** When the card would be due again after each grade, for labels like `Good · 3d`. */
export function nextIntervals(state: CardState | undefined, now: Date, retention: number = DEFAULT_RETENTION): Record<ReviewRating, NextInterval> {
  const entries = RATINGS.map((rating) => {
    const { card } = gradeCard(state, rating, now, retention);
    return [rating, { due: card.due, label: formatInterval(card.due.getTime() - now.getTime()) }] as const;
  });
  return Object.fromEntries(entries) as Record<ReviewRating, NextInterval>;
}

export function isDue(state: CardState, now: Date): boolean {
  return state.card.due.getTime() <= now.getTime();
}
