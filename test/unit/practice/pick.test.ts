// Which cards a drill asks, with a fixed clock, and the seeded randomness behind --seed.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { nextDue, pickCards } from '../../../src/practice/pick.js';
import type { PickOrder } from '../../../src/model/choices.js';
import { seededRandom, shuffle } from '../../../src/practice/random.js';
import { gradeCard, type CardState } from '../../../src/practice/scheduler.js';
import type { ReviewRating } from '../../../src/model/review.js';

const NOW = new Date('2025-03-10T09:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY);

const questions: Question[] = Array.from({ length: 10 }, (_, i) => ({
  id: `kubeflow/${i + 1}`,
  number: i + 1,
  category: i < 5 ? 'Basics' : 'Katib',
  question: `Question ${i + 1}?`,
  prompt: `Question ${i + 1}?`,
  answer: 'An answer.',
  line: i * 3 + 1,
  deck: 'kubeflow',
}));

/** States built by grading, so they are what the scheduler really produces. */
function statesOf(history: Record<number, [ReviewRating, Date][]>): Map<string, CardState> {
  const states = new Map<string, CardState>();
  for (const [number, grades] of Object.entries(history)) {
    let state: CardState | undefined;
    for (const [rating, at] of grades) state = gradeCard(state, rating, at);
    states.set(`kubeflow/${number}`, state!);
  }
  return states;
}

const ids = (picked: Question[]): number[] => picked.map((q) => q.number);
const pick = (states: Map<string, CardState>, order: PickOrder, count = 10, seed?: number): number[] =>
  ids(pickCards({ questions, states, now: NOW, count, order, seed }));

// Card 3: Good 10 days ago (due 3 days after) → 7 days overdue.
// Card 7: Good 4 days ago → due a day ago.
// Card 5: Again an hour ago → a recent lapse, not due yet.
// Card 2: Good today → not due, not a lapse.
// Card 9: Again twice long ago, then Good → the weakest; due.
const states = statesOf({
  3: [[3, daysAgo(10)]],
  7: [[3, daysAgo(4)]],
  5: [[1, new Date(NOW.getTime() - 3_600_000)]],
  2: [[3, NOW]],
  9: [
    [1, daysAgo(30)],
    [1, daysAgo(28)],
    [3, daysAgo(26)],
  ],
});

describe('pickCards', () => {
  it('by default asks due cards (most overdue first), then recent lapses, then new cards in deck order', () => {
    expect(pick(states, 'due')).toEqual([9, 3, 7, 5, 1, 4, 6, 8, 10]);
  });

  it('never asks a card answered well and not due yet, except in weak or random order', () => {
    expect(pick(states, 'due')).not.toContain(2);
    expect(pick(states, 'new')).not.toContain(2);
    expect(pick(states, 'weak')).toContain(2);
  });

  it('stops at the count', () => {
    expect(pick(states, 'due', 3)).toEqual([9, 3, 7]);
  });

  it('asks new cards first with --order new', () => {
    expect(pick(states, 'new')).toEqual([1, 4, 6, 8, 10, 9, 3, 7, 5]);
  });

  it('asks the most failed cards first with --order weak, then new ones', () => {
    const weak = pick(states, 'weak');
    expect(weak.slice(0, 2)).toEqual([9, 5]);
    expect(weak.slice(5)).toEqual([1, 4, 6, 8, 10]);
  });

  it('shuffles every card with --order random, the same way for the same seed', () => {
    const first = pick(states, 'random', 10, 7);
    expect(first).toEqual(pick(states, 'random', 10, 7));
    expect([...first].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(first).not.toEqual(pick(states, 'random', 10, 8));
  });

  it('returns nothing when nothing is due and nothing is new', () => {
    const allSeen = statesOf(Object.fromEntries(questions.map((q) => [q.number, [[3, NOW]]])));
    expect(pickCards({ questions, states: allSeen, now: NOW, count: 10, order: 'due' })).toEqual([]);
    // Good on a new card is its second learning step, 10 minutes on.
    expect(nextDue(questions, allSeen)).toEqual(new Date(NOW.getTime() + 10 * 60_000));
  });
});

describe('seededRandom and shuffle', () => {
  it('repeats the same numbers in [0, 1) for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBe(100);
  });

  it('returns a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const shuffled = shuffle(input, seededRandom(1));
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...shuffled].sort()).toEqual(input);
  });
});
