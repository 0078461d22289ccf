// A mock interview's report: plain data, saved as JSON, read back by mock and stats.
import type { Question } from './question.js';
import type { ReviewRating } from './review.js';

export type InterviewStatus = 'in-progress' | 'completed' | 'abandoned';

export type PointStatus = 'covered' | 'partly' | 'missed' | 'contradicted';

/** How an answer did on one point of the reference (the unit of grading). */
export interface PointResult {
  /** The reference point as plain text. */
  text: string;
  status: PointStatus;
  /** Typed words that matched its terms. */
  matched: string[];
  /** Its key terms not found (or denied). */
  missing: string[];
}

/** An answer given in an interview, with the question it answers. */
export interface InterviewAnswer extends Pick<Question, 'id' | 'deck' | 'number' | 'category' | 'question'> {
  /** What the user typed (up to the moment time ran out or the interview stopped). */
  answer: string;
  /** The reference answer as Markdown. */
  reference: string;
  covered: string[];
  missed: string[];
  /** The grade of the answer, 0..1 (score / 100); older reports hold the share of key terms covered. */
  coverage: number;
  /** Per reference point: covered, partly, missed or contradicted, with the words that matched (absent in older reports). */
  points?: PointResult[];
  /** Why the score is what it is ("a list of terms, not an explanation"). */
  notes?: string[];
  /** The self-review grade the score suggests. */
  suggestedRating?: ReviewRating;
  secondsUsed: number;
  timedOut: boolean;
  /** The user's own grade in the self-review, null when skipped or not yet given. */
  rating: ReviewRating | null;
}

export interface InterviewReport {
  id: string;
  startedAt: string;
  /** Set when the interview ends, completed or abandoned. */
  finishedAt: string | null;
  status: InterviewStatus;
  perQuestionSeconds: number;
  /** The limit for the whole interview, when one was set. */
  totalSeconds: number | null;
  seed: number;
  /** How many questions were planned; `questions` holds those reached. */
  planned: number;
  /** 0–100: the mean grade of the questions reached. */
  score: number;
  questions: InterviewAnswer[];
}

export interface CategoryScore {
  category: string;
  questions: number;
  /** 0–100. */
  score: number;
}

/** Where an interview saves its report as it goes: the command hands it the report store. */
export interface ReportSink {
  save(report: InterviewReport): void;
  /** Saves a new report under an id no other report has (two interviews may start in the same second); `make` builds it for that id. */
  create(startedAt: Date, make: (id: string) => InterviewReport): InterviewReport;
}
