// A drill session's bookkeeping on a real log file, with a fixed clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { DrillSession } from '../../../src/practice/drillSession.js';
import { cardStates, type CardState } from '../../../src/practice/scheduler.js';
import { readReviewLog, reviewLogSink } from '../../../src/store/reviewLog.js';

const START = new Date('2025-03-10T09:00:00Z');
const questions: Question[] = [1, 2, 3].map((n) => ({
  id: `kubeflow/${n}`,
  number: n,
  category: n === 3 ? 'Katib' : 'Basics',
  question: `Question ${n}?`,
  answer: 'An answer.',
  line: n * 3,
  deck: 'kubeflow',
}));
const [first, second, third] = questions as [Question, Question, Question];

let file: string;
let now: Date;
let session: DrillSession;
beforeEach(() => {
  file = join(mkdtempSync(join(tmpdir(), 'kfq-session-')), 'reviews.jsonl');
  now = START;
  session = new DrillSession(reviewLogSink(file), new Map<string, CardState>(), 0.9, () => now);
});

const later = (seconds: number): Date => (now = new Date(now.getTime() + seconds * 1000));

describe('DrillSession', () => {
  it('writes each grade to the log at once, and its state matches a replay of the log', () => {
    later(12);
    session.grade(first, 3, 'kubeflow runs ML on kubernetes', 12_000);
    expect(readReviewLog(file).reviews).toEqual([
      {
        questionId: 'kubeflow/1',
        deck: 'kubeflow',
        number: 1,
        question: 'Question 1?',
        rating: 3,
        reviewedAt: '2025-03-10T09:00:12.000Z',
        durationMs: 12_000,
        answer: 'kubeflow runs ML on kubernetes',
        mode: 'drill',
      },
    ]);
    later(5);
    session.grade(second, 1, '', 5_000);
    expect(session.states).toEqual(cardStates(questions, readReviewLog(file).reviews));
  });

  it('labels the next intervals of each grade from the current state', () => {
    expect(session.intervals(first)).toEqual({ 1: '1d', 2: '2d', 3: '3d', 4: '8d' });
  });

  it('undoes the last grade in the log and in the card states, one grade at a time', () => {
    session.grade(first, 3, '', 1000);
    later(1);
    session.grade(second, 4, '', 1000);
    const afterFirst = session.states.get(first.id);

    expect(session.undo()?.questionId).toBe('kubeflow/2');
    expect(session.states.has(second.id)).toBe(false);
    expect(session.states.get(first.id)).toBe(afterFirst);
    expect(readReviewLog(file).reviews.map((r) => r.questionId)).toEqual(['kubeflow/1']);

    expect(session.undo()?.questionId).toBe('kubeflow/1');
    expect(session.undo()).toBeUndefined();
    expect(readReviewLog(file).reviews).toEqual([]);
  });

  it('puts back the state a card had before the session when its grade is undone', () => {
    const seen = cardStates(questions, [
      { questionId: 'kubeflow/1', deck: 'kubeflow', number: 1, question: 'Question 1?', rating: 3, reviewedAt: '2025-03-01T09:00:00Z', durationMs: 1, answer: '', mode: 'drill' },
    ]);
    const before = seen.get(first.id);
    session = new DrillSession(reviewLogSink(file), seen, 0.9, () => now);
    session.grade(first, 1, '', 1000);
    session.undo();
    expect(session.states.get(first.id)).toBe(before);
  });

  it('sums up grades, categories, time spent, what is due by tomorrow and when the next card is', () => {
    session.grade(first, 1, '', 1000);
    later(30);
    session.grade(second, 3, '', 1000);
    later(30);
    session.grade(third, 3, '', 1000);
    later(60);
    const summary = session.summary(questions);
    expect(summary).toMatchObject({ cards: 3, grades: { 1: 1, 2: 0, 3: 2, 4: 0 }, elapsedMs: 120_000, dueByTomorrow: 1 });
    expect([...summary.categories]).toEqual([
      ['Basics', 2],
      ['Katib', 1],
    ]);
    expect(summary.nextDue).toEqual(new Date(START.getTime() + 86_400_000));
  });
});
