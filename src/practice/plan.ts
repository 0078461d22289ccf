// The interview plan: from the cards' states, the days left and a daily time
// budget, what to study each day so that every card is seen at least twice and
// its last review falls in the final days, and how much will be recalled on
// the day. Pure: the same input gives the same plan. Re-planned at every run,
// so a missed day is spread over the days left instead of piled on the next.
import type { Question } from '../model/question.js';
import { dayStart } from './dailyLimits.js';
import { expectedRecall, type CardPlan, type ForecastDay } from './planForecast.js';
import { gradeCard, retrievability, type CardState } from './scheduler.js';

const DAY = 86_400_000;
/** A new card takes its learning steps: about two views. */
export const NEW_CARD_VIEWS = 2;
/** Seconds a card takes until there is history to say otherwise. */
export const DEFAULT_SECONDS_PER_CARD = 20;
/**
 * The share of a day's budget the final reviews take: each final day then
 * weighs about as much as a day of learning, and the window is several days
 * long rather than one or two days that carry every card.
 */
const FINAL_SHARE = 0.25;
/** The share of a day's budget new cards may take while they are brought in, leaving room for reviews. */
const INTRO_SHARE = 0.7;

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

export interface RecallOnTheDay {
  /** Mean recall on the interview day, 0-1. */
  overall: number;
  byCategory: Record<string, number>;
  /** The categories with the lowest recall, weakest first (at most three, below the target). */
  weakest: string[];
}

/**
 * The readiness forecast: `overall`, `byCategory` and `weakest` are the
 * expected recall on the day when the plan is followed and each review may be
 * forgotten (then relearnt).
 */
export interface Readiness extends RecallOnTheDay {
  /** The recall on the day if nothing more were studied from today; new cards count 0. */
  ifStoppedToday: { overall: number; byCategory: Record<string, number> };
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

/**
 * The final days, counted back from the interview: enough that the last
 * reviews take a share of each day's budget, less the days still needed to
 * bring in the new cards. They depend on the cards rather than on the days
 * left, so they stay put from one day's plan to the next; once every card is
 * in, the window may have begun before today (its reviews done count).
 */
function finalWindow(cards: number, fresh: number, capacity: number, studyDays: number): number {
  const spread = Math.ceil(cards / Math.max(1, capacity * FINAL_SHARE));
  if (fresh === 0) return spread;
  const introDays = Math.ceil((fresh * NEW_CARD_VIEWS) / Math.max(1, capacity * INTRO_SHARE));
  return Math.max(1, Math.min(spread, studyDays - introDays));
}

/**
 * When the plan wants the card next: its FSRS due time while that falls before
 * the final days, its own final day when it would fall in them or after, and
 * its FSRS due time again once its last review is in the final days (a card
 * forgotten there is relearnt).
 */
export function plannedDue(state: CardState, finalDay: Date, windowStart: Date): Date {
  if (state.lastReviewedAt >= windowStart || state.card.due < windowStart) return state.card.due;
  return finalDay;
}

export function makePlan(input: PlanInput): Plan {
  const { questions, now, rollover, settings } = input;
  const daysLeft = daysUntil(settings.interviewDate, now, rollover);
  const interview = interviewStart(settings.interviewDate, rollover);
  const capacity = Math.max(1, Math.floor((settings.minutesPerDay * 60) / input.secondsPerCard));
  const states = new Map(input.states);
  const todayStart = dayStart(now, rollover);
  const dayAt = (k: number): Date => new Date(todayStart.getFullYear(), todayStart.getMonth(), todayStart.getDate() + k, rollover);

  const studyDays = Math.max(0, daysLeft);
  const fresh = questions.filter((question) => !states.has(question.id));
  const window = finalWindow(questions.length, fresh.length, capacity, studyDays);
  // Fixed to the interview day, so a card reviewed on the window's first day is not asked again on its last.
  const windowStart = dayAt(studyDays - window);
  const finalDayOf = finalDays(questions, states, interview, windowStart, Math.max(1, Math.min(window, studyDays)), (j) =>
    dayAt(Math.max(0, studyDays - 1 - j)),
  );
  const layout = layOutDays({
    input,
    states,
    fresh,
    studyDays,
    lastIntroDay: Math.max(0, studyDays - 1 - window),
    capacity,
    dayAt,
    due: (question) => plannedDue(states.get(question.id)!, finalDayOf.get(question.id)!, windowStart),
  });
  const today = layout.days[0] ?? { new: 0, reviews: 0 };
  const cardPlans: CardPlan[] = questions.map((question) => ({
    question,
    state: input.states.get(question.id),
    introDay: layout.introDayOf.get(question.id),
    finalDay: finalDayOf.get(question.id)!,
    reviewDays: layout.reviewDaysOf.get(question.id) ?? [],
  }));
  const expected = expectedRecall(cardPlans, {
    days: layout.forecastDays,
    interview,
    retention: settings.retention,
    plannedDue: (state, finalDay) => plannedDue(state, finalDay, windowStart),
  });
  const stoppedToday = readiness(questions, input.states, interview, settings.retention);
  return {
    interviewDate: settings.interviewDate,
    daysLeft,
    today: {
      new: today.new,
      reviews: today.reviews,
      minutes: Math.round(((today.new * NEW_CARD_VIEWS + today.reviews) * input.secondsPerCard) / 60),
    },
    todayCards: layout.todayCards,
    days: layout.days,
    readiness: {
      ...recallOnTheDay(questions, (question) => expected.get(question.id), settings.retention),
      ifStoppedToday: { overall: stoppedToday.overall, byCategory: stoppedToday.byCategory },
    },
    unplaced: fresh.length,
  };
}

interface DayLayoutInput {
  input: PlanInput;
  /** Card states, moved on as the days are laid out. */
  states: Map<string, CardState>;
  /** New cards not brought in yet: taken from as the days are laid out. */
  fresh: Question[];
  studyDays: number;
  /** The last day new cards come in, before the final days. */
  lastIntroDay: number;
  /** Cards a day's budget holds. */
  capacity: number;
  dayAt: (k: number) => Date;
  /** When the plan wants a card next. */
  due: (question: Question) => Date;
}

interface DayLayout {
  days: PlanDay[];
  todayCards: Plan['todayCards'];
  forecastDays: ForecastDay[];
  introDayOf: Map<string, number>;
  reviewDaysOf: Map<string, number[]>;
}

/** Each study day in turn: its share of the new cards, then the reviews due that fit the rest of its budget. */
function layOutDays({ input, states, fresh, studyDays, lastIntroDay, capacity, dayAt, due }: DayLayoutInput): DayLayout {
  const { questions, now, settings } = input;
  const layout: DayLayout = {
    days: [],
    todayCards: { reviews: [], new: [] },
    forecastDays: [],
    introDayOf: new Map(),
    reviewDaysOf: new Map(),
  };
  for (let k = 0; k < studyDays; k++) {
    const start = dayAt(k);
    const end = dayAt(k + 1);
    const at = k === 0 ? now : new Date(start.getTime() + 8 * 3_600_000);
    layout.forecastDays.push({ at, end });
    const done = k === 0 ? (input.doneToday ?? { newCards: 0, reviews: 0 }) : { newCards: 0, reviews: 0 };
    const introDaysLeft = Math.max(1, lastIntroDay - k + 1);
    const newQuota =
      k > lastIntroDay && k > 0
        ? 0
        : Math.max(0, Math.min(fresh.length, Math.ceil((fresh.length + done.newCards) / introDaysLeft) - done.newCards));
    const introduced = fresh.splice(0, newQuota);
    for (const question of introduced) layout.introDayOf.set(question.id, k);
    const room = Math.max(0, capacity - done.reviews - (done.newCards + newQuota) * NEW_CARD_VIEWS);
    const reviewed = questions
      .filter((question) => states.has(question.id) && !introduced.includes(question) && due(question) < end)
      .sort((a, b) => due(a).getTime() - due(b).getTime())
      .slice(0, room);
    // The days ahead are laid out as if each answer is recalled (Good); the readiness forecast weighs both outcomes.
    for (const question of reviewed) {
      states.set(question.id, gradeCard(states.get(question.id), 3, at, settings.retention));
      layout.reviewDaysOf.set(question.id, [...(layout.reviewDaysOf.get(question.id) ?? []), k]);
    }
    for (const question of introduced) {
      const first = gradeCard(undefined, 3, at, settings.retention);
      states.set(question.id, gradeCard(first, 3, first.card.due, settings.retention));
    }
    if (k === 0) layout.todayCards = { reviews: reviewed, new: introduced };
    layout.days.push({ date: isoDay(start), new: introduced.length, reviews: reviewed.length });
  }
  return layout;
}

function recallAt(state: CardState | undefined, at: Date): number {
  return state ? retrievability(state, at) : 0;
}

/**
 * Each card's last final day: the cards not yet reviewed in the final days are
 * shared evenly over the final days left, the lowest predicted recall on the
 * interview day nearest to it (`dayFromEnd(0)` is the last day).
 */
function finalDays(
  questions: readonly Question[],
  states: ReadonlyMap<string, CardState>,
  interview: Date,
  windowStart: Date,
  count: number,
  dayFromEnd: (j: number) => Date,
): Map<string, Date> {
  const pending = questions
    .map((question, index) => ({ question, index, recall: recallAt(states.get(question.id), interview) }))
    .filter(({ question }) => {
      const last = states.get(question.id)?.lastReviewedAt;
      return last === undefined || last < windowStart;
    })
    // Among equals (new cards), the later in the deck, the later it is brought in, so the nearer the date.
    .sort((a, b) => a.recall - b.recall || b.index - a.index);
  const perDay = Math.max(1, Math.ceil(pending.length / count));
  const finalDayOf = new Map(questions.map((question) => [question.id, dayFromEnd(0)]));
  pending.forEach(({ question }, i) => finalDayOf.set(question.id, dayFromEnd(Math.floor(i / perDay))));
  return finalDayOf;
}

/** Recall on the interview day of each card (undefined: not worked out, left out of the means): overall, per category, the weakest categories. */
export function recallOnTheDay(
  questions: readonly Question[],
  recallOf: (question: Question) => number | undefined,
  target: number,
): RecallOnTheDay {
  const sums = new Map<string, { total: number; count: number }>();
  let total = 0;
  let count = 0;
  for (const question of questions) {
    const recall = recallOf(question);
    if (recall === undefined) continue;
    total += recall;
    count++;
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
  return { overall: count === 0 ? 0 : round(total / count), byCategory, weakest };
}

/** Recall on the interview day if nothing more were studied: new cards count 0. */
export function readiness(
  questions: readonly Question[],
  states: ReadonlyMap<string, CardState>,
  at: Date,
  target: number,
): RecallOnTheDay {
  return recallOnTheDay(questions, (question) => recallAt(states.get(question.id), at), target);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
