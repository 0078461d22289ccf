// A review: one graded answer, as the review log keeps it.
import type { Question } from './question.js';

export type ReviewRating = 1 | 2 | 3 | 4;
export const RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<ReviewRating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export interface Review {
  questionId: string;
  deck: string;
  number: number;
  /** The question text when it was answered, to follow a question that was renumbered. */
  question: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: ReviewRating;
  /** ISO 8601. */
  reviewedAt: string;
  durationMs: number;
  /** What the user typed; empty when they only revealed the answer. */
  answer: string;
  mode: 'drill' | 'mock';
}

/** Identifies a review for undo: a question is never graded twice in the same millisecond. */
export type ReviewKey = Pick<Review, 'questionId' | 'reviewedAt'>;

/** What stats need of a review: a source may add the time already parsed and a group number. */
export type ReviewFacts = Pick<Review, 'questionId' | 'deck' | 'question' | 'rating' | 'reviewedAt'> & {
  /** reviewedAt as epoch milliseconds, when the source has it already (saves parsing a million dates). */
  at?: number;
  /**
   * A small whole number shared by the reviews with this questionId, deck and
   * question text, when the source has one: such reviews are matched to a
   * question once, not a million times over a 100,000-entry map.
   */
  group?: number;
};

/** Where a session writes its grades: the command hands it the review log. */
export interface ReviewSink {
  append(review: Review): void;
  /** Takes a review back (the log keeps it and records the undo). */
  undo(review: ReviewKey): void;
}

/** The review of a question graded at `at`, as drill and mock log it. */
export function reviewOf(
  question: { id: string; deck: string; number: number; question: string },
  rating: ReviewRating,
  at: Date,
  { durationMs, answer, mode }: Pick<Review, 'durationMs' | 'answer' | 'mode'>,
): Review {
  return {
    questionId: question.id,
    deck: question.deck,
    number: question.number,
    question: question.question,
    rating,
    reviewedAt: at.toISOString(),
    durationMs: Math.max(0, Math.round(durationMs)),
    answer,
    mode,
  };
}

/**
 * How a card's state follows from its reviews, for whoever replays a review
 * log (practice gives FSRS); `matcher` says which question a review belongs to now.
 */
export interface CardReplay<CardState> {
  grade(state: CardState | undefined, rating: ReviewRating, at: Date, retention: number): CardState;
  lastReviewedAt(state: CardState): Date;
  defaultRetention: number;
  matcher(questions: readonly Question[]): (review: Pick<Review, 'questionId' | 'deck' | 'question'>) => Question | undefined;
}
