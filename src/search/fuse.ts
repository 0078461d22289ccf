// fuse.js, kfq's fuzzy matcher, proposes the words of an index a typed word
// may be a misspelling of; the caller keeps only whole words within its typo
// allowance. The only module that imports fuse.js: it is loaded only when a
// query holds a word the deck does not know.
import Fuse, { type FuseIndex } from 'fuse.js';
import type { Speller } from './wordIndex.js';

/**
 * Proposes, for a typed word and a number of typing mistakes, positions in
 * `words` of every word within that many edits (a swap of neighbours counts
 * one), and others besides.
 */
export function fuseSpeller(words: readonly string[]): Speller {
  let index: FuseIndex<string> | undefined;
  const byThreshold = new Map<number, Fuse<string>>();
  return (typed, edits) => {
    // Bitap counts letters added, dropped or changed, and finds the typed word
    // anywhere inside a word: a word within `edits` (swaps included, two each)
    // holds it with at most twice as many, so this threshold proposes them all.
    const threshold = Math.min(1, (2 * edits) / typed.length);
    let fuse = byThreshold.get(threshold);
    if (!fuse) {
      index ??= Fuse.createIndex<string>([], [...words]);
      fuse = new Fuse([...words], { threshold, ignoreLocation: true, isCaseSensitive: true, shouldSort: false, ignoreFieldNorm: true }, index);
      byThreshold.set(threshold, fuse);
    }
    return fuse.search(typed).map((result) => result.refIndex);
  };
}
