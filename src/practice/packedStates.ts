// Card states as one array of numbers, a fixed count per state: the review
// log snapshot saves them so, and the replay worker sends them back so. A
// hundred thousand states as objects (a card, two Dates each) are slow to
// serialize, to read back and to copy between threads; as numbers they are
// one block of memory.
import type { Card, State } from 'ts-fsrs';
import type { ReviewRating } from '../model/review.js';
import type { CardState } from './scheduler.js';

/** Numbers per state: the card's ten fields, then agains, lastRating, lastReviewedAt. */
const FIELDS = 13;

/** In the lastRating slot: no state (a rating is 1 to 4). */
const NONE = 0;

export function packStates(states: ReadonlyArray<CardState | null | undefined>): Float64Array {
  const packed = new Float64Array(states.length * FIELDS);
  for (let i = 0; i < states.length; i++) {
    const state = states[i];
    const at = i * FIELDS;
    if (!state) {
      packed[at + 11] = NONE;
      continue;
    }
    const { card } = state;
    packed[at] = card.due.getTime();
    packed[at + 1] = card.stability;
    packed[at + 2] = card.difficulty;
    packed[at + 3] = card.elapsed_days;
    packed[at + 4] = card.scheduled_days;
    packed[at + 5] = card.reps;
    packed[at + 6] = card.lapses;
    packed[at + 7] = card.learning_steps;
    packed[at + 8] = card.state;
    packed[at + 9] = card.last_review === undefined ? NaN : card.last_review.getTime();
    packed[at + 10] = state.agains;
    packed[at + 11] = state.lastRating;
    packed[at + 12] = state.lastReviewedAt.getTime();
  }
  return packed;
}

/** The states packStates packed; null where there was none. A last review at the same time as the card's is one Date, as a replay makes it. */
export function unpackStates(packed: Float64Array): Array<CardState | null> {
  const states: Array<CardState | null> = [];
  for (let at = 0; at + FIELDS <= packed.length; at += FIELDS) {
    if (packed[at + 11] === NONE) {
      states.push(null);
      continue;
    }
    const reviewedAt = packed[at + 12]!;
    const lastReviewedAt = new Date(reviewedAt);
    const lastReview = packed[at + 9]!;
    const card: Card = {
      due: new Date(packed[at]!),
      stability: packed[at + 1]!,
      difficulty: packed[at + 2]!,
      elapsed_days: packed[at + 3]!,
      scheduled_days: packed[at + 4]!,
      reps: packed[at + 5]!,
      lapses: packed[at + 6]!,
      learning_steps: packed[at + 7]!,
      state: packed[at + 8]! as State,
    };
    if (!Number.isNaN(lastReview)) card.last_review = lastReview === reviewedAt ? lastReviewedAt : new Date(lastReview);
    states.push({ card, agains: packed[at + 10]!, lastRating: packed[at + 11]! as ReviewRating, lastReviewedAt });
  }
  return states;
}
