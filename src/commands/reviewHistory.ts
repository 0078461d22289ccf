// What drill, mock and stats do to read the review history. Not in shared.ts:
// it loads the scheduler (ts-fsrs), which list, show and search never need.
import { readReviewHistory, type ReviewHistory } from '../store/cardSnapshot.js';
import type { KfqPaths } from '../store/paths.js';
import { note } from '../ui/output.js';

/** The review history, saying so on stderr when a big stretch of it must be read first: a million reviews take a quarter of a minute, once. */
export function readHistory(paths: KfqPaths): ReviewHistory {
  return readReviewHistory(paths.history, paths.cache, {
    onLongRead: (bytes) => note(`kfq: reading ${Math.round(bytes / (1 << 20))} MB of review history once to index it; later starts are quick…`),
  });
}
