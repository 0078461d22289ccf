// The one door to fuse.js: kfq's search imports it from here, and the one place
// it reaches into fuse.js's internals is below, so a version bump touches this file.
import Fuse from 'fuse.js';

export { Fuse };
export type { FuseResult, FuseResultMatch } from 'fuse.js';

/**
 * fuse.js computes IDF from the documents it is given; a search over a few
 * candidates is given the whole collection's counts instead. This sets a field
 * of fuse.js 7.5 (pinned in package.json); test/unit/search/index.test.ts proves the
 * ranking equals a plain fuse.js search over every question.
 */
export function useCollectionStatistics<Document>(fuse: Fuse<Document>, df: Map<string, number>, fieldCount: number): void {
  const internals = fuse as unknown as { _invertedIndex: { df: Map<string, number>; fieldCount: number } | null };
  if (!internals._invertedIndex) throw new Error('fuse.js token search has changed: update useCollectionStatistics');
  internals._invertedIndex = { df, fieldCount };
}
