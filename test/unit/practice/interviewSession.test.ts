// An interview session's bookkeeping, with sinks that record what they are given.
import { describe, expect, it } from 'vitest';
import type { InterviewReport } from '../../../src/model/interview.js';
import type { Question } from '../../../src/model/question.js';
import type { Review, ReviewKey } from '../../../src/model/review.js';
import { InterviewSession } from '../../../src/practice/interviewSession.js';

const question: Question = {
  id: 'kubeflow/7',
  number: 7,
  category: 'Pipelines',
  question: 'What runs a Kubeflow pipeline?',
  prompt: 'What runs a Kubeflow pipeline?',
  answer: '- Argo Workflows runs each step as a pod.',
  line: 40,
  deck: 'kubeflow',
};
const start = {
  id: '20250310-090000',
  startedAt: new Date('2025-03-10T09:00:00Z'),
  perQuestionSeconds: 60,
  totalSeconds: null,
  seed: 1,
  planned: 2,
};

function sinks() {
  const saved: InterviewReport[] = [];
  const reviews: Review[] = [];
  const undone: ReviewKey[] = [];
  return {
    saved,
    reviews,
    reportSink: {
      save: (r: InterviewReport) => saved.push(r),
      create: (_at: Date, make: (id: string) => InterviewReport) => {
        const report = make(start.id);
        saved.push(report);
        return report;
      },
    },
    reviewSink: { append: (r: Review) => reviews.push(r), undo: (k: ReviewKey) => undone.push(k) },
  };
}

describe('InterviewSession', () => {
  it('when it starts then the empty in-progress report is saved at once', () => {
    const { saved, reportSink, reviewSink } = sinks();
    new InterviewSession(start, reportSink, reviewSink);
    expect(saved.map((r) => [r.status, r.questions.length])).toEqual([['in-progress', 0]]);
  });

  it('when an answer is given then the report with it is saved, and finishing saves it completed', () => {
    const { saved, reportSink, reviewSink } = sinks();
    const session = new InterviewSession(start, reportSink, reviewSink);
    session.answer(question, 'argo workflows runs the pods', 20, false);
    session.finish(new Date('2025-03-10T09:01:00Z'));
    expect(saved.at(-2)!.questions.map((q) => q.answer)).toEqual(['argo workflows runs the pods']);
    expect(saved.at(-1)).toMatchObject({ status: 'completed', finishedAt: '2025-03-10T09:01:00.000Z' });
  });

  it('when stopped mid-answer then the partial answer and the abandoned status are saved in one write', () => {
    const { saved, reportSink, reviewSink } = sinks();
    const session = new InterviewSession(start, reportSink, reviewSink);
    session.abandon(new Date('2025-03-10T09:00:30Z'), { question, typed: 'argo', secondsUsed: 30 });
    expect(saved).toHaveLength(2);
    expect(saved[1]).toMatchObject({ status: 'abandoned', questions: [{ answer: 'argo', timedOut: false }] });
  });

  it('when an answer is graded then a mock review is logged and the grade is kept in the report', () => {
    const { saved, reviews, reportSink, reviewSink } = sinks();
    const session = new InterviewSession(start, reportSink, reviewSink);
    session.answer(question, 'argo', 12, false);
    session.grade(0, 2, new Date('2025-03-10T09:05:00Z'));
    expect(reviews).toEqual([
      expect.objectContaining({ questionId: 'kubeflow/7', rating: 2, mode: 'mock', durationMs: 12_000, answer: 'argo' }),
    ]);
    expect(saved.at(-1)!.questions[0]!.rating).toBe(2);
  });
});
