// The review log's promises, each proved on real files, with real processes
// where a crash or a second writer is the point.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../../src/errors.js';
import { appendReview, readReviewLog, undoReview } from '../../../src/store/reviewLog.js';
import { type Review } from '../../../src/model/review.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function review(n: number, overrides: Partial<Review> = {}): Review {
  return {
    questionId: `kubeflow/${n}`,
    deck: 'kubeflow',
    number: n,
    question: `Question ${n}?`,
    rating: 3,
    reviewedAt: new Date(Date.UTC(2025, 0, 1, 10, 0, n)).toISOString(),
    durationMs: 1000 + n,
    answer: `answer ${n}`,
    mode: 'drill',
    ...overrides,
  };
}

let file: string;
beforeEach(() => {
  file = join(mkdtempSync(join(tmpdir(), 'kfq-log-')), 'reviews.jsonl');
});

describe('appending and reading', () => {
  it('reads a missing file as an empty log', () => {
    expect(readReviewLog(file)).toEqual({ reviews: [], problems: [] });
  });

  it('starts a new file with a header carrying the format version, then one JSON line per review', () => {
    appendReview(file, review(1));
    appendReview(file, review(2, { rating: 1, answer: 'line "quoted"\nand more', mode: 'mock' }));
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toBe('{"kfq":"review-log","version":1}');
    expect(lines).toHaveLength(4); // header, two reviews, and the final newline
    expect(readReviewLog(file)).toEqual({
      reviews: [review(1), review(2, { rating: 1, answer: 'line "quoted"\nand more', mode: 'mock' })],
      problems: [],
    });
  });

  it('refuses to write into a folder with a StorageError', () => {
    expect(() => appendReview(join(file, 'missing-folder', 'reviews.jsonl'), review(1))).toThrow(StorageError);
  });
});

describe('damaged lines', () => {
  it('reports each with its line number, skips it, and never changes the file', () => {
    appendReview(file, review(1));
    appendFileSync(file, 'this is not json\n{"questionId":"kubeflow/9","rating":7}\n[1,2]\n');
    appendReview(file, review(2));
    const before = readFileSync(file);
    const log = readReviewLog(file);
    expect(log.reviews).toEqual([review(1), review(2)]);
    expect(log.problems).toEqual([
      { line: 3, message: 'not valid JSON (edited by hand?), skipped' },
      {
        line: 4,
        message: expect.stringMatching(
          /^not a review: deck, number, question, rating, reviewedAt, durationMs, answer, mode missing or invalid/,
        ),
      },
      { line: 5, message: 'not a review: not an object, skipped' },
    ]);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps the next review whole after a line cut short by a crash, and keeps the cut line', () => {
    appendReview(file, review(1));
    const cut = JSON.stringify(review(2)).slice(0, 40);
    appendFileSync(file, cut);
    const before = readFileSync(file, 'utf8');
    expect(readReviewLog(file).problems).toEqual([{ line: 3, message: 'incomplete line (cut short by a crash?), skipped' }]);

    appendReview(file, review(3));
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.split('\n')[2]).toBe(cut);
    const log = readReviewLog(file);
    expect(log.reviews).toEqual([review(1), review(3)]);
    expect(log.problems).toEqual([{ line: 3, message: 'not valid JSON (edited by hand?), skipped' }]);
  });

  it('ignores blank lines and Windows line ends left by an editor', () => {
    writeFileSync(file, `{"kfq":"review-log","version":1}\r\n\r\n${JSON.stringify(review(1))}\r\n`);
    expect(readReviewLog(file)).toEqual({ reviews: [review(1)], problems: [] });
  });
});

describe('a log from a newer kfq', () => {
  it('is refused with a clear message by both reading and appending, and left untouched', () => {
    const text = `{"kfq":"review-log","version":2}\n{"some":"future record"}\n`;
    writeFileSync(file, text);
    expect(() => readReviewLog(file)).toThrow(StorageError);
    expect(() => readReviewLog(file)).toThrow(/newer kfq \(format version 2; this kfq reads up to version 1\)/);
    expect(() => appendReview(file, review(1))).toThrow(/newer kfq/);
    expect(() => undoReview(file, review(1))).toThrow(StorageError);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('undo', () => {
  it('appends an undo record instead of rewriting, and the undone review is left out', () => {
    appendReview(file, review(1));
    appendReview(file, review(2));
    appendReview(file, review(3));
    const before = readFileSync(file, 'utf8');
    undoReview(file, review(2));
    const after = readFileSync(file, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(JSON.parse(after.trimEnd().split('\n').at(-1)!)).toEqual({ undo: review(2).reviewedAt, questionId: 'kubeflow/2' });
    expect(readReviewLog(file).reviews).toEqual([review(1), review(3)]);
  });

  it('only takes back the review of that question at that moment', () => {
    appendReview(file, review(1));
    appendReview(file, review(1, { reviewedAt: '2025-01-02T10:00:00.000Z', rating: 1 }));
    undoReview(file, { questionId: 'kubeflow/1', reviewedAt: '2025-01-02T10:00:00.000Z' });
    expect(readReviewLog(file).reviews).toEqual([review(1)]);
  });
});

// A child process that appends reviews `<tag>/0`, `<tag>/1`, … (forever when
// count is 0) and prints each index once appendReview has returned.
const writerSource = `
import { appendReview } from './src/store/reviewLog.ts';
const [file, tag, count] = process.argv.slice(2);
for (let i = 0; Number(count) === 0 || i < Number(count); i++) {
  appendReview(file, {
    questionId: tag + '/' + i, deck: tag, number: i, question: 'Question ' + i + '?', rating: (i % 4) + 1,
    reviewedAt: new Date().toISOString(), durationMs: i, answer: 'typed answer '.repeat(i % 40), mode: 'drill',
  });
  process.stdout.write(i + '\\n');
}
`;
let writer: string;

beforeAll(() => {
  writer = join(mkdtempSync(join(tmpdir(), 'kfq-writer-')), 'writer.mjs');
  buildSync({
    stdin: { contents: writerSource, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: writer,
    logLevel: 'error',
  });
});

function startWriter(
  tag: string,
  count: number,
): { child: ReturnType<typeof spawn>; acknowledged: () => number; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [writer, file, tag, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Only whole lines count: a number cut in the pipe was not fully printed.
  const acknowledged = (): number => output.split('\n').slice(0, -1).length;
  return { child, acknowledged, exited };
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('crashes and concurrent writers (real processes)', () => {
  it('loses at most the review in flight when the writer is killed with SIGKILL', async () => {
    for (const [round, after] of [20, 57, 133].entries()) {
      const tag = `kill${round}`;
      const run = startWriter(tag, 0);
      await waitUntil(() => run.acknowledged() >= after);
      run.child.kill('SIGKILL');
      await run.exited;
      const acknowledged = run.acknowledged();

      const log = readReviewLog(file);
      // Every complete line parses; only a last line cut mid-write may be reported.
      expect(log.problems.filter((problem) => !problem.message.startsWith('incomplete'))).toEqual([]);
      const ids = log.reviews.filter((r) => r.deck === tag).map((r) => r.questionId);
      const expected = Array.from({ length: acknowledged }, (_, i) => `${tag}/${i}`);
      expect(ids.slice(0, acknowledged)).toEqual(expected);
      expect(ids.length - acknowledged).toBeLessThanOrEqual(1);
    }
  });

  it('keeps every review of two processes appending at the same time', async () => {
    const count = 150;
    const first = startWriter('a', count);
    const second = startWriter('b', count);
    expect(await Promise.all([first.exited, second.exited])).toEqual([0, 0]);
    const log = readReviewLog(file);
    expect(log.problems).toEqual([]);
    for (const tag of ['a', 'b']) {
      expect(log.reviews.filter((r) => r.deck === tag).map((r) => r.questionId)).toEqual(
        Array.from({ length: count }, (_, i) => `${tag}/${i}`),
      );
    }
  });
});
