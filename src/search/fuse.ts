// fuse.js, kfq's fuzzy matcher, proposes the words a typed word may be a
// misspelling of; the caller keeps only whole words within its typo allowance.
// The only module that imports fuse.js: it is loaded only when a query holds a
// word the deck does not know.
import Fuse from 'fuse.js';
import type { Speller } from './wordIndex.js';

/**
 * Positions in `words` of every word within `edits` typing mistakes of `typed`
 * (a swap of neighbours counts one), and others besides.
 */
export const fuseSpeller: Speller = (words, typed, edits) => {
  // Bitap counts letters added, dropped or changed, and finds the typed word
  // anywhere inside a word: a word within `edits` (swaps included, two each)
  // holds it with at most twice as many, so this threshold proposes them all.
  const threshold = Math.min(1, (2 * edits) / typed.length);
  const fuse = new Fuse(words, { threshold, ignoreLocation: true, isCaseSensitive: true, shouldSort: false, ignoreFieldNorm: true });
  return fuse.search(typed).map((result) => result.refIndex);
};
