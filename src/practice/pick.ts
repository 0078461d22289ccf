// Which cards a drill asks, and in what order.
import type { PickOrder } from '../model/choices.js';
import type { Question } from '../model/question.js';
import { seededRandom, shuffle } from './random.js';
import { isDue, type CardState } from './scheduler.js';

export interface PickOptions {
  /** In deck order. */
  questions: readonly Question[];
  states: ReadonlyMap<string, CardState>;
  now: Date;
  count: number;
  order: PickOrder;
  /** Makes `random` reproducible. */
  seed?: number;
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
  const fresh: Question[] = [];
  const seen: Question[] = [];
  for (const question of questions) {
    const state = states.get(question.id);
    if (!state) {
      fresh.push(question);
      continue;
    }
    seen.push(question);
    if (isDue(state, now)) due.push(question);
    else if (state.lastRating === 1) lapses.push(question);
  }
  const stateOf = (question: Question): CardState => states.get(question.id)!;
  // Array.prototype.sort is stable, so ties keep deck order.
  due.sort((a, b) => stateOf(a).card.due.getTime() - stateOf(b).card.due.getTime());
  lapses.sort((a, b) => stateOf(a).lastReviewedAt.getTime() - stateOf(b).lastReviewedAt.getTime());

  let ordered: Question[];
  switch (order) {
    case 'due':
      ordered = [...due, ...lapses, ...fresh];
      break;
    case 'new':
      ordered = [...fresh, ...due, ...lapses];
      break;
    case 'weak':
      ordered = [...seen.sort((a, b) => weakness(stateOf(b)) - weakness(stateOf(a)) || stateOf(a).card.due.getTime() - stateOf(b).card.due.getTime()), ...fresh];
      break;
    case 'random':
      ordered = shuffle(questions, seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32)));
      break;
  }
  return ordered.slice(0, count);
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
