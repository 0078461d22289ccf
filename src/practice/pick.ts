// Which cards a drill asks, and in what order.
import type { PickOrder as OrderChoice } from '../model/choices.js';
import type { Question } from '../model/question.js';
import { seededRandom, shuffle } from './random.js';
import { isDue, isLearning, type CardState } from './scheduler.js';

/** `ahead`: cards not due yet, the most nearly due first (kfq drill --ahead). */
export type PickOrder = OrderChoice | 'ahead';

export interface PickOptions {
  /** In deck order. */
  questions: readonly Question[];
  states: ReadonlyMap<string, CardState>;
  now: Date;
  count: number;
  order: PickOrder;
  /** Makes `random` reproducible. */
  seed?: number;
  /** New cards left for today (unlimited when undefined). */
  newLimit?: number;
  /** Reviews left for today; cards in their learning steps are never held back. */
  reviewLimit?: number;
}

/**
 * - due (default): due cards, most overdue first; then recent lapses (graded
 *   Again, not due yet); then new cards in deck order.
 * - new: new cards first, then as `due`.
 * - weak: reviewed cards most often failed first (then hardest, then soonest due), then new cards.
 * - random: any card, shuffled.
 * Cards reviewed successfully and not due yet are only asked by weak and random.
 */
export function pickCards(options: PickOptions): Question[] {
  const { questions, states, now, count, order } = options;
  const due: Question[] = [];
  const lapses: Question[] = [];
  let fresh: Question[] = [];
  const seen: Question[] = [];
  const ahead: Question[] = [];
  for (const question of questions) {
    const state = states.get(question.id);
    if (!state) {
      fresh.push(question);
      continue;
    }
    seen.push(question);
    if (isDue(state, now)) due.push(question);
    else if (state.lastRating === 1) lapses.push(question);
    else ahead.push(question);
  }
  const stateOf = (question: Question): CardState => states.get(question.id)!;
  const byDue = (a: Question, b: Question): number => stateOf(a).card.due.getTime() - stateOf(b).card.due.getTime();
  // Array.prototype.sort is stable, so ties keep deck order.
  due.sort(byDue);
  lapses.sort((a, b) => stateOf(a).lastReviewedAt.getTime() - stateOf(b).lastReviewedAt.getTime());
  if (options.newLimit !== undefined) fresh = fresh.slice(0, options.newLimit);
  const limitedDue = withinReviewLimit(due, stateOf, options.reviewLimit);

  let ordered: Question[];
  switch (order) {
    case 'due':
      ordered = [...limitedDue, ...lapses, ...fresh];
      break;
    case 'new':
      ordered = [...fresh, ...limitedDue, ...lapses];
      break;
    case 'ahead':
      ordered = [...due, ...lapses, ...ahead].sort(byDue);
      break;
    case 'weak':
      ordered = [
        ...seen.sort(
          (a, b) => weakness(stateOf(b)) - weakness(stateOf(a)) || stateOf(a).card.due.getTime() - stateOf(b).card.due.getTime(),
        ),
        ...fresh,
      ];
      break;
    case 'random':
      ordered = shuffle(questions, seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32)));
      break;
  }
  return ordered.slice(0, count);
}

/** Due cards within the day's review limit; learning cards always pass. */
function withinReviewLimit(due: Question[], stateOf: (question: Question) => CardState, limit: number | undefined): Question[] {
  if (limit === undefined) return due;
  let left = limit;
  return due.filter((question) => isLearning(stateOf(question)) || left-- > 0);
}

export interface DueCounts {
  /** Reviews due now, within today's limit. */
  due: number;
  /** New cards within today's limit. */
  new: number;
  /** Cards in their learning steps (due within the day). */
  learning: number;
}

/** What `kfq drill` says first: `12 due · 5 new · 3 learning`. */
export function dueCounts(
  questions: readonly Question[],
  states: ReadonlyMap<string, CardState>,
  now: Date,
  left: { newCards: number; reviews: number } = { newCards: Infinity, reviews: Infinity },
): DueCounts {
  let due = 0;
  let fresh = 0;
  let learning = 0;
  for (const question of questions) {
    const state = states.get(question.id);
    if (!state) fresh++;
    else if (isLearning(state)) learning++;
    else if (isDue(state, now)) due++;
  }
  return { due: Math.min(due, left.reviews), new: Math.min(fresh, left.newCards), learning };
}

/** Failures count most; FSRS difficulty (1–10) breaks ties among equally failed cards. */
function weakness(state: CardState): number {
  return state.agains * 10 + state.card.difficulty;
}

/** The earliest time any of these questions is due, if any has been reviewed. */
export function nextDue(questions: readonly Question[], states: ReadonlyMap<string, CardState>): Date | undefined {
  let earliest: Date | undefined;
  for (const question of questions) {
    const due = states.get(question.id)?.card.due;
    if (due && (!earliest || due < earliest)) earliest = due;
  }
  return earliest;
}
