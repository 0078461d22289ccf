// Scoring a mock interview: each answer, the overall score, the per-category
// breakdown and the report's life from in-progress to completed or abandoned.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import {
  addAnswer,
  categoryScores,
  finishReport,
  overallScore,
  rateAnswer,
  scoreInterviewAnswer,
  startReport,
  timeUsed,
} from '../../../src/practice/interview.js';
import { type InterviewAnswer } from '../../../src/model/interview.js';

const startedAt = new Date('2025-04-02T10:00:00Z');

function question(number: number, category: string, answer: string): Question {
  return {
    id: `d/${number}`,
    number,
    category,
    question: `What is thing ${number}?`,
    prompt: `What is thing ${number}?`,
    answer,
    line: number,
    deck: 'd',
  };
}

const pipelines = question(1, 'Pipelines', 'Pipelines run on **Argo Workflows** and keep artifacts in `MinIO`.');

function answered(category: string, coverage: number, secondsUsed = 10): InterviewAnswer {
  return { ...scoreInterviewAnswer(question(9, category, 'x'), 'typed', secondsUsed, false), coverage };
}

describe('scoreInterviewAnswer', () => {
  it('lists the key terms covered and missed, with the coverage', () => {
    const answer = scoreInterviewAnswer(pipelines, '  they run on argo workflows  ', 42.26, false);
    expect(answer).toMatchObject({
      id: 'd/1',
      deck: 'd',
      number: 1,
      category: 'Pipelines',
      answer: 'they run on argo workflows',
      reference: pipelines.answer,
    });
    expect(answer.covered).toContain('Argo Workflows');
    expect(answer.missed).toContain('MinIO');
    expect(answer.coverage).toBeGreaterThan(0);
    expect(answer.coverage).toBeLessThan(1);
    expect(answer.secondsUsed).toBe(42.3);
    expect(answer).toMatchObject({ timedOut: false, rating: null });
  });

  it('gives an empty answer nothing and misses every term', () => {
    const answer = scoreInterviewAnswer(pipelines, '   ', 120, true);
    expect(answer).toMatchObject({ answer: '', coverage: 0, covered: [], timedOut: true });
    expect(answer.missed).toEqual(expect.arrayContaining(['Argo Workflows', 'MinIO']));
  });
});

describe('overallScore', () => {
  it.each([
    [[], 0],
    [[1], 100],
    [[0.5, 1], 75],
    [[1, 1, 0], 67],
    [[0.25, 0, 0, 0], 6],
  ])('mean coverage of %j is %i', (coverages, score) => {
    expect(overallScore(coverages.map((coverage) => ({ coverage })))).toBe(score);
  });
});

describe('categoryScores', () => {
  it('scores each category, in the order first asked', () => {
    const answers = [answered('Pipelines', 1), answered('Katib', 0.5), answered('Pipelines', 0), answered('Serving', 0.2)];
    expect(categoryScores(answers)).toEqual([
      { category: 'Pipelines', questions: 2, score: 50 },
      { category: 'Katib', questions: 1, score: 50 },
      { category: 'Serving', questions: 1, score: 20 },
    ]);
  });
});

describe('an interview report', () => {
  const start = () => startReport({ id: '20250402-100000', startedAt, perQuestionSeconds: 120, totalSeconds: null, seed: 7, planned: 3 });

  it('starts in progress with no answers', () => {
    expect(start()).toEqual({
      id: '20250402-100000',
      startedAt: '2025-04-02T10:00:00.000Z',
      finishedAt: null,
      status: 'in-progress',
      perQuestionSeconds: 120,
      totalSeconds: null,
      seed: 7,
      planned: 3,
      score: 0,
      questions: [],
    });
  });

  it('keeps the score up to date with every answer; a timed-out empty answer counts 0', () => {
    let report = addAnswer(start(), answered('Pipelines', 1, 30));
    expect(report.score).toBe(100);
    report = addAnswer(report, scoreInterviewAnswer(pipelines, '', 120, true));
    expect(report.score).toBe(50);
    expect(report.questions).toHaveLength(2);
    expect(timeUsed(report)).toBe(150);
  });

  it('ends completed or abandoned, with the time it ended', () => {
    const report = addAnswer(start(), answered('Pipelines', 0.5));
    const finishedAt = new Date('2025-04-02T10:05:00Z');
    expect(finishReport(report, 'completed', finishedAt)).toMatchObject({
      status: 'completed',
      finishedAt: '2025-04-02T10:05:00.000Z',
      score: 50,
    });
    expect(finishReport(report, 'abandoned', finishedAt).status).toBe('abandoned');
  });

  it('records a self-review grade on one answer without touching the others', () => {
    const report = addAnswer(addAnswer(start(), answered('A', 1)), answered('B', 0));
    const rated = rateAnswer(report, 1, 2);
    expect(rated.questions.map((answer) => answer.rating)).toEqual([null, 2]);
    expect(report.questions[1]!.rating).toBeNull();
  });
});
