// Reading a sync folder's logs together: the union by review id, in time
// order, undo records of one machine applied to reviews of another.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeLogs } from '../../../src/store/mergedLogs.js';

const HEADER = JSON.stringify({ kfq: 'review-log', version: 1 });
const review = (id: string | undefined, minute: number, rating = 3) => ({
  ...(id === undefined ? {} : { id }),
  questionId: 'kubeflow/1',
  deck: 'kubeflow',
  number: 1,
  question: 'What is Kubeflow?',
  rating,
  reviewedAt: `2026-03-01T10:0${minute}:00.000Z`,
  durationMs: 1,
  answer: '',
  mode: 'drill',
});

function logFile(folder: string, name: string, records: object[]): string {
  const file = join(folder, name);
  writeFileSync(file, [HEADER, ...records.map((r) => JSON.stringify(r)), ''].join('\n'));
  return file;
}

describe("when several machines' logs are read together", () => {
  it('then every review counts once, in time order, and an undo on one machine takes back the review on another', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kfq-merge-'));
    const a = logFile(folder, 'a.jsonl', [review('a1', 1), review('a2', 4), review(undefined, 5, 1)]);
    const b = logFile(folder, 'b.jsonl', [
      review('b1', 2),
      review('a1', 1),
      { undo: review('a2', 4).reviewedAt, questionId: 'kubeflow/1', id: 'a2' },
    ]);
    // A log copied in twice (legacy reviews without ids included) adds nothing.
    const copy = logFile(folder, 'c.jsonl', [review(undefined, 5, 1)]);
    const { reviews, problems } = mergeLogs([a, b, copy]);
    expect(problems).toEqual([]);
    expect(reviews.map((r) => r.id ?? r.reviewedAt)).toEqual(['a1', 'b1', '2026-03-01T10:05:00.000Z']);
  });

  it('then a damaged line names its own file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kfq-merge-'));
    const a = join(folder, 'a.jsonl');
    writeFileSync(a, `${HEADER}\nnot json\n`);
    expect(mergeLogs([a]).problems).toEqual([{ file: a, line: 2, message: 'not valid JSON (edited by hand?), skipped' }]);
  });
});
