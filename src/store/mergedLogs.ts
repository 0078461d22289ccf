// Reading the review history when it is spread over several logs (one per
// machine in a sync folder): the union of every log by review id, undo records
// of any log applied to reviews of any other, oldest first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '../errors.js';
import { describeFsError } from './files.js';
import type { KfqPaths } from './paths.js';
import {
  isUndone,
  parseLogLines,
  readReviewLog,
  REVIEW_LOG_HINT,
  reviewId,
  type ReviewLogContents,
  type ReviewLogProblem,
} from './reviewLog.js';
import { type Review } from '../model/review.js';

/** Every review not undone: the one log, or with a sync folder the union of every machine's log in time order. */
export function readAllReviews(paths: Pick<KfqPaths, 'history' | 'sync'>): ReviewLogContents {
  if (!paths.sync) return readReviewLog(paths.history);
  return mergeLogs(logFiles(paths.sync.reviews));
}

/** The machines' logs in a sync folder's reviews folder, by name. */
export function logFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new StorageError(`cannot read the reviews folder ${folder}: ${describeFsError(error)}`, { hint: REVIEW_LOG_HINT, cause: error });
  }
  return names
    .filter((name) => name.endsWith('.jsonl') && !name.startsWith('.'))
    .sort()
    .map((name) => join(folder, name));
}

export function mergeLogs(files: readonly string[]): ReviewLogContents {
  // Each review once, with its time, by position; byId gives the position of each id.
  const byId = new Map<string, number>();
  const kept: Review[] = [];
  const times: number[] = [];
  const undone = new Set<string>();
  const problems: ReviewLogProblem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new StorageError(`cannot read the review log ${file}: ${describeFsError(error)}`, { hint: REVIEW_LOG_HINT, cause: error });
    }
    const parsed = parseLogLines(text, file);
    for (const problem of parsed.problems) problems.push({ ...problem, file });
    for (const key of parsed.undone) undone.add(key);
    // The same review in two logs (a log copied into the folder twice) counts once.
    parsed.reviews.forEach((review, k) => {
      const id = reviewId(review);
      if (byId.has(id)) return;
      byId.set(id, kept.length);
      kept.push(review);
      times.push(parsed.times[k]!);
    });
  }
  const live = kept.flatMap((review, i) => (isUndone(review, undone) ? [] : [i]));
  live.sort((a, b) => times[a]! - times[b]! || a - b);
  const reviews = live.map((i) => kept[i]!);
  return { reviews, problems };
}
