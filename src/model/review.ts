// A review: one graded answer, as the review log keeps it.
import type { Question } from './question.js';
import { randomHex } from './randomHex.js';

export type ReviewRating = 1 | 2 | 3 | 4;
export const RATINGS: readonly ReviewRating[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<ReviewRating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

export interface Review {
  /**
   * Unique: the time it was made plus randomness, so two drills grading in the
   * same millisecond never share it. Logs written before ids existed lack it;
   * the store derives a stable one for those (reviewId).
   */
  id?: string;
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

/** What undo needs to name a review: its id, or for a review logged before ids, its question and time. */
export type ReviewKey = Pick<Review, 'id' | 'questionId' | 'reviewedAt'>;

/** What stats need of a review: a source may add the time already parsed. */
export type ReviewFacts = Pick<Review, 'questionId' | 'deck' | 'question' | 'rating' | 'reviewedAt'> & {
  /** reviewedAt as epoch milliseconds, when the source has it already (saves parsing a million dates). */
  at?: number;
};

/**
 * The questions reviews were logged under, one group per distinct id, deck
 * and question text: group g's are groupIds[g], groupDecks[g] and
 * groupQuestions[g]. A million reviews are matched to questions a group at a
 * time, not a review at a time.
 */
export interface ReviewGroups {
  groupIds: readonly string[];
  groupDecks: readonly string[];
  groupQuestions: readonly string[];
}

/**
 * Reviews not undone, oldest first as logged, as columns: review i is of group
 * group[i], rated rating[i] at time[i] (epoch milliseconds). What a pass over
 * every review (stats, today's counts) reads, without an object per review.
 */
export interface ReviewColumns extends ReviewGroups {
  group: Uint32Array;
  rating: Uint8Array;
  time: Float64Array;
}

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
    id: newReviewId(at),
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

/** A new review id: the time in base 36, then 48 random bits. */
export function newReviewId(at: Date): string {
  return `${at.getTime().toString(36)}-${randomHex(6)}`;
}

/** Groups of reviews to replay, each in order: group k's are those from starts[k] to before starts[k + 1]. */
export interface ReplayBatch {
  starts: Uint32Array;
  ratings: Uint8Array;
  /** Epoch milliseconds. */
  times: Float64Array;
  retention: number;
}

/**
 * How a card's state follows from its reviews, for whoever replays a review
 * log (practice gives FSRS); `questionPositions` says which question reviews belong to now.
 */
export interface CardReplay<CardState> {
  /**
   * The state after grading `from` (undefined: a new card) with the reviews
   * `order` names, in that order: review `i` has rating `ratings[i]` at
   * `times[i]` (epoch milliseconds).
   */
  replay(
    from: CardState | undefined,
    order: ArrayLike<number>,
    ratings: ArrayLike<number>,
    times: ArrayLike<number>,
    retention: number,
  ): CardState | undefined;
  /**
   * Starts replaying groups of reviews elsewhere (another thread), each from
   * a new card; the function returned waits and gives each group's state,
   * packed as `pack` packs them, or undefined when they could not be replayed
   * there. Without it, or when it gives undefined, everything is replayed with replay().
   */
  replayElsewhere?(batch: ReplayBatch): () => Float64Array | undefined;
  lastReviewedAt(state: CardState): Date;
  /** The states as one array of numbers (none: null), to save: a hundred thousand objects are slow to serialize and read back. */
  pack(states: ReadonlyArray<CardState | null | undefined>): Float64Array;
  /** The states `pack` packed, null where there was none. */
  unpack(packed: Float64Array): Array<CardState | null>;
  defaultRetention: number;
  /** The position in `questions` of the question each group's reviews belong to now; -1 when it is gone. */
  questionPositions(questions: readonly Question[], groups: ReviewGroups): Int32Array;
  /** Names the scheduler's settings: states cached under another signature are replayed again. */
  signature(): string;
}
