// The review log: every graded answer, one JSON line each, in a file that is
// only ever appended to. It is the single source of truth for scheduling.
//
// Promises: a review is on disk (fsync) when appendReview returns; a crash
// loses at most the line being written; concurrent writers keep all their
// lines (one O_APPEND write per record); a damaged line is reported and
// skipped but never rewritten; a log from a newer kfq is refused, untouched.
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageError } from '../errors.js';
import type { Review, ReviewKey, ReviewSink } from '../model/review.js';
import { describeFsError, syncFolder, writeAll } from './files.js';
import { faultOf, isObject, isRating } from './records.js';
import { checkAppendTarget, checkIsReviewLog } from './reviewLogChecks.js';
import { quickReview, UsualLines, type ReviewKeyFields } from './reviewLine.js';

export const REVIEW_LOG_VERSION = 1;

export interface ReviewLogProblem {
  /** Set when several logs are read together (a sync folder). */
  file?: string;
  line: number;
  message: string;
}

export interface ReviewLogContents {
  /** In the order they were written. */
  reviews: Review[];
  problems: ReviewLogProblem[];
}

const HEADER = { kfq: 'review-log', version: REVIEW_LOG_VERSION };

/** The log as the sink a session writes its grades to. */
export function reviewLogSink(file: string): ReviewSink {
  return { append: (review) => appendReview(file, review), undo: (review) => undoReview(file, review) };
}

export function appendReview(file: string, review: Review): void {
  appendRecord(file, review);
}

/** The review's id; for a review logged before ids existed, one derived from its question and time (stable, and what old undo records name). */
export function reviewId(review: ReviewKey): string {
  return review.id ?? legacyReviewId(review.questionId, review.reviewedAt);
}

function legacyReviewId(questionId: string, reviewedAt: string): string {
  return `${questionId}@${reviewedAt}`;
}

/**
 * The keys an undo record may name this review by: its id, and for a review
 * with an id also the old key (question and time) that an older kfq's undo writes.
 */
export function undoKeysOf(review: ReviewKey): string[] {
  return review.id === undefined
    ? [legacyReviewId(review.questionId, review.reviewedAt)]
    : [review.id, legacyReviewId(review.questionId, review.reviewedAt)];
}

/** Whether an undo record in `undone` takes this review back. */
export function isUndone(review: ReviewKey, undone: ReadonlySet<string>): boolean {
  if (undone.size === 0) return false;
  if (review.id !== undefined && undone.has(review.id)) return true;
  return undone.has(legacyReviewId(review.questionId, review.reviewedAt));
}

/**
 * Takes a review back by appending an undo record naming its id; readReviewLog
 * then leaves the review out. The record keeps the old fields too, so an older
 * kfq still reads it as an undo.
 */
export function undoReview(file: string, review: ReviewKey): void {
  appendRecord(
    file,
    review.id === undefined
      ? { undo: review.reviewedAt, questionId: review.questionId }
      : { undo: review.reviewedAt, questionId: review.questionId, id: review.id },
  );
}

export function readReviewLog(file: string): ReviewLogContents {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reviews: [], problems: [] };
    throw storageError(`cannot read the review log ${file}`, error);
  }
  const { reviews, undone, problems } = parseLogLines(text, file);
  return { reviews: undone.size === 0 ? reviews : reviews.filter((review) => !isUndone(review, undone)), problems };
}

export interface LogLines<R extends ReviewKeyFields = Review> {
  /** In the order they were written, undone ones included. */
  reviews: R[];
  /** Each review's reviewedAt as epoch milliseconds, by the same index. */
  times: number[];
  /** What undo records name: review ids, or for old records the key legacy reviews are known by (see isUndone). */
  undone: Set<string>;
  problems: ReviewLogProblem[];
  /** How many line breaks the text holds. */
  newlines: number;
}

/**
 * The records in some whole lines of the log: `text` starts at line
 * `firstLine` and, unless it ends with a newline, runs to the end of the file.
 */
export function parseLogLines(text: string, file: string, firstLine = 1): LogLines {
  const parsed: LogLines = { reviews: [], times: [], undone: new Set(), problems: [], newlines: 0 };
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    parseLine(raw, parsed, { file, line: firstLine + index, cut: index === lines.length - 1 && !text.endsWith('\n') });
  });
  parsed.newlines = lines.length - 1;
  return parsed;
}

/**
 * What parseLogLines gives, but of each review only the fields that key it,
 * and of the usual lines (see reviewLine.ts) not even those: where they are.
 */
export interface LogKeys extends Omit<LogLines<ReviewKeyFields>, 'reviews' | 'times'> {
  usual: UsualLines;
  /** The reviews in log order: k >= 0 is usual line k, k < 0 is others[-1 - k]. */
  order: number[];
  /** Reviews of other lines, read from their text, and their times. */
  others: ReviewKeyFields[];
  otherTimes: number[];
}

/** What parseLogLines gives, as LogKeys (quicker: see reviewLine.ts). */
export function parseLogKeys(text: string, file: string, firstLine = 1): LogKeys {
  const usual = new UsualLines(text);
  const other: LogLines<ReviewKeyFields> = { reviews: [], times: [], undone: new Set(), problems: [], newlines: 0 };
  const order: number[] = [];
  let line = firstLine;
  for (let start = 0; start < text.length; line++) {
    let end = usual.add(start);
    if (end !== -1) {
      order.push(usual.count - 1);
    } else {
      const newline = text.indexOf('\n', start);
      end = newline === -1 ? text.length : newline;
      const raw = text.slice(start, end);
      const found = quickReview(raw);
      const before = other.reviews.length;
      if (found) {
        other.reviews.push(found.review);
        other.times.push(found.time);
      } else {
        parseLine(raw, other, { file, line, cut: newline === -1 });
      }
      if (other.reviews.length > before) order.push(-other.reviews.length);
    }
    start = end + 1;
  }
  // Each line read ended with a newline, but a last one cut short.
  const newlines = line - firstLine - (text.length > 0 && !text.endsWith('\n') ? 1 : 0);
  return { usual, order, others: other.reviews, otherTimes: other.times, undone: other.undone, problems: other.problems, newlines };
}

/** Adds what one line holds to `parsed`. */
function parseLine<R extends ReviewKeyFields>(raw: string, parsed: LogLines<R>, at: { file: string; line: number; cut: boolean }): void {
  const line = raw.trim();
  if (line === '') return;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    parsed.problems.push({
      line: at.line,
      message: at.cut ? 'incomplete line (cut short by a crash?), skipped' : 'not valid JSON (edited by hand?), skipped',
    });
    return;
  }
  if (isHeader(record)) {
    if (record.version > REVIEW_LOG_VERSION) throw newerVersion(at.file, record.version);
    return;
  }
  if (isUndo(record)) {
    parsed.undone.add(typeof record.id === 'string' ? record.id : legacyReviewId(record.questionId, record.undo));
    return;
  }
  const time = isObject(record) && typeof record.reviewedAt === 'string' ? Date.parse(record.reviewedAt) : NaN;
  const fault = reviewFault(record, time);
  if (fault) {
    parsed.problems.push({ line: at.line, message: `not a review: ${fault}, skipped` });
  } else {
    parsed.reviews.push(record as R);
    parsed.times.push(time);
  }
}

function appendRecord(file: string, record: object): void {
  let fd: number;
  try {
    fd = openSync(file, 'a+');
  } catch (error) {
    throw storageError(`cannot write the review log ${file}`, error);
  }
  try {
    checkAppendTarget(fd, file);
    const size = fstatSync(fd).size;
    let text = `${JSON.stringify(record)}\n`;
    if (size === 0) {
      text = `${JSON.stringify(HEADER)}\n${text}`;
    } else {
      const version = headerVersion(fd);
      if (version !== undefined && version > REVIEW_LOG_VERSION) throw newerVersion(file, version);
      checkIsReviewLog(fd, file);
      // A line cut by a crash must not swallow the start of this one.
      if (lastByte(fd, size) !== 0x0a) text = `\n${text}`;
    }
    // One write() call for the whole record: with O_APPEND the kernel places it at
    // the end in one piece, so records of concurrent writers do not interleave.
    writeAll(fd, Buffer.from(text, 'utf8'));
    fsyncSync(fd);
    if (size === 0) syncFolder(dirname(file));
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw storageError(`cannot write the review log ${file}`, error);
  } finally {
    closeSync(fd);
  }
}

/** The format version from the first line, if that line is a header. */
function headerVersion(fd: number): number | undefined {
  const buffer = Buffer.alloc(256);
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  const firstLine = buffer.subarray(0, length).toString('utf8').split('\n')[0] ?? '';
  try {
    const record: unknown = JSON.parse(firstLine);
    return isHeader(record) ? record.version : undefined;
  } catch {
    return undefined;
  }
}

function lastByte(fd: number, size: number): number | undefined {
  const buffer = Buffer.alloc(1);
  return readSync(fd, buffer, 0, 1, size - 1) === 1 ? buffer[0] : undefined;
}

function isHeader(record: unknown): record is { kfq: 'review-log'; version: number } {
  return isObject(record) && record.kfq === 'review-log' && typeof record.version === 'number';
}

function isUndo(record: unknown): record is { undo: string; questionId: string; id?: unknown } {
  return isObject(record) && typeof record.undo === 'string' && typeof record.questionId === 'string';
}

/** What each field of a review must be. */
const REVIEW_FIELDS: ReadonlyArray<readonly [keyof Review, (record: Record<string, unknown>, time: number) => boolean]> = [
  ['id', (record) => record.id === undefined || (typeof record.id === 'string' && record.id !== '')],
  ['questionId', (record) => typeof record.questionId === 'string' && record.questionId !== ''],
  ['deck', (record) => typeof record.deck === 'string'],
  ['number', (record) => Number.isInteger(record.number)],
  ['question', (record) => typeof record.question === 'string'],
  ['rating', (record) => isRating(record.rating)],
  ['reviewedAt', (_record, time) => !Number.isNaN(time)],
  ['durationMs', (record) => typeof record.durationMs === 'number' && record.durationMs >= 0],
  ['answer', (record) => typeof record.answer === 'string'],
  ['mode', (record) => record.mode === 'drill' || record.mode === 'mock'],
];

/** What is wrong with a record that should be a review (reviewedAt parsed as `time`), or undefined when nothing is. */
function reviewFault(record: unknown, time: number): string | undefined {
  if (!isObject(record)) return 'not an object';
  // Checked without building the list first: a log holds a million good reviews for each damaged one.
  if (REVIEW_FIELDS.every(([, valid]) => valid(record, time))) return undefined;
  return faultOf(REVIEW_FIELDS.map(([field, valid]) => [field, valid(record, time)]));
}

function newerVersion(file: string, version: number): StorageError {
  return new StorageError(
    `the review log ${file} was written by a newer kfq (format version ${version}; this kfq reads up to version ${REVIEW_LOG_VERSION}); it was left unchanged`,
    { hint: 'update kfq to the latest version to keep using this history' },
  );
}

/** What to do about a review log that cannot be read or written. */
export const REVIEW_LOG_HINT = 'check the file, or set KFQ_HOME to another folder (see kfq paths)';

function storageError(message: string, error: unknown): StorageError {
  return new StorageError(`${message}: ${describeFsError(error)}`, { hint: REVIEW_LOG_HINT, cause: error });
}
