// Daily limits: where a day starts (the rollover hour, local time) and what the log says was done in it.
import { describe, expect, it } from 'vitest';
import { countToday, dayStart, leftToday } from '../../../src/practice/dailyLimits.js';
import { reviewColumns } from '../../../src/practice/reviewColumns.js';

const local = (day: number, hour: number, minute = 0): Date => new Date(2026, 11, day, hour, minute);
const review = (questionId: string, at: Date) => ({
  questionId,
  deck: 'd',
  question: `${questionId}?`,
  rating: 3 as const,
  reviewedAt: at.toISOString(),
});

describe('dayStart', () => {
  it('when it is past the rollover hour then the day began at that hour today', () => {
    expect(dayStart(local(2, 10), 4)).toEqual(local(2, 4));
  });
  it('when it is after midnight but before the rollover hour then the day began yesterday', () => {
    expect(dayStart(local(2, 3, 30), 4)).toEqual(local(1, 4));
  });
});

describe('countToday', () => {
  const log = reviewColumns([
    review('a', local(1, 9)), // seen yesterday, reviewed again today: a review
    review('a', local(2, 9)),
    review('b', local(2, 9)), // first seen today: new
    review('b', local(2, 9, 10)), // its learning steps count once
    review('c', local(2, 3)), // before the rollover: yesterday's new card
  ]);
  it('when cards were first seen today then they count as new, once each; cards seen before count as reviews', () => {
    expect(countToday(log, local(2, 12), 4)).toEqual({ newCards: 1, reviews: 1 });
  });
  it('when a question was seen before under other text then today it counts as a review, not as new', () => {
    const edited = reviewColumns([review('a', local(1, 9)), { ...review('a', local(2, 9)), question: 'a, edited?' }]);
    expect(edited.groupIds).toHaveLength(2);
    expect(countToday(edited, local(2, 12), 4)).toEqual({ newCards: 0, reviews: 1 });
  });
  it('when the rollover hour passes then the counts start again', () => {
    expect(countToday(log, local(3, 5), 4)).toEqual({ newCards: 0, reviews: 0 });
  });
  it('when the limits are used up then nothing is left, never less than nothing', () => {
    expect(leftToday({ newPerDay: 1, reviewsPerDay: 200, rollover: 4 }, { newCards: 3, reviews: 1 })).toEqual({
      newCards: 0,
      reviews: 199,
    });
  });
});
