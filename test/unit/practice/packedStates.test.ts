// Card states packed into numbers and back: what the review-log snapshot saves and the replay worker sends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Review } from '../../../src/model/review.js';
import { replayReviews } from '../../../src/practice/gradeReplay.js';
import { packStates, unpackStates } from '../../../src/practice/packedStates.js';
import { createEmptyCard } from 'ts-fsrs';
import { gradeCard, type CardState } from '../../../src/practice/scheduler.js';

const DAY = 86_400_000;

describe('packed card states', () => {
  it('when states replayed from random histories are packed then unpacked, they equal the originals, gaps as null', () => {
    const history = fc.array(fc.record({ rating: fc.integer({ min: 1, max: 4 }), after: fc.integer({ min: 0, max: 40 * DAY }) }), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(fc.array(fc.option(history, { nil: undefined }), { maxLength: 12 }), (histories) => {
        const states = histories.map((reviews) => {
          if (!reviews) return undefined;
          let at = Date.UTC(2025, 0, 1);
          const logged = reviews.map(({ rating, after }) => ({ rating, reviewedAt: new Date((at += after)).toISOString() }) as Review);
          return replayReviews(logged, 0.9);
        });
        const back = unpackStates(packStates(states));
        expect(back).toEqual(states.map((state) => state ?? null));
        back.forEach((state) => {
          if (state) expect(state.card.last_review).toBe(state.lastReviewedAt);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('when a state comes from a live grade (its last review a Date of its own), or its card has no last review, then it comes back the same', () => {
    const graded = gradeCard(undefined, 3, new Date('2025-01-02T10:00:00Z'), 0.9);
    const again = gradeCard(graded, 1, new Date('2025-01-05T10:00:00Z'), 0.9);
    const unreviewed: CardState = {
      card: createEmptyCard(new Date('2025-01-01T00:00:00Z')),
      agains: 0,
      lastRating: 3,
      lastReviewedAt: new Date('2025-01-01T00:00:00Z'),
    };
    const back = unpackStates(packStates([graded, again, unreviewed]));
    expect(back).toEqual([graded, again, unreviewed]);
  });
});
