// Each question's status and due time, for list and due: loads the scheduler
// only when there is a history to replay.
import { existsSync } from 'node:fs';
import type { Question } from '../model/question.js';
import type { CardStatus } from '../practice/cardStatus.js';
import type { CommandContext } from './context.js';

export interface QuestionStatus {
  status: CardStatus;
  /** When it is due; undefined for a new card. */
  due: Date | undefined;
}

export async function questionStatuses(ctx: CommandContext, questions: readonly Question[]): Promise<Map<string, QuestionStatus>> {
  const statuses = new Map<string, QuestionStatus>();
  if (!existsSync(ctx.paths.history)) {
    for (const question of questions) statuses.set(question.id, { status: 'new', due: undefined });
    return statuses;
  }
  const [{ applySchedulerSettings, readHistory }, { cardStatus }] = await Promise.all([
    import('./scheduling.js'),
    import('../practice/cardStatus.js'),
  ]);
  const settings = applySchedulerSettings(ctx);
  const states = readHistory(ctx).cardStates(questions, settings.drill.retention);
  const now = ctx.now();
  for (const question of questions) {
    const state = states.get(question.id);
    statuses.set(question.id, { status: cardStatus(state, now), due: state?.card.due });
  }
  return statuses;
}
