// One mock interview's bookkeeping, like DrillSession for a drill: the report
// is saved through the sink after every change (an answer, the end, a grade),
// so an interview stopped at any point leaves its answers on disk; self-review
// grades also go to the review log through the review sink.
import type { InterviewReport, ReportSink } from '../model/interview.js';
import type { Question } from '../model/question.js';
import { reviewOf, type ReviewRating, type ReviewSink } from '../model/review.js';
import { addAnswer, finishReport, rateAnswer, scoreInterviewAnswer, startReport } from './interview.js';
import type { GradingOptions } from './scoring.js';

export interface InterviewStart {
  startedAt: Date;
  perQuestionSeconds: number;
  totalSeconds: number | null;
  seed: number;
  planned: number;
}

export class InterviewSession {
  private current: InterviewReport;

  constructor(
    start: InterviewStart,
    private readonly reports: ReportSink,
    private readonly reviews: ReviewSink,
    /** The deck's statistics and aliases, for scoring the answers. */
    private readonly grading?: GradingOptions,
  ) {
    this.current = reports.create(start.startedAt, (id) => startReport({ ...start, id }));
  }

  get report(): InterviewReport {
    return this.current;
  }

  /** Scores and saves one answer (`typed` as far as it got when time ran out or the interview stopped). */
  answer(question: Question, typed: string, secondsUsed: number, timedOut: boolean): void {
    this.update(addAnswer(this.current, scoreInterviewAnswer(question, typed, secondsUsed, timedOut, this.grading)));
  }

  finish(at: Date): void {
    this.update(finishReport(this.current, 'completed', at));
  }

  /** Ends the interview as abandoned, with the answer in progress if any, in one save: after SIGHUP there may be little time. */
  abandon(at: Date, partial?: { question: Question; typed: string; secondsUsed: number }): void {
    const report = partial
      ? addAnswer(this.current, scoreInterviewAnswer(partial.question, partial.typed, partial.secondsUsed, false, this.grading))
      : this.current;
    this.update(finishReport(report, 'abandoned', at));
  }

  /** A self-review grade: logged like a drill grade, so a fumbled question comes back sooner, and kept in the report. */
  grade(index: number, rating: ReviewRating, at: Date): void {
    const answer = this.current.questions[index];
    if (!answer) throw new RangeError(`no answer ${index} in the report`);
    this.reviews.append(reviewOf(answer, rating, at, { durationMs: answer.secondsUsed * 1000, answer: answer.answer, mode: 'mock' }));
    this.update(rateAnswer(this.current, index, rating));
  }

  private update(report: InterviewReport): void {
    this.current = report;
    this.reports.save(report);
  }
}
