// Two drills on one review log, grading the same question in the same
// millisecond: undo in one must take back only its own grade. Undo names a
// review by its id; logs from before ids still read and undo as before.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/model/question.js';
import { FSRS_REPLAY } from '../../src/practice/cardReplay.js';
import { DrillSession } from '../../src/practice/drillSession.js';
import type { CardState } from '../../src/practice/scheduler.js';
import { readReviewHistory } from '../../src/store/cardSnapshot.js';
import { readReviewLog, reviewLogSink } from '../../src/store/reviewLog.js';
import { reviewFacts } from '../support/reviewFacts.js';
import { LOG_HEADER, review, runKfq, tempDir, tempHome } from './helpers.js';

const question: Question = {
  id: 'kubeflow/1',
  number: 1,
  category: 'Basics',
  question: 'What is Kubeflow?',
  prompt: 'What is Kubeflow?',
  answer: 'ML on Kubernetes.',
  line: 3,
  deck: 'kubeflow',
};
const SAME_MOMENT = new Date('2026-03-10T09:00:00.123Z');

describe('when two drills grade the same question in the same millisecond', () => {
  it("then undo in one drill keeps the other drill's grade, in the log reader, the snapshot and kfq history", () => {
    const home = tempHome();
    const file = join(home, 'reviews.jsonl');
    const first = new DrillSession(reviewLogSink(file), new Map<string, CardState>(), 0.9, () => SAME_MOMENT);
    const second = new DrillSession(reviewLogSink(file), new Map<string, CardState>(), 0.9, () => SAME_MOMENT);
    for (let round = 0; round < 5; round++) {
      first.grade(question, 1, '', 1000);
      second.grade(question, 4, '', 1000);
      expect(first.undo()?.rating).toBe(1);
    }
    const kept = readReviewLog(file).reviews;
    expect(kept.map((r) => r.rating)).toEqual([4, 4, 4, 4, 4]);
    expect(new Set(kept.map((r) => r.id)).size).toBe(5);
    const snapshot = readReviewHistory(file, join(home, 'cache'), FSRS_REPLAY);
    expect([...snapshot.reviews().rating]).toEqual([4, 4, 4, 4, 4]);
    const listed = JSON.parse(runKfq(['history', '--json'], { env: { KFQ_HOME: home } }).stdout) as { rating: number }[];
    expect(listed.map((r) => r.rating)).toEqual([4, 4, 4, 4, 4]);
  });

  it('then an undo appended after the snapshot was cached still takes back only the one review', () => {
    const home = tempHome();
    const file = join(home, 'reviews.jsonl');
    const first = new DrillSession(reviewLogSink(file), new Map<string, CardState>(), 0.9, () => SAME_MOMENT);
    const second = new DrillSession(reviewLogSink(file), new Map<string, CardState>(), 0.9, () => SAME_MOMENT);
    first.grade(question, 1, '', 1000);
    second.grade(question, 4, '', 1000);
    expect(readReviewHistory(file, join(home, 'cache'), FSRS_REPLAY).reviews().group).toHaveLength(2);
    second.undo();
    expect([...readReviewHistory(file, join(home, 'cache'), FSRS_REPLAY).reviews().rating]).toEqual([1]);
  });
});

describe('when a log was written before reviews had ids', () => {
  it('then its reviews read, get a stable derived id, and its old undo records still take back their review', () => {
    const folder = tempDir();
    const file = join(folder, 'reviews.jsonl');
    const [a, b] = [review(1, 2, 3), review(2, 1, 1)];
    writeFileSync(
      file,
      `${LOG_HEADER}\n${JSON.stringify(a)}\n${JSON.stringify(b)}\n${JSON.stringify({ undo: b.reviewedAt, questionId: b.questionId })}\n`,
    );
    expect(readReviewLog(file).reviews).toEqual([a]);
    expect(reviewFacts(readReviewHistory(file, join(folder, 'cache'), FSRS_REPLAY).reviews()).map((r) => r.questionId)).toEqual([
      'kubeflow/1',
    ]);
    // A new drill appends an id-bearing review to the old log; undoing it leaves the old review alone.
    const session = new DrillSession(reviewLogSink(file), new Map<string, CardState>(), 0.9, () => new Date(a.reviewedAt));
    session.grade({ ...question, id: a.questionId, question: a.question }, 2, '', 1000);
    session.undo();
    expect(readReviewLog(file).reviews).toEqual([a]);
    const undo = JSON.parse(readFileSync(file, 'utf8').trimEnd().split('\n').at(-1)!) as Record<string, unknown>;
    expect(undo).toMatchObject({ undo: a.reviewedAt, questionId: a.questionId, id: expect.any(String) });
  });
});
