// Stats from a fixed log and a fixed clock, in a time zone with a daylight
// saving change inside the log (Europe/Berlin moved to +02:00 on 2025-03-30).
process.env.TZ = 'Europe/Berlin';

import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import fc from 'fast-check';
import { computeStats, firstInOrder, LocalDays, streaks, type CardSummary } from '../../../src/practice/stats.js';
import { type ReviewFacts } from '../../../src/model/review.js';
import { reviewColumns } from '../../../src/practice/reviewColumns.js';

function q(id: string, number: number, category: string): Question {
  return {
    id,
    number,
    category,
    question: `Question ${number}?`,
    prompt: `Question ${number}?`,
    answer: 'A.',
    line: number,
    deck: id.split('/')[0]!,
  };
}

const questions = [q('d/1', 1, 'Basics'), q('d/2', 2, 'Basics'), q('d/3', 3, 'Pipelines'), q('d/4', 4, 'Pipelines')];

const log: [string, string, number][] = [
  ['2025-03-10T09:00:00+01:00', 'd/1', 1],
  ['2025-03-10T09:05:00+01:00', 'd/1', 3], // same day: not a recall
  ['2025-03-11T09:00:00+01:00', 'd/1', 3], // recall, passed
  ['2025-03-12T09:00:00+01:00', 'd/1', 1], // recall, failed
  ['2025-03-13T09:00:00+01:00', 'd/1', 4], // recall, passed
  ['2025-03-14T09:00:00+01:00', 'd/2', 2],
  ['2025-03-15T12:00:00+01:00', 'other/1', 4], // not in the selection
  ['2025-03-15T23:59:00+01:00', 'd/2', 2], // recall, failed
  ['2025-03-16T12:00:00+01:00', 'other/1', 4], // would join the two runs if counted
  ['2025-03-29T00:30:00+01:00', 'd/3', 3], // 28 March in UTC, 29 March here
  ['2025-03-30T10:00:00+02:00', 'd/3', 3], // recall, passed
  ['2025-03-31T10:00:00+02:00', 'd/1', 3], // recall, passed
  ['2025-04-01T23:30:00+02:00', 'd/2', 4], // recall, passed; 1 April in UTC too
];
const review = (reviewedAt: string, questionId: string, rating: number): ReviewFacts => ({
  reviewedAt,
  questionId,
  deck: questionId.split('/')[0]!,
  question: `Question ${questionId.split('/')[1]}?`,
  rating: rating as ReviewFacts['rating'],
});
const logged = log.map(([reviewedAt, questionId, rating]) => review(reviewedAt, questionId, rating));
const reviews = reviewColumns(logged);

const now = new Date('2025-04-02T10:00:00+02:00');
const at = (iso: string): number => Date.parse(iso);
const cards = new Map<string, CardSummary>([
  ['d/1', { scheduledDays: 30, stability: 40, agains: 1, due: at('2025-04-02T08:00:00+02:00') }],
  ['d/2', { scheduledDays: 5, stability: 5, agains: 2, due: at('2025-04-05T08:00:00+02:00') }],
  ['d/3', { scheduledDays: 3, stability: 3, agains: 0, due: at('2025-04-20T08:00:00+02:00') }],
]);
const interviews = [
  { id: 'b', startedAt: '2025-03-30T10:00:00+02:00', score: 80 },
  { id: 'a', startedAt: '2025-03-12T10:00:00+01:00', score: 55 },
];

describe('computeStats', () => {
  const stats = computeStats({ questions, reviews, cards, interviews, now });

  it('counts reviews of the selected questions only, on local days', () => {
    expect(stats.reviews).toEqual({ total: 11, daysActive: 10, today: 0 });
  });

  it('keeps the streak alive through yesterday and finds the longest run across a gap', () => {
    expect(stats.streak).toEqual({ current: 4, longest: 6 });
  });

  it('counts today once there is a review today', () => {
    const withToday = computeStats({
      questions,
      reviews: reviewColumns([...logged, review('2025-04-02T07:00:00+02:00', 'd/4', 3)]),
      cards,
      interviews,
      now,
    });
    expect(withToday.streak).toEqual({ current: 5, longest: 6 });
    expect(withToday.reviews.today).toBe(1);
  });

  it('measures retention on recalls: reviews of a question seen on an earlier day', () => {
    expect(stats.retention).toEqual({ recalls: 7, passed: 5, rate: 5 / 7 });
  });

  it('splits questions into new, learning and mature, overall and per category', () => {
    expect(stats.questions).toEqual({ total: 4, seen: 3, new: 1, learning: 2, mature: 1 });
    expect(stats.categories).toEqual([
      { name: 'Basics', total: 2, new: 0, learning: 1, mature: 1 },
      { name: 'Pipelines', total: 2, new: 1, learning: 1, mature: 0 },
    ]);
  });

  it('counts cards due today (overdue included) and in the seven days after', () => {
    expect(stats.due).toEqual({ today: 1, next7Days: 1 });
  });

  it('lays the calendar out from the Monday eleven weeks before this week to today', () => {
    const { calendar } = stats;
    expect(calendar.start).toBe('2025-01-13');
    expect(calendar.end).toBe('2025-04-02');
    expect(calendar.days).toHaveLength(80);
    const day = (date: string): number | undefined => calendar.days.find((d) => d.date === date)?.reviews;
    expect(day('2025-03-10')).toBe(2);
    expect(day('2025-03-15')).toBe(1);
    expect(day('2025-03-16')).toBe(0);
    expect(day('2025-03-28')).toBe(0);
    expect(day('2025-03-29')).toBe(1);
    expect(calendar.days.reduce((sum, d) => sum + d.reviews, 0)).toBe(11);
  });

  it('orders mock scores by date and the weakest questions by Again grades, then stability', () => {
    expect(stats.interviews).toEqual([
      { id: 'a', date: '2025-03-12', score: 55 },
      { id: 'b', date: '2025-03-30', score: 80 },
    ]);
    expect(stats.weakest.map((w) => [w.id, w.agains])).toEqual([
      ['d/2', 2],
      ['d/1', 1],
      ['d/3', 0],
    ]);
  });

  it('follows a renumbered question by its text, as the scheduler does', () => {
    const moved = { ...review('2025-04-02T07:00:00+02:00', 'd/9', 3), question: 'Question 3?' };
    const result = computeStats({ questions, reviews: reviewColumns([...logged, moved]), cards, interviews, now });
    expect(result.reviews.today).toBe(1);
    expect(result.retention.recalls).toBe(8);
  });

  it('counts each day whole when its reviews are not together in the log', () => {
    const firstMoved = [...logged.slice(1, 6), logged[0]!, ...logged.slice(6)];
    const shuffled = computeStats({ questions, reviews: reviewColumns(firstMoved), cards, interviews, now });
    expect(shuffled.reviews).toEqual(stats.reviews);
    expect(shuffled.calendar).toEqual(stats.calendar);
  });

  it('has an empty but well-formed result with no history', () => {
    const empty = computeStats({ questions, reviews: reviewColumns([]), cards: new Map(), interviews: [], now });
    expect(empty.reviews).toEqual({ total: 0, daysActive: 0, today: 0 });
    expect(empty.streak).toEqual({ current: 0, longest: 0 });
    expect(empty.retention.rate).toBeNull();
    expect(empty.questions).toEqual({ total: 4, seen: 0, new: 4, learning: 0, mature: 0 });
    expect(empty.weakest).toEqual([]);
    expect(empty.calendar.days.every((d) => d.reviews === 0)).toBe(true);
  });
});

describe('streaks', () => {
  it.each([
    [[], 100, 0, 0],
    [[100], 100, 1, 1],
    [[99], 100, 1, 1],
    [[98], 100, 0, 1],
    [[95, 96, 97, 99, 100], 100, 2, 3],
  ])('active days %j with today %i: current %i, longest %i', (days, today, current, longest) => {
    expect(streaks(new Map(days.map((d) => [d, 1])), today)).toEqual({ current, longest });
  });
});

describe('firstInOrder', () => {
  it('gives what a stable sort gives first, ties in their original order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), at: fc.nat() })), fc.nat({ max: 8 }), (items, count) => {
        const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
        expect(firstInOrder(items, count, byKey)).toEqual([...items].sort(byKey).slice(0, count));
      }),
    );
  });
});

describe('LocalDays', () => {
  it('gives the local calendar day, including just after midnight and on a 23-hour day', () => {
    const days = new LocalDays();
    const dayOf = (iso: string): string => new Date(days.dayOf(Date.parse(iso)) * 86_400_000).toISOString().slice(0, 10);
    expect(dayOf('2025-03-29T23:59:59+01:00')).toBe('2025-03-29');
    expect(dayOf('2025-03-30T00:00:00+01:00')).toBe('2025-03-30');
    expect(dayOf('2025-03-30T23:59:59+02:00')).toBe('2025-03-30');
    expect(dayOf('2025-03-31T00:00:00+02:00')).toBe('2025-03-31');
    expect(dayOf('2025-03-30T12:00:00+02:00')).toBe('2025-03-30');
    expect(days.startOf(days.dayOf(Date.parse('2025-03-31T12:00:00+02:00')))).toBe(Date.parse('2025-03-31T00:00:00+02:00'));
  });
});

describe('performance', () => {
  it('gets through a million reviews in one pass', () => {
    const many = 100;
    const ids = Array.from({ length: many }, (_, i) => `d/${i + 1}`);
    const bigQuestions = ids.map((id, i) => q(id, i + 1, i % 2 ? 'Basics' : 'Pipelines'));
    const start = Date.parse('2022-01-01T00:00:00Z');
    const million = 1_000_000;
    const reviews = {
      groupIds: ids,
      groupDecks: ids.map(() => 'd'),
      groupQuestions: ids.map((_, i) => `Question ${i + 1}?`),
      group: Uint32Array.from({ length: million }, (_, i) => i % many),
      rating: Uint8Array.from({ length: million }, (_, i) => (i % 4) + 1),
      time: Float64Array.from({ length: million }, (_, i) => start + i * 90_000),
    };
    const begun = performance.now();
    const result = computeStats({
      questions: bigQuestions,
      reviews,
      cards: new Map(),
      interviews: [],
      now: new Date(start + 1_000_000 * 90_000),
    });
    expect(result.reviews.total).toBe(1_000_000);
    expect(performance.now() - begun).toBeLessThan(4000);
  });
});
