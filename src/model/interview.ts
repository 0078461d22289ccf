// A mock interview's report: plain data, saved as JSON, read back by mock and stats.
import type { Question } from './question.js';
import type { ReviewRating } from './review.js';

export type InterviewStatus = 'in-progress' | 'completed' | 'abandoned';

/** An answer given in an interview, with the question it answers. */
export interface InterviewAnswer extends Pick<Question, 'id' | 'deck' | 'number' | 'category' | 'question'> {
  /** What the user typed (up to the moment time ran out or the interview stopped). */
  answer: string;
  /** The reference answer as Markdown. */
  reference: string;
  covered: string[];
  missed: string[];
  /** Share of the reference's key terms the answer covered, 0..1. */
  coverage: number;
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
  /** 0–100: the mean coverage of the questions reached. */
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
}
