// Fitting FSRS parameters to your own reviews: turning the log into the
// optimizer's training items, and judging parameters on reviews held back from
// the fit (log loss and RMSE of the predicted recall against what happened).
import { createEmptyCard, fsrs, type Card, type Grade } from 'ts-fsrs';
import type { ReviewRating } from '../model/review.js';

const DAY = 86_400_000;

/** One card's reviews, oldest first. */
export interface CardHistory {
  id: string;
  reviews: { rating: ReviewRating; at: number }[];
}

/** Each review as (rating, whole days since the previous one), the optimizer's unit; the first has 0. */
export function reviewSteps(history: CardHistory): { rating: ReviewRating; deltaT: number }[] {
  return history.reviews.map((review, i) => ({
    rating: review.rating,
    deltaT: i === 0 ? 0 : Math.max(0, Math.floor(review.at / DAY) - Math.floor(history.reviews[i - 1]!.at / DAY)),
  }));
}

/** Reviews a day or more after the one before: the ones the forgetting curve predicts. */
export function longTermReviews(histories: readonly CardHistory[]): number {
  return histories.reduce((sum, history) => sum + reviewSteps(history).filter((step, i) => i > 0 && step.deltaT > 0).length, 0);
}

/** Every fifth card is held back from the fit to judge it; the split depends only on the card. */
export function splitHeldBack(histories: readonly CardHistory[]): { train: CardHistory[]; test: CardHistory[] } {
  const train: CardHistory[] = [];
  const test: CardHistory[] = [];
  for (const history of histories) (hash(history.id) % 5 === 0 ? test : train).push(history);
  return { train, test };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export interface Evaluation {
  logLoss: number;
  /** Root mean square error between predicted and actual recall, over ten bins of predicted recall. */
  rmse: number;
  reviews: number;
}

/** How well parameters (undefined: the defaults) predict recall at each long-term review of these cards. */
export function evaluate(histories: readonly CardHistory[], weights: readonly number[] | undefined): Evaluation {
  const scheduler = fsrs({ enable_short_term: true, enable_fuzz: false, ...(weights ? { w: [...weights] } : {}) });
  const bins = Array.from({ length: 10 }, () => ({ predicted: 0, actual: 0, count: 0 }));
  let loss = 0;
  let count = 0;
  for (const history of histories) {
    let card: Card = createEmptyCard<Card>(new Date(history.reviews[0]?.at ?? 0));
    let last: number | undefined;
    for (const review of history.reviews) {
      const at = new Date(Math.max(review.at, last ?? review.at));
      if (last !== undefined && Math.floor(at.getTime() / DAY) > Math.floor(last / DAY)) {
        const p = Math.min(1 - 1e-6, Math.max(1e-6, scheduler.get_retrievability(card, at, false)));
        const recalled = review.rating > 1 ? 1 : 0;
        loss -= recalled * Math.log(p) + (1 - recalled) * Math.log(1 - p);
        const bin = bins[Math.min(9, Math.floor(p * 10))]!;
        bin.predicted += p;
        bin.actual += recalled;
        bin.count++;
        count++;
      }
      card = scheduler.next(card, at, review.rating as Grade).card;
      last = at.getTime();
    }
  }
  const squared = bins.reduce((sum, bin) => (bin.count === 0 ? sum : sum + bin.count * ((bin.predicted - bin.actual) / bin.count) ** 2), 0);
  return { logLoss: count === 0 ? NaN : loss / count, rmse: count === 0 ? NaN : Math.sqrt(squared / count), reviews: count };
}
