// Checks before kfq writes to the review log, apart from the log's format
// (reviewLog.ts): it must be a regular file, kfq must be able to append to it,
// and it must be a review log. A symlinked log is followed (that is how people
// keep it in a synced folder), so these checks are what guard the file it
// points to: a link to a file that is not a review log is refused, untouched.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { StorageError } from '../errors.js';
import { describeFsError } from './files.js';
import { kindOf, notRegularFile } from './fileType.js';
import { isObject, isRating } from './records.js';

const SCAN_BYTES = 1 << 20;
const HINT = 'check the file and its permissions, or set KFQ_HOME to another folder (see kfq paths)';

/**
 * Before the first question of a drill or mock: the log can be appended to
 * (not read-only, not a FIFO or device) and, if it has content, is a review
 * log; so no answer is typed only to be lost.
 */
export function checkLogAppendable(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // Created with its header by the first append; the folder was checked.
    if (code === 'ENXIO') throw notRegularFile(file, 'the review log', 'a FIFO (named pipe)');
    throw new StorageError(`cannot write the review log ${file}: ${describeFsError(error)}`, { hint: HINT, cause: error });
  }
  try {
    checkAppendTarget(fd, file);
  } finally {
    closeSync(fd);
  }
  const readable = openForScan(file);
  try {
    checkIsReviewLog(readable, file);
  } finally {
    closeSync(readable);
  }
}

/** On the descriptor about to be appended to: a regular file. */
export function checkAppendTarget(fd: number, file: string): void {
  const stats = fstatSync(fd);
  if (!stats.isFile()) throw notRegularFile(file, 'the review log', kindOf(stats));
}

/**
 * A non-empty file in which not one line is a kfq record (a header, a review,
 * an undo) is not a review log: refused, so kfq never appends to, say, a file
 * a symlink points at by mistake. A log that starts with kfq's header is
 * known at once; any other is read until a record turns up.
 */
export function checkIsReviewLog(fd: number, file: string): void {
  const size = fstatSync(fd).size;
  if (size === 0 || startsWithHeader(fd)) return;
  const buffer = Buffer.allocUnsafe(SCAN_BYTES);
  let carry = '';
  for (let position = 0; position < size;) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
    if (read === 0) break;
    position += read;
    const text = carry + buffer.subarray(0, read).toString('utf8');
    const cut = position < size ? text.lastIndexOf('\n') + 1 : text.length;
    carry = text.slice(cut);
    if (text.slice(0, cut).split('\n').some(isKfqRecord)) return;
  }
  throw new StorageError(`${file} is not a kfq review log (no line in it is a kfq record); kfq did not write to it`, {
    hint: 'if the review log is a symlink, point it at a kfq review log; or set KFQ_HOME to another folder (see kfq paths)',
  });
}

/** A header, a review or an undo record, by the fields that say so (reviewLog.ts checks the rest when reading). */
function isKfqRecord(line: string): boolean {
  if (!line.trimStart().startsWith('{')) return false;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return false;
  }
  if (!isObject(record)) return false;
  if (record.kfq === 'review-log') return true;
  if (typeof record.undo === 'string' && typeof record.questionId === 'string') return true;
  return typeof record.questionId === 'string' && isRating(record.rating) && typeof record.reviewedAt === 'string';
}

function startsWithHeader(fd: number): boolean {
  const buffer = Buffer.alloc(256);
  const length = readSync(fd, buffer, 0, buffer.length, 0);
  return /^\s*\{"kfq":"review-log","version":\d+\}/.test(buffer.subarray(0, length).toString('utf8'));
}

function openForScan(file: string): number {
  try {
    return openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new StorageError(`cannot read the review log ${file}: ${describeFsError(error)}`, { hint: HINT, cause: error });
  }
}
