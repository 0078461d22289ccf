// The review log read as a stream: a few megabytes at a time, so a log of
// several gigabytes is read in constant memory (one string of a whole log
// cannot pass V8's 512 MB limit). For history and export --history.
import { closeSync, fstatSync, readSync } from 'node:fs';
import { StorageError } from '../errors.js';
import { describeFsError } from './files.js';
import { openRegularFile } from './fileType.js';
import { isUndone, parseLogLines, REVIEW_LOG_HINT, type LogLines, type ReviewLogProblem } from './reviewLog.js';
import { type Review } from '../model/review.js';

const CHUNK_BYTES = 4 << 20;

export interface LogScan {
  /** Bytes read: pass it as `end` to read the same stretch again. */
  end: number;
  /** What each undo record names (a review id, or an older log's question and time): see isUndone. */
  undone: Set<string>;
  /** Damaged lines: filled in by forEachReview. */
  problems: ReviewLogProblem[];
}

/**
 * Calls `onChunk` with the log's bytes in order, a stretch of whole lines at a
 * time (the last may lack its newline), with the number of its first line, up
 * to `end` bytes (default: the size when opened). A missing log is empty; a
 * FIFO or device in its place throws StorageError. Returns the bytes read.
 */
async function forEachLogChunk(
  file: string,
  onChunk: (bytes: Buffer, firstLine: number) => void | Promise<void>,
  end?: number,
): Promise<number> {
  let fd: number | undefined;
  try {
    fd = openRegularFile(file, 'the review log');
    if (fd === undefined) return 0;
    const size = end ?? fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let carry = Buffer.alloc(0);
    let line = 1;
    for (let position = 0; position < size;) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      if (read === 0) break;
      position += read;
      const bytes = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      const lastNewline = bytes.lastIndexOf(0x0a);
      carry = Buffer.from(lastNewline === -1 ? bytes : bytes.subarray(lastNewline + 1));
      if (lastNewline !== -1) {
        const whole = bytes.subarray(0, lastNewline + 1);
        await onChunk(whole, line);
        line += countLines(whole);
      }
    }
    if (carry.length > 0) await onChunk(carry, line);
    return size;
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`cannot read the review log ${file}: ${describeFsError(error)}`, { hint: REVIEW_LOG_HINT, cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The records of the log's lines, a batch of whole lines at a time (see forEachLogChunk). */
export function forEachLogBatch(file: string, onBatch: (batch: LogLines) => void | Promise<void>, end?: number): Promise<number> {
  return forEachLogChunk(file, (bytes, firstLine) => onBatch(parseLogLines(bytes.toString('utf8'), file, firstLine)), end);
}

/** Every damaged line of the log, read as a stream. */
export async function logProblems(file: string): Promise<ReviewLogProblem[]> {
  const problems: ReviewLogProblem[] = [];
  await forEachLogBatch(file, (batch) => {
    for (const problem of batch.problems) problems.push(problem);
  });
  return problems;
}

/**
 * First pass: which reviews were undone. Only lines that mention "undo" are
 * parsed, so this costs a fraction of the second pass.
 */
export async function scanLog(file: string): Promise<LogScan> {
  const undone = new Set<string>();
  const end = await forEachLogChunk(file, (bytes, firstLine) => {
    // A log from a newer kfq is refused here, before any output is written.
    if (firstLine === 1) parseLogLines(bytes.subarray(0, bytes.indexOf(0x0a) + 1 || bytes.length).toString('utf8'), file);
    const lines: string[] = [];
    for (let at = bytes.indexOf(UNDO); at !== -1;) {
      const start = bytes.lastIndexOf(0x0a, at) + 1;
      const newline = bytes.indexOf(0x0a, at);
      const stop = newline === -1 ? bytes.length : newline;
      lines.push(bytes.subarray(start, stop).toString('utf8'));
      at = newline === -1 ? -1 : bytes.indexOf(UNDO, stop);
    }
    if (lines.length > 0) for (const key of parseLogLines(`${lines.join('\n')}\n`, file).undone) undone.add(key);
  });
  return { end, undone, problems: [] };
}

const UNDO = Buffer.from('"undo"');

/** Second pass: every review not undone, in log order, a batch at a time. */
export async function forEachReview(file: string, scan: LogScan, onReviews: (reviews: Review[]) => void | Promise<void>): Promise<void> {
  await forEachLogBatch(
    file,
    (batch) => {
      for (const problem of batch.problems) scan.problems.push(problem);
      return onReviews(batch.reviews.filter((review) => !isUndone(review, scan.undone)));
    },
    scan.end,
  );
}

function countLines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(0x0a); index !== -1; index = bytes.indexOf(0x0a, index + 1)) count++;
  return count;
}
