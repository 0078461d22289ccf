// kfq optimize's judgment: on a log simulated from known FSRS parameters (a
// fixed seed), parameters fitted by the FSRS optimizer predict the held-back
// reviews better than the defaults do. Skipped where the optional optimizer is not installed.
import { createRequire } from 'node:module';
import { createEmptyCard, default_w, fsrs, type Card, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { trainingItems } from '../../../src/commands/optimize.js';
import { evaluate, longTermReviews, splitHeldBack, type CardHistory } from '../../../src/practice/optimize.js';
import { seededRandom } from '../../../src/practice/random.js';
import type { ReviewRating } from '../../../src/model/review.js';

const hasOptimizer = (() => {
  try {
    createRequire(import.meta.url).resolve('@open-spaced-repetition/binding');
    return true;
  } catch {
    return false;
  }
})();

const DAY = 86_400_000;

/** A learner whose memory follows `truth`: each review recalled with the probability those parameters give, at intervals the defaults schedule. */
function simulatedLog(truth: number[], cards: number, days: number, seed: number): CardHistory[] {
  const random = seededRandom(seed);
  const memory = fsrs({ w: truth, enable_short_term: false, enable_fuzz: false });
  const schedule = fsrs({ enable_short_term: false, enable_fuzz: false });
  const start = Date.UTC(2025, 0, 1, 9);
  const histories: CardHistory[] = [];
  for (let c = 0; c < cards; c++) {
    const history: CardHistory = { id: `d/${c}`, reviews: [] };
    let truthCard: Card = createEmptyCard<Card>(new Date(start));
    let shown: Card = createEmptyCard<Card>(new Date(start));
    let at = start + (c % 30) * DAY;
    while (at < start + days * DAY) {
      const recalled = history.reviews.length === 0 ? random() < 0.6 : random() < memory.get_retrievability(truthCard, new Date(at), false);
      const rating: ReviewRating = recalled ? (random() < 0.15 ? 2 : random() < 0.85 ? 3 : 4) : 1;
      history.reviews.push({ rating, at });
      truthCard = memory.next(truthCard, new Date(at), rating as Grade).card;
      shown = schedule.next(shown, new Date(at), rating as Grade).card;
      at = Math.max(at + DAY, shown.due.getTime());
    }
    histories.push(history);
  }
  return histories;
}

describe.skipIf(!hasOptimizer)('kfq optimize on a simulated log', () => {
  it('when the log comes from parameters unlike the defaults then the fitted ones have lower log loss on held-back reviews', async () => {
    // A memory that fades much faster than FSRS's defaults assume.
    const truth = [...default_w].map((w, i) => (i < 4 ? w / 4 : w));
    const histories = simulatedLog(truth, 300, 365, 7);
    expect(longTermReviews(histories)).toBeGreaterThan(400);
    const binding = await import('@open-spaced-repetition/binding');
    const { train, test } = splitHeldBack(histories);
    const fitted = await binding.computeParameters(
      train.flatMap((history) => trainingItems(binding, history)),
      { enableShortTerm: true },
    );
    const defaults = evaluate(test, undefined);
    const ours = evaluate(test, fitted);
    expect(ours.reviews).toBeGreaterThan(50);
    expect(ours.logLoss).toBeLessThan(defaults.logLoss);
  }, 120_000);
});

describe('held-back reviews', () => {
  it('when the log is split then about a fifth of the cards are held back, the same ones every time', () => {
    const histories = Array.from({ length: 500 }, (_, i) => ({ id: `d/${i}`, reviews: [] }));
    const { test } = splitHeldBack(histories);
    expect(test.length).toBeGreaterThan(60);
    expect(test.length).toBeLessThan(140);
    expect(splitHeldBack(histories).test).toEqual(test);
  });
});
