// One drill session's bookkeeping: each grade is written to the review sink
// (the log, fsync'd) before the card states move on; undo appends an undo record and
// puts the card's state back; the summary is computed from what was graded.
import type { Question } from '../model/question.js';
import { reviewOf, type Review, type ReviewRating, type ReviewSink } from '../model/review.js';
import { nextDue } from './pick.js';
import { gradeCard, nextIntervals, type CardState } from './scheduler.js';

export interface SessionSummary {
  cards: number;
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
  }

  /** Takes back the last grade of this session; returns it, or undefined when there is none. */
  undo(): Review | undefined {
    const last = this.graded.at(-1);
    if (!last) return undefined;
    this.reviews.undo(last.review);
    this.graded.pop();
    if (last.before) this.states.set(last.question.id, last.before);
    else this.states.delete(last.question.id);
    return last.review;
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
    return {
      cards: this.graded.length,
      grades,
      categories,
      elapsedMs: now.getTime() - this.startedAt.getTime(),
      dueByTomorrow,
      nextDue: nextDue(questions, this.states),
    };
  }
}
