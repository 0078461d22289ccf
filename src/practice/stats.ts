// Progress numbers for `kfq stats`, computed in one pass over the review log.
// Pure: the clock, the log, card states and interview scores come in; plain
// numbers (ready for --json) come out. Days are local calendar days.
import type { Question } from '../model/question.js';
import type { ReviewColumns } from '../model/review.js';
import { groupPositions } from './matchReviews.js';

/** What stats needs to know about the schedule of a question that has been reviewed. */
export interface CardSummary {
  /** The interval the scheduler gave at the last review, in days. */
  scheduledDays: number;
  stability: number;
  /** Times graded Again. */
  agains: number;
  /** Epoch milliseconds. */
  due: number;
}

export interface InterviewScore {
  id: string;
  startedAt: string;
  /** 0–100. */
  score: number;
}

export interface StatsInput {
  questions: Question[];
  /** Oldest first, as logged. */
  reviews: ReviewColumns;
  /** By question id; only questions reviewed at least once have a card. */
  cards: Pick<ReadonlyMap<string, CardSummary>, 'get'>;
  interviews: InterviewScore[];
  now: Date;
  calendarWeeks?: number;
}

export interface CategoryMastery {
  name: string;
  total: number;
  new: number;
  learning: number;
  mature: number;
}

export interface WeakQuestion {
  id: string;
  number: number;
  category: string;
  question: string;
  agains: number;
  stability: number;
  due: string;
}

export interface Stats {
  generatedAt: string;
  questions: { total: number; seen: number; new: number; learning: number; mature: number };
  due: { today: number; next7Days: number };
  reviews: { total: number; daysActive: number; today: number };
  streak: { current: number; longest: number };
  /** Recalls: reviews of a question already reviewed on an earlier day; passed = graded Good or Easy. */
  retention: { recalls: number; passed: number; rate: number | null };
  categories: CategoryMastery[];
  /** One entry a day from `start` (a Monday) to today. */
  calendar: { start: string; end: string; days: { date: string; reviews: number }[] };
  interviews: { id: string; date: string; score: number }[];
  weakest: WeakQuestion[];
}

/** No review yet, in lastDayOf. */
const NEVER = -0x80000000;

/** A card counts as mature once the scheduler trusts it for three weeks. */
const MATURE_DAYS = 21;
const DAY_MS = 86_400_000;

export function computeStats(input: StatsInput): Stats {
  const { questions, now } = input;
  const days = new LocalDays();
  const today = days.dayOf(now.getTime());
  const { perDay, total, recalls, passed } = reviewActivity(input, days);
  const { counts, due, byCategory, weak } = cardCounts(input, days.startOf(today + 1), days.startOf(today + 8));

  const weeks = input.calendarWeeks ?? 12;
  const start = today - weekdayOf(today) - 7 * (weeks - 1);
  const calendarDays: Stats['calendar']['days'] = [];
  for (let day = start; day <= today; day++) calendarDays.push({ date: dateOf(day), reviews: perDay.get(day) ?? 0 });

  const weakest = firstInOrder(
    weak,
    WEAKEST_SHOWN,
    (a, b) => b.card.agains - a.card.agains || a.card.stability - b.card.stability || a.question.number - b.question.number,
  );

  return {
    generatedAt: now.toISOString(),
    questions: { total: questions.length, ...counts },
    due,
    reviews: { total, daysActive: perDay.size, today: perDay.get(today) ?? 0 },
    streak: streaks(perDay, today),
    retention: { recalls, passed, rate: recalls > 0 ? passed / recalls : null },
    categories: [...byCategory.values()],
    calendar: { start: dateOf(start), end: dateOf(today), days: calendarDays },
    interviews: [...input.interviews]
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .map((interview) => ({ id: interview.id, date: dateOf(days.dayOf(Date.parse(interview.startedAt))), score: interview.score })),
    weakest: weakest.map(({ question, card }) => ({
      id: question.id,
      number: question.number,
      category: question.category,
      question: question.question,
      agains: card.agains,
      stability: card.stability,
      due: new Date(card.due).toISOString(),
    })),
  };
}

/**
 * The one pass over the log, with per-question state in arrays by position:
 * reviews per local day, and recalls (a question's first review on a later
 * day than its last) with how many of them passed.
 */
function reviewActivity(
  { questions, reviews }: StatsInput,
  days: LocalDays,
): { perDay: Map<number, number>; total: number; recalls: number; passed: number } {
  const positions = groupPositions(questions, reviews);
  const { group, time, rating } = reviews;
  const perDay = new Map<number, number>();
  const lastDayOf = new Int32Array(questions.length).fill(NEVER);
  let total = 0;
  let recalls = 0;
  let passed = 0;
  // A log is nearly always in time order: a day's reviews are counted in a run, then added to perDay once.
  let runDay = NaN;
  let run = 0;
  for (let i = 0; i < group.length; i++) {
    const position = positions[group[i]!]!;
    if (position < 0) continue;
    const at = time[i]!;
    if (Number.isNaN(at)) continue;
    const day = days.dayOf(at);
    total++;
    if (day !== runDay) {
      if (run > 0) perDay.set(runDay, (perDay.get(runDay) ?? 0) + run);
      runDay = day;
      run = 0;
    }
    run++;
    const previous = lastDayOf[position]!;
    if (previous === NEVER || previous < day) {
      if (previous !== NEVER) {
        recalls++;
        if (rating[i]! >= 3) passed++;
      }
      lastDayOf[position] = day;
    }
  }
  if (run > 0) perDay.set(runDay, (perDay.get(runDay) ?? 0) + run);
  return { perDay, total, recalls, passed };
}

const WEAKEST_SHOWN = 5;

/** The first `count` of `items` in the order a stable sort by `compare` gives them, without sorting a hundred thousand. */
export function firstInOrder<T>(items: Iterable<T>, count: number, compare: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  for (const item of items) {
    if (first.length === count && (count === 0 || compare(item, first[count - 1]!) >= 0)) continue;
    let at = first.length;
    while (at > 0 && compare(item, first[at - 1]!) < 0) at--;
    first.splice(at, 0, item);
    if (first.length > count) first.pop();
  }
  return first;
}

/** Cards new, learning and mature (overall and by category), due today and this week, and the seen ones for the weakest. */
function cardCounts(
  { questions, cards }: StatsInput,
  endOfToday: number,
  endOfWeek: number,
): {
  counts: Record<'seen' | 'new' | 'learning' | 'mature', number>;
  due: Stats['due'];
  byCategory: Map<string, CategoryMastery>;
  weak: { question: Question; card: CardSummary }[];
} {
  const counts = { seen: 0, new: 0, learning: 0, mature: 0 };
  const due = { today: 0, next7Days: 0 };
  const byCategory = new Map<string, CategoryMastery>();
  const weak: { question: Question; card: CardSummary }[] = [];
  for (const question of questions) {
    let category = byCategory.get(question.category);
    if (!category) byCategory.set(question.category, (category = { name: question.category, total: 0, new: 0, learning: 0, mature: 0 }));
    category.total++;
    const card = cards.get(question.id);
    if (!card) {
      counts.new++;
      category.new++;
      continue;
    }
    counts.seen++;
    const level = card.scheduledDays >= MATURE_DAYS ? 'mature' : 'learning';
    counts[level]++;
    category[level]++;
    if (card.due < endOfToday) due.today++;
    else if (card.due < endOfWeek) due.next7Days++;
    weak.push({ question, card });
  }
  return { counts, due, byCategory, weak };
}

/**
 * The current streak counts back from today, or from yesterday while today has
 * no review yet (the day is not over); the longest is the longest run ever.
 */
export function streaks(perDay: ReadonlyMap<number, number>, today: number): { current: number; longest: number } {
  let current = 0;
  for (let day = perDay.has(today) ? today : today - 1; perDay.has(day); day--) current++;
  const active = [...perDay.keys()].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < active.length; i++) {
    run = i > 0 && active[i] === active[i - 1]! + 1 ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return { current, longest };
}

/** Monday 0 … Sunday 6; day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** YYYY-MM-DD of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Local calendar days as numbers (days since 1970-01-01 of the local date).
 * Remembers the bounds of the last day it saw, so a chronological log costs one
 * Date per day rather than one per review.
 */
export class LocalDays {
  private from = 0;
  private to = -1;
  private day = 0;

  dayOf(ms: number): number {
    if (ms >= this.from && ms < this.to) return this.day;
    const date = new Date(ms);
    const y = date.getFullYear();
    const m = date.getMonth();
    const d = date.getDate();
    this.day = Date.UTC(y, m, d) / DAY_MS;
    this.from = new Date(y, m, d).getTime();
    this.to = new Date(y, m, d + 1).getTime();
    return this.day;
  }

  /** The first millisecond of a day, local time. */
  startOf(day: number): number {
    const date = new Date(day * DAY_MS);
    return new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()).getTime();
  }
}
