// What the plan is expected to bring on the interview day when it is followed
// and each answer may go either way: at every planned review the card is
// recalled with its FSRS retrievability then (graded Good) or forgotten (graded
// Again, relearnt through the steps, and asked again when the plan wants it).
// The expectation is worked out exactly over both outcomes of every review,
// not by sampling; only on paths less likely than PRUNE_BELOW is a card
// forgotten taken as not asked again (a little pessimistic), so the work
// stays bounded. Pure.
import type { Question } from '../model/question.js';
import { gradeCard, isLearning, retrievability, type CardState } from './scheduler.js';

/** The chance that a card never seen before is answered right at its first sight: as likely missed as not. */
export const FIRST_SIGHT_RECALL = 0.5;
/** On outcome paths less likely than this, a forgotten card is not followed further. */
const PRUNE_BELOW = 0.01;
/** Above this many cards, the forecast is worked out on an even sample of each category. */
export const MAX_FORECAST_CARDS = 400;

export interface ForecastDay {
  /** When the day's cards are studied. */
  at: Date;
  /** The next day's start: a card the plan wants before it is asked that day. */
  end: Date;
}

export interface ForecastTimeline {
  days: readonly ForecastDay[];
  interview: Date;
  retention: number;
  /** When the plan wants the card next, given its final day. */
  plannedDue: (state: CardState, finalDay: Date) => Date;
}

export interface CardPlan {
  question: Question;
  state: CardState | undefined;
  /** The day a new card is introduced; undefined when the plan cannot fit it. */
  introDay: number | undefined;
  finalDay: Date;
  /**
   * The days the plan asks the card while each answer is recalled: what is
   * followed until an answer is forgotten (then the card goes by plannedDue),
   * so work the budget pushes back is forecast where it falls.
   */
  reviewDays: readonly number[];
}

/** Expected recall on the interview day of each card (by id); new cards not placed count 0. */
export function expectedRecall(cards: readonly CardPlan[], timeline: ForecastTimeline): Map<string, number> {
  const memo = new Map<string, number>();
  const result = new Map<string, number>();
  for (const card of forecastSample(cards)) {
    const key = `${card.state ? stateKey(card.state) : 'new'}|${card.introDay}|${card.finalDay.getTime()}|${card.reviewDays.join('.')}`;
    let value = memo.get(key);
    if (value === undefined) {
      value = card.state ? fromDay(card.state, 0, card.finalDay, 1, timeline, card.reviewDays) : introduce(card, timeline);
      memo.set(key, value);
    }
    result.set(card.question.id, value);
  }
  return result;
}

/** Every card, or for a big selection an even share of each category: the means stay honest and the time bounded. */
function forecastSample(cards: readonly CardPlan[]): readonly CardPlan[] {
  if (cards.length <= MAX_FORECAST_CARDS) return cards;
  const step = cards.length / MAX_FORECAST_CARDS;
  const byCategory = new Map<string, CardPlan[]>();
  for (const card of cards) {
    const members = byCategory.get(card.question.category) ?? [];
    members.push(card);
    byCategory.set(card.question.category, members);
  }
  const sample: CardPlan[] = [];
  for (const members of byCategory.values()) {
    for (let i = 0; i < members.length; i += step) sample.push(members[Math.floor(i)]!);
  }
  return sample;
}

function introduce({ introDay, finalDay, reviewDays }: CardPlan, timeline: ForecastTimeline): number {
  if (introDay === undefined) return 0;
  const at = timeline.days[introDay]!.at;
  const recalled = learn(gradeCard(undefined, 3, at, timeline.retention), timeline.retention);
  const missed = learn(gradeCard(undefined, 1, at, timeline.retention), timeline.retention);
  return (
    FIRST_SIGHT_RECALL * fromDay(recalled, introDay + 1, finalDay, FIRST_SIGHT_RECALL, timeline, reviewDays) +
    (1 - FIRST_SIGHT_RECALL) * fromDay(missed, introDay + 1, finalDay, 1 - FIRST_SIGHT_RECALL, timeline)
  );
}

/**
 * Expected recall on the day of a card in `state`, following the plan from day
 * `first` on: on the plan's own review days while every answer is recalled.
 */
function fromDay(
  state: CardState,
  first: number,
  finalDay: Date,
  weight: number,
  timeline: ForecastTimeline,
  reviewDays?: readonly number[],
): number {
  const { days, retention } = timeline;
  for (let k = first; k < days.length; k++) {
    const day = days[k]!;
    const asked = reviewDays ? reviewDays.includes(k) : timeline.plannedDue(state, finalDay) < day.end;
    if (!asked) continue;
    const recall = retrievability(state, day.at, retention);
    const recalled = gradeCard(state, 3, day.at, retention);
    const relearnt = learn(gradeCard(state, 1, day.at, retention), retention);
    const afterLapse =
      weight * (1 - recall) < PRUNE_BELOW
        ? retrievability(relearnt, timeline.interview, retention)
        : fromDay(relearnt, k + 1, finalDay, weight * (1 - recall), timeline);
    return recall * fromDay(recalled, k + 1, finalDay, weight * recall, timeline, reviewDays) + (1 - recall) * afterLapse;
  }
  return retrievability(state, timeline.interview, retention);
}

/** Through the (re)learning steps the same day, each answered Good, as a session does. */
function learn(state: CardState, retention: number): CardState {
  let next = state;
  while (isLearning(next)) next = gradeCard(next, 3, next.card.due, retention);
  return next;
}

function stateKey(state: CardState): string {
  const { card } = state;
  return [
    card.stability,
    card.difficulty,
    card.state,
    card.due.getTime(),
    card.last_review?.getTime(),
    state.lastReviewedAt.getTime(),
  ].join(',');
}
