// The review log read as a stream: a few megabytes at a time, so a log of
// several gigabytes is read in constant memory (one string of a whole log
// cannot pass V8's 512 MB limit). For history and export --history.
import { closeSync, fstatSync, readSync } from 'node:fs';
import { StorageError } from '../errors.js';
import { describeFsError } from './files.js';
import { openRegularFile } from './fileType.js';
import { parseLogLines, REVIEW_LOG_HINT, reviewKey, type LogLines, type Review, type ReviewLogProblem } from './reviewLog.js';

const CHUNK_BYTES = 4 << 20;

export interface LogScan {
  /** Bytes read: pass it as `end` to read the same stretch again. */
  end: number;
  /** reviewKey of every review an undo record takes back. */
  undone: Set<string>;
  problems: ReviewLogProblem[];
}

/**
 * Calls `onBatch` with the records of the log's lines in order, a batch of
 * whole lines at a time, up to `end` bytes (default: the size when opened).
 * A missing log is empty; a FIFO or device in its place throws StorageError.
 */
export async function forEachLogBatch(file: string, onBatch: (batch: LogLines) => void | Promise<void>, end?: number): Promise<number> {
  let fd: number | undefined;
  try {
    fd = openRegularFile(file, 'the review log');
    if (fd === undefined) return 0;
    const size = end ?? fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry = Buffer.alloc(0);
    let line = 1;
    for (let position = 0; position < size; ) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      if (read === 0) break;
      position += read;
      const bytes = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      const lastNewline = bytes.lastIndexOf(0x0a);
      const whole = lastNewline === -1 ? undefined : bytes.subarray(0, lastNewline + 1);
      carry = Buffer.from(lastNewline === -1 ? bytes : bytes.subarray(lastNewline + 1));
      if (whole) {
        const text = whole.toString('utf8');
        await onBatch(parseLogLines(text, file, line));
        line += countLines(whole);
      }
    }
    if (carry.length > 0) await onBatch(parseLogLines(carry.toString('utf8'), file, line));
    return size;
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`cannot read the review log ${file}: ${describeFsError(error)}`, { hint: REVIEW_LOG_HINT, cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** First pass: which reviews were undone, and the damaged lines. */
export async function scanLog(file: string): Promise<LogScan> {
  const undone = new Set<string>();
  const problems: ReviewLogProblem[] = [];
  const end = await forEachLogBatch(file, (batch) => {
    for (const key of batch.undone) undone.add(key);
    for (const problem of batch.problems) problems.push(problem);
  });
  return { end, undone, problems };
}

/** Second pass: every review not undone, in log order, a batch at a time. */
export async function forEachReview(file: string, scan: LogScan, onReviews: (reviews: Review[]) => void | Promise<void>): Promise<void> {
  await forEachLogBatch(
    file,
    (batch) => onReviews(batch.reviews.filter((review) => !isUndone(review, scan.undone))),
    scan.end,
  );
}

/** Whether an undo record took this review back. */
export function isUndone(review: Review, undone: Set<string>): boolean {
  return undone.has(reviewKey(review));
}

function countLines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) count++;
  return count;
}
