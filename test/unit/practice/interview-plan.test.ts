// Planning a mock interview: how many questions, which ones, in what order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { planInterview, questionWeight, type PlanCard } from '../../../src/practice/interview.js';

const now = new Date('2025-04-02T10:00:00Z');
const past = new Date('2025-04-01T10:00:00Z');
const future = new Date('2025-05-01T10:00:00Z');

function deck(sizes: Record<string, number>): Question[] {
  const questions: Question[] = [];
  for (const [category, size] of Object.entries(sizes)) {
    for (let i = 0; i < size; i++) {
      const number = questions.length + 1;
      questions.push({
        id: `d/${number}`,
        number,
        category,
        question: `${category} question ${i + 1}?`,
        prompt: `${category} question ${i + 1}?`,
        answer: 'An answer.',
        line: number,
        deck: 'd',
      });
    }
  }
  return questions;
}

const none = new Map<string, PlanCard>();
const weak: PlanCard = { agains: 2, lastRating: 1, card: { due: past } };
const mastered: PlanCard = { agains: 0, lastRating: 4, card: { due: future } };

/** Adjacent pairs with the same category. */
function repeats(plan: Question[]): number {
  return plan.filter((question, i) => i > 0 && plan[i - 1]!.category === question.category).length;
}

describe('planInterview', () => {
  it('asks the number of questions requested, each once', () => {
    const plan = planInterview({ questions: deck({ A: 4, B: 4, C: 4 }), states: none, count: 5, seed: 1, now });
    expect(plan).toHaveLength(5);
    expect(new Set(plan.map((q) => q.id)).size).toBe(5);
  });

  it('asks every question when fewer exist than requested', () => {
    const plan = planInterview({ questions: deck({ A: 2, B: 1 }), states: none, count: 10, seed: 1, now });
    expect(plan.map((q) => q.id).sort()).toEqual(['d/1', 'd/2', 'd/3']);
  });

  it('gives the same plan for the same seed and different plans for other seeds', () => {
    const questions = deck({ A: 10, B: 10, C: 10, D: 10 });
    const ids = (seed: number) => planInterview({ questions, states: none, count: 5, seed, now }).map((q) => q.id);
    expect(ids(42)).toEqual(ids(42));
    const plans = new Set([1, 2, 3, 4, 5, 6].map((seed) => ids(seed).join()));
    expect(plans.size).toBeGreaterThan(1);
  });

  it('spreads questions over as many categories as the count allows', () => {
    for (let seed = 0; seed < 50; seed++) {
      const plan = planInterview({ questions: deck({ A: 20, B: 3, C: 3, D: 3, E: 3 }), states: none, count: 5, seed, now });
      expect(new Set(plan.map((q) => q.category)).size).toBe(5);
    }
  });

  it('never puts two questions of one category in a row unless the chosen questions force it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer(),
        (sizes, count, seed) => {
          const questions = deck(Object.fromEntries(sizes.map((size, i) => [`C${i}`, size])));
          const plan = planInterview({ questions, states: none, count, seed, now });
          const perCategory = new Map<string, number>();
          for (const q of plan) perCategory.set(q.category, (perCategory.get(q.category) ?? 0) + 1);
          const most = Math.max(...perCategory.values());
          // The fewest repeats any order of these questions can have.
          expect(repeats(plan)).toBe(Math.max(0, 2 * most - plan.length - 1));
        },
      ),
    );
  });

  it('prefers questions the user is weak on, and never-answered ones, over mastered ones', () => {
    const questions = deck({ A: 3 });
    const [weakOne, newOne, masteredOne] = questions.map((q) => q.id);
    const states = new Map<string, PlanCard>([
      [weakOne!, weak],
      [masteredOne!, mastered],
    ]);
    const firstPicks = new Map<string, number>();
    for (let seed = 0; seed < 400; seed++) {
      const [first] = planInterview({ questions, states, count: 1, seed, now });
      firstPicks.set(first!.id, (firstPicks.get(first!.id) ?? 0) + 1);
    }
    // Weights 6 : 4 : 1.
    expect(firstPicks.get(weakOne!)!).toBeGreaterThan(firstPicks.get(newOne!)!);
    expect(firstPicks.get(newOne!)!).toBeGreaterThan(3 * (firstPicks.get(masteredOne!) ?? 0));
  });
});

describe('questionWeight', () => {
  it.each([
    ['never answered', undefined, 4],
    ['mastered, not due', mastered, 1],
    ['mastered, due', { ...mastered, card: { due: past } }, 2],
    ['last graded Hard, not due', { agains: 0, lastRating: 2, card: { due: future } } as PlanCard, 2],
    ['lapsed twice, last graded Again, due', weak, 6],
    ['lapses count up to three', { agains: 9, lastRating: 3, card: { due: future } } as PlanCard, 4],
  ])('%s → %i', (_name, state, weight) => {
    expect(questionWeight(state, now)).toBe(weight);
  });
});

describe('planInterview during an interview plan', () => {
  it('when categories are the weakest on the day then they are asked more often over many interviews', () => {
    const questions = deck({ A: 10, B: 10, C: 10, D: 10, E: 10, F: 10 });
    const asked = (weakCategories?: ReadonlySet<string>): number => {
      let fromA = 0;
      for (let seed = 0; seed < 300; seed++)
        fromA += planInterview({ questions, states: none, count: 3, seed, now, weakCategories }).filter((q) => q.category === 'A').length;
      return fromA;
    };
    expect(asked(new Set(['A']))).toBeGreaterThan(asked() * 1.5);
  });
});
