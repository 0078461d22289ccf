// A drill session's bookkeeping on a real log file, with a fixed clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { DrillSession } from '../../../src/practice/drillSession.js';
import { cardStates } from '../../../src/practice/gradeReplay.js';
import { gradeCard, type CardState } from '../../../src/practice/scheduler.js';
import { readReviewLog, reviewLogSink } from '../../../src/store/reviewLog.js';

const START = new Date('2025-03-10T09:00:00Z');
const questions: Question[] = [1, 2, 3].map((n) => ({
  id: `kubeflow/${n}`,
  number: n,
  category: n === 3 ? 'Katib' : 'Basics',
  question: `Question ${n}?`,
  prompt: `Question ${n}?`,
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
        id: expect.stringMatching(/^[0-9a-z]+-[0-9a-f]{12}$/),
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
    expect(session.intervals(first)).toEqual({ 1: '1m', 2: '6m', 3: '10m', 4: '8d' });
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
      {
        questionId: 'kubeflow/1',
        deck: 'kubeflow',
        number: 1,
        question: 'Question 1?',
        rating: 3,
        reviewedAt: '2025-03-01T09:00:00Z',
        durationMs: 1,
        answer: '',
        mode: 'drill',
      },
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
    expect(summary).toMatchObject({ cards: 3, repeats: 0, grades: { 1: 1, 2: 0, 3: 2, 4: 0 }, elapsedMs: 120_000, dueByTomorrow: 3 });
    expect([...summary.categories]).toEqual([
      ['Basics', 2],
      ['Katib', 1],
    ]);
    // Again on a new card: its first learning step, a minute on.
    expect(summary.nextDue).toEqual(new Date(START.getTime() + 60_000));
  });
});

describe('DrillSession queue (learning steps)', () => {
  const graduatedAll = (): Map<string, CardState> =>
    new Map(
      questions.map((q) => [
        q.id,
        gradeCard(gradeCard(undefined, 3, new Date('2025-02-01T09:00:00Z')), 3, new Date('2025-02-01T09:10:00Z')),
      ]),
    );

  it('when a new card is graded Again then it comes back after the other cards, and the summary counts the repeat', () => {
    const queue = session.begin([first, second]);
    session.grade(first, 1, '', 1000);
    later(20);
    expect(queue.map((q) => q.number)).toEqual([1, 2]);
    session.grade(second, 4, '', 1000);
    expect(queue.map((q) => q.number)).toEqual([1, 2, 1]);
    later(60);
    session.grade(first, 3, '', 1000);
    // Good on the first step moves it to the second (10m): still within the session's window.
    expect(queue.map((q) => q.number)).toEqual([1, 2, 1, 1]);
    later(600);
    session.grade(first, 3, '', 1000);
    expect(queue).toHaveLength(4);
    expect(session.summary(questions)).toMatchObject({ cards: 2, repeats: 2 });
  });

  it('when a learning card falls due then it comes before the cards not yet shown', () => {
    const queue = session.begin([first, second, third]);
    session.grade(first, 1, '', 1000);
    later(61);
    session.grade(second, 4, '', 1000);
    expect(queue.map((q) => q.number)).toEqual([1, 2, 1, 3]);
  });

  it('when a learnt card is graded Good then the session does not bring it back', () => {
    session = new DrillSession(reviewLogSink(file), graduatedAll(), 0.9, () => now);
    const queue = session.begin([first]);
    now = new Date('2025-03-10T09:00:00Z');
    session.grade(first, 3, '', 1000);
    expect(queue.map((q) => q.number)).toEqual([1]);
  });

  it('when a learnt card is forgotten then it relearns in the session', () => {
    session = new DrillSession(reviewLogSink(file), graduatedAll(), 0.9, () => now);
    const queue = session.begin([first]);
    session.grade(first, 1, '', 1000);
    expect(queue.map((q) => q.number)).toEqual([1, 1]);
  });

  it('when a grade is undone then the card is back at its place and its repeat is gone', () => {
    const queue = session.begin([first, second]);
    session.grade(first, 1, '', 1000);
    later(1);
    session.grade(second, 3, '', 1000);
    expect(queue.map((q) => q.number)).toEqual([1, 2, 1, 2]);
    session.undo();
    expect(queue.map((q) => q.number)).toEqual([1, 2]);
    session.undo();
    expect(queue.map((q) => q.number)).toEqual([1, 2]);
  });
});
