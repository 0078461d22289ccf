// Replaying a whole history at once gives exactly the card states that
// grading review after review through ts-fsrs (gradeCard) gives: every field
// of the card, for every grade, with learning steps on and off, fitted
// weights, clocks set back, and a replay that continues from a saved state.
import fc from 'fast-check';
import { default_w } from 'ts-fsrs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewRating } from '../../../src/model/review.js';
import { replayGrades } from '../../../src/practice/gradeReplay.js';
import { DEFAULT_SCHEDULER_SETTINGS, gradeCard, useSchedulerSettings, type CardState } from '../../../src/practice/scheduler.js';

const START = Date.parse('2025-01-01T08:00:00.000Z');
const MINUTE = 60_000;

afterEach(() => useSchedulerSettings(DEFAULT_SCHEDULER_SETTINGS));

/** The reference: one gradeCard call (ts-fsrs's `next`) per review. */
function gradedOneByOne(from: CardState | undefined, ratings: number[], times: number[], retention: number): CardState | undefined {
  let state = from;
  ratings.forEach((rating, i) => {
    state = gradeCard(state, rating as ReviewRating, new Date(times[i]!), retention);
  });
  return state;
}

/** Gaps between reviews: the same minute, the same day, days, months, and a clock set back. */
const gap = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 30 }),
  fc.integer({ min: 60, max: 60 * 24 }),
  fc.integer({ min: 60 * 24, max: 60 * 24 * 400 }),
  fc.integer({ min: -60 * 24 * 3, max: -1 }),
);
const history = fc.array(fc.record({ rating: fc.constantFrom(1, 2, 3, 4), gap }), { minLength: 1, maxLength: 40 });
const steps = fc.constantFrom<string[]>([], ['1m', '10m'], ['10m'], ['5m', '1h', '3h'], ['1h', '1d'], ['2d']);
// Fitted weights: the defaults scaled, as kfq optimize might give (ts-fsrs clips them to its bounds).
const weights = fc.option(fc.array(fc.double({ min: 0.7, max: 1.3, noNaN: true }), { minLength: 21, maxLength: 21 }), { nil: undefined });

describe('replaying a card history at once', () => {
  it('when any history is replayed then every field of the state equals grading it review by review', () => {
    fc.assert(
      fc.property(
        history,
        steps,
        steps,
        weights,
        fc.constantFrom(0.9, 0.8, 0.95),
        fc.nat(),
        (reviews, learningSteps, relearningSteps, scale, retention, cut) => {
          useSchedulerSettings({ learningSteps, relearningSteps, weights: scale?.map((factor, i) => default_w[i]! * factor) });
          const ratings = reviews.map((review) => review.rating);
          let at = START;
          const times = reviews.map((review) => (at += review.gap * MINUTE));
          const order = ratings.map((_, i) => i);
          const expected = gradedOneByOne(undefined, ratings, times, retention);
          expect(replayGrades(undefined, order, ratings, times, retention)).toEqual(expected);

          // Continuing from a saved state, as the snapshot does with reviews appended since.
          const split = cut % ratings.length;
          const saved = gradedOneByOne(undefined, ratings.slice(0, split), times.slice(0, split), retention);
          expect(replayGrades(saved, order.slice(split), ratings, times, retention)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('when the order names reviews out of column order then they are graded in the order named', () => {
    const ratings = [3, 1, 4, 2];
    const times = [START + 3 * MINUTE, START, START + 86_400_000, START + 2 * MINUTE];
    const order = [1, 3, 0, 2];
    const expected = gradedOneByOne(
      undefined,
      order.map((i) => ratings[i]!),
      order.map((i) => times[i]!),
      0.9,
    );
    expect(replayGrades(undefined, order, ratings, times, 0.9)).toEqual(expected);
  });

  it('when there is nothing to replay then the state is the one given', () => {
    const state = gradeCard(undefined, 3, new Date(START));
    expect(replayGrades(state, [], [], [], 0.9)).toBe(state);
    expect(replayGrades(undefined, [], [], [], 0.9)).toBeUndefined();
  });
});
