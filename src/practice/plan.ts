// The interview plan: from the cards' states, the days left and a daily time
// budget, what to study each day so that every card is seen at least twice and
// its last review falls in the final days, and how much will be recalled on
// the day. Pure: the same input gives the same plan. Re-planned at every run,
// so a missed day is spread over the days left instead of piled on the next.
import type { Question } from '../model/question.js';
import { dayStart } from './dailyLimits.js';
import { gradeCard, retrievability, type CardState } from './scheduler.js';

const DAY = 86_400_000;
/** A new card takes its learning steps: about two views. */
export const NEW_CARD_VIEWS = 2;
/** Seconds a card takes until there is history to say otherwise. */
export const DEFAULT_SECONDS_PER_CARD = 20;
/** The share of a day's budget the final reviews may take, leaving room for what else falls due. */
const FINAL_SHARE = 0.7;

export interface PlanSettings {
  /** YYYY-MM-DD. */
  interviewDate: string;
  minutesPerDay: number;
  /** The recall aimed for on the day. */
  retention: number;
}

export interface PlanInput {
  /** The plan's cards. */
  questions: readonly Question[];
  states: ReadonlyMap<string, CardState>;
  now: Date;
  /** Hour a day starts (day.rollover). */
  rollover: number;
  secondsPerCard: number;
  settings: PlanSettings;
  /** What was done already today (before this run), so a second run the same day does not get a second quota. */
  doneToday?: { newCards: number; reviews: number };
}

export interface PlanDay {
  date: string;
  new: number;
  reviews: number;
}

export interface Readiness {
  /** Mean predicted recall on the interview day, 0-1. */
  overall: number;
  byCategory: Record<string, number>;
  /** The categories with the lowest predicted recall, weakest first (at most three, below the target). */
  weakest: string[];
}

export interface Plan {
  interviewDate: string;
  /** Whole days from today to the interview day; 0 on the day, negative after. */
  daysLeft: number;
  today: { new: number; reviews: number; minutes: number };
  /** Today's cards: reviews (most pressing first), then new cards in deck order. */
  todayCards: { reviews: Question[]; new: Question[] };
  /** Every study day from today to the day before the interview. */
  days: PlanDay[];
  readiness: Readiness;
  /** Cards the plan cannot fit in the days and budget left. */
  unplaced: number;
}

/** Local date YYYY-MM-DD of a day start. */
function isoDay(at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The interview day's start (at the rollover hour, local time). */
export function interviewStart(date: string, rollover: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, rollover);
}

export function daysUntil(date: string, now: Date, rollover: number): number {
  return Math.round((interviewStart(date, rollover).getTime() - dayStart(now, rollover).getTime()) / DAY);
}

/** How many final days the last reviews are spread over: enough that they fit in the budget. */
function finalWindow(cards: number, capacity: number): number {
  return Math.max(1, Math.ceil(cards / Math.max(1, capacity * FINAL_SHARE)));
}

/**
 * When the plan wants the card next: its FSRS due time, brought forward to its
 * final day when that would fall after it, unless its last review is in the final days already.
 */
export function plannedDue(state: CardState, finalDay: Date, windowStart: Date): Date {
  if (state.lastReviewedAt >= windowStart) return state.card.due;
  return state.card.due > finalDay ? finalDay : state.card.due;
}

export function makePlan(input: PlanInput): Plan {
  const { questions, now, rollover, settings } = input;
  const daysLeft = daysUntil(settings.interviewDate, now, rollover);
  const interview = interviewStart(settings.interviewDate, rollover);
  const capacity = Math.max(1, Math.floor((settings.minutesPerDay * 60) / input.secondsPerCard));
  const states = new Map(input.states);
  const todayStart = dayStart(now, rollover);
  const dayAt = (k: number): Date => new Date(todayStart.getFullYear(), todayStart.getMonth(), todayStart.getDate() + k, rollover);

  // The weakest on the day get the last final day, the one nearest the interview.
  const studyDays = Math.max(0, daysLeft);
  const window = finalWindow(questions.length, capacity);
  // Fixed to the interview day, so a card reviewed on the window's first day is not asked again on its last.
  const windowStart = dayAt(studyDays - window);
  const finalDays = Math.max(1, Math.min(window, studyDays));
  const ranked = [...questions].sort((a, b) => recallAt(states.get(a.id), interview) - recallAt(states.get(b.id), interview));
  const finalDayOf = new Map(ranked.map((question, i) => [question.id, dayAt(Math.max(0, studyDays - 1 - (i % finalDays)))]));
  const due = (question: Question): Date => plannedDue(states.get(question.id)!, finalDayOf.get(question.id)!, windowStart);

  const fresh = questions.filter((question) => !states.has(question.id));
  const lastIntroDay = Math.max(0, studyDays - 1 - window);
  const days: PlanDay[] = [];
  let todayCards: Plan['todayCards'] = { reviews: [], new: [] };
  for (let k = 0; k < studyDays; k++) {
    const start = dayAt(k);
    const end = dayAt(k + 1);
    const at = k === 0 ? now : new Date(start.getTime() + 8 * 3_600_000);
    const done = k === 0 ? (input.doneToday ?? { newCards: 0, reviews: 0 }) : { newCards: 0, reviews: 0 };
    const introDaysLeft = Math.max(1, lastIntroDay - k + 1);
    const newQuota = k > lastIntroDay && k > 0 ? 0 : Math.max(0, Math.min(fresh.length, Math.ceil((fresh.length + done.newCards) / introDaysLeft) - done.newCards));
    const introduced = fresh.splice(0, newQuota);
    const room = Math.max(0, capacity - done.reviews - (done.newCards + newQuota) * NEW_CARD_VIEWS);
    const reviewed = questions
      .filter((question) => states.has(question.id) && !introduced.includes(question) && due(question) < end)
      .sort((a, b) => due(a).getTime() - due(b).getTime())
      .slice(0, room);
    // The forecast assumes each answer is recalled (Good): the plan for what is expected.
    for (const question of reviewed) states.set(question.id, gradeCard(states.get(question.id), 3, at, settings.retention));
    for (const question of introduced) {
      const first = gradeCard(undefined, 3, at, settings.retention);
      states.set(question.id, gradeCard(first, 3, first.card.due, settings.retention));
    }
    if (k === 0) todayCards = { reviews: reviewed, new: introduced };
    days.push({ date: isoDay(start), new: introduced.length, reviews: reviewed.length });
  }
  const today = days[0] ?? { new: 0, reviews: 0 };
  return {
    interviewDate: settings.interviewDate,
    daysLeft,
    today: { new: today.new, reviews: today.reviews, minutes: Math.round(((today.new * NEW_CARD_VIEWS + today.reviews) * input.secondsPerCard) / 60) },
    todayCards,
    days,
    readiness: readiness(questions, states, interview, settings.retention),
    unplaced: fresh.length,
  };
}

function recallAt(state: CardState | undefined, at: Date): number {
  return state ? retrievability(state, at) : 0;
}

/** Predicted recall on the interview day: overall, per category, and the weakest categories. */
export function readiness(questions: readonly Question[], states: ReadonlyMap<string, CardState>, at: Date, target: number): Readiness {
  const sums = new Map<string, { total: number; count: number }>();
  let total = 0;
  for (const question of questions) {
    const recall = recallAt(states.get(question.id), at);
    total += recall;
    const sum = sums.get(question.category) ?? { total: 0, count: 0 };
    sum.total += recall;
    sum.count++;
    sums.set(question.category, sum);
  }
  const byCategory = Object.fromEntries([...sums].map(([category, sum]) => [category, round(sum.total / sum.count)]));
  const weakest = Object.entries(byCategory)
    .filter(([, recall]) => recall < target)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([category]) => category);
  return { overall: questions.length === 0 ? 0 : round(total / questions.length), byCategory, weakest };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
