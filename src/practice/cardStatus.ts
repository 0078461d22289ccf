// Where a card stands today, in the words `kfq list` and `kfq due` use.
import { isDue, isLearning, type CardState } from './scheduler.js';

/**
 * - new: never graded;
 * - learning: in its (re)learning steps, due again within minutes or hours;
 * - due: a learnt card whose review is due;
 * - review: a learnt card not due yet.
 */
export type CardStatus = 'new' | 'learning' | 'due' | 'review';

export function cardStatus(state: CardState | undefined, now: Date): CardStatus {
  if (!state) return 'new';
  if (isLearning(state)) return 'learning';
  return isDue(state, now) ? 'due' : 'review';
}
