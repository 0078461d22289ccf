// One drill session's bookkeeping: each grade is written to the review sink
// (the log, fsync'd) before the card states move on; undo appends an undo record and
// puts the card's state back; the summary is computed from what was graded.
// The queue: the cards picked, plus every card graded Again or Hard while new
// or forgotten, back once its learning step is due (or, when nothing else is
// left, up to LEARN_AHEAD early, as Anki does). It ends when no card is due
// within that window.
import type { Question } from '../model/question.js';
import { reviewOf, type Review, type ReviewRating, type ReviewSink } from '../model/review.js';
import { nextDue } from './pick.js';
import { gradeCard, isLearning, nextIntervals, type CardState } from './scheduler.js';

/** How early a learning card is shown when no other card is left. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface SessionSummary {
  /** Distinct cards graded. */
  cards: number;
  /** Grades beyond each card's first in this session: learning steps seen again. */
  repeats: number;
  grades: Record<ReviewRating, number>;
  /** Category → cards graded, in the order first graded. */
  categories: Map<string, number>;
  elapsedMs: number;
  /** Questions of the selection due before tomorrow ends (local time). */
  dueByTomorrow: number;
  /** Earliest due time in the selection; in the past when cards are still due. */
  nextDue: Date | undefined;
}

interface Graded {
  question: Question;
  review: Review;
  /** The card's state before this grade, for undo. */
  before: CardState | undefined;
}

export class DrillSession {
  /** Grades given in this session and not taken back, in order. */
  private readonly graded: Graded[] = [];
  private readonly startedAt: Date;
  /** The cards picked for the session, in order. */
  private picked: readonly Question[] = [];
  /**
   * What the screen shows, by position: the cards graded so far, then what
   * comes next. grade() and undo() rewrite what follows the current position.
   */
  readonly queue: Question[] = [];

  constructor(
    /** Where grades go: the review log. */
    private readonly reviews: ReviewSink,
    /** Card states of the selection; updated as cards are graded. */
    readonly states: Map<string, CardState>,
    private readonly retention: number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.startedAt = clock();
  }

  /** Starts the queue with the picked cards; returns it (live: it grows as learning cards come back). */
  begin(cards: readonly Question[]): Question[] {
    this.picked = cards;
    this.queue.length = 0;
    this.queue.push(...this.upcoming());
    return this.queue;
  }

  intervals(question: Question): Record<ReviewRating, string> {
    const next = nextIntervals(this.states.get(question.id), this.clock(), this.retention);
    return { 1: next[1].label, 2: next[2].label, 3: next[3].label, 4: next[4].label };
  }

  grade(question: Question, rating: ReviewRating, answer: string, durationMs: number): void {
    const now = this.clock();
    const review = reviewOf(question, rating, now, { durationMs, answer, mode: 'drill' });
    this.reviews.append(review);
    const before = this.states.get(question.id);
    this.states.set(question.id, gradeCard(before, rating, now, this.retention));
    this.graded.push({ question, review, before });
    this.requeue(undefined);
  }

  /** Takes back the last grade of this session; returns it, or undefined when there is none. */
  undo(): Review | undefined {
    const last = this.graded.at(-1);
    if (!last) return undefined;
    this.reviews.undo(last.review);
    this.graded.pop();
    if (last.before) this.states.set(last.question.id, last.before);
    else this.states.delete(last.question.id);
    this.requeue(last.question);
    return last.review;
  }

  /** Rewrites the queue after the cards graded: `current` (a card to grade again) first, then what is next. */
  private requeue(current: Question | undefined): void {
    const position = this.graded.length;
    this.queue.length = position;
    for (let i = 0; i < position; i++) this.queue[i] = this.graded[i]!.question;
    if (current) this.queue.push(current);
    this.queue.push(...this.upcoming().filter((question) => question !== current));
  }

  /** Learning cards due now, the picked cards not graded yet, then (when those are done) learning cards due within the window. */
  private upcoming(): Question[] {
    const now = this.clock().getTime();
    const gradedIds = new Set(this.graded.map((entry) => entry.question.id));
    const fresh = this.picked.filter((question) => !gradedIds.has(question.id));
    const learning: { question: Question; due: number }[] = [];
    const seen = new Set<string>();
    for (const { question } of this.graded) {
      if (seen.has(question.id)) continue;
      seen.add(question.id);
      const state = this.states.get(question.id);
      if (state && isLearning(state) && state.card.due.getTime() <= now + LEARN_AHEAD_MS)
        learning.push({ question, due: state.card.due.getTime() });
    }
    learning.sort((a, b) => a.due - b.due);
    const dueNow = learning.filter((entry) => entry.due <= now).map((entry) => entry.question);
    // Cards not due yet join once nothing else is left, so the count shown grows only when they do.
    const later = fresh.length === 0 ? learning.filter((entry) => entry.due > now).map((entry) => entry.question) : [];
    return [...dueNow, ...fresh, ...later];
  }

  /** `questions`: the whole selection, for what is due next. */
  summary(questions: readonly Question[]): SessionSummary {
    const now = this.clock();
    const grades: Record<ReviewRating, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
    const categories = new Map<string, number>();
    for (const { question, review } of this.graded) {
      grades[review.rating]++;
      categories.set(question.category, (categories.get(question.category) ?? 0) + 1);
    }
    const endOfTomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 2).getTime();
    const dueByTomorrow = questions.filter((q) => (this.states.get(q.id)?.card.due.getTime() ?? Infinity) < endOfTomorrow).length;
    const distinct = new Set(this.graded.map((entry) => entry.question.id)).size;
    return {
      cards: distinct,
      repeats: this.graded.length - distinct,
      grades,
      categories,
      elapsedMs: now.getTime() - this.startedAt.getTime(),
      dueByTomorrow,
      nextDue: nextDue(questions, this.states),
    };
  }
}
