// The search index of the loaded decks, each deck's part kept in the cache
// beside its parsed deck: reading it back is far quicker than building it.
import { join } from 'node:path';
import type { Deck } from '../model/deck.js';
import { cacheName, readCache, writeCache } from '../store/cacheFile.js';
import { buildWordIndexOf, combineSearchIndexes, type SearchIndex } from './index.js';
import { FIELD_COUNT, type WordIndex } from './wordIndex.js';

/** `contentHashes`: of the decks loaded through the deck cache; only those have their index cached. */
export function loadSearchIndex(decks: readonly Deck[], cacheDir: string, contentHashes: ReadonlyMap<Deck, string>): SearchIndex {
  return combineSearchIndexes(
    decks.map((deck) => ({ questions: deck.questions, words: wordIndexOf(deck, cacheDir, contentHashes.get(deck)) })),
  );
}

function wordIndexOf(deck: Deck, cacheDir: string, contentHash: string | undefined): WordIndex {
  if (contentHash === undefined) return buildWordIndexOf(deck.questions);
  const file = join(cacheDir, `search-${cacheName(deck.path)}`);
  const key = JSON.stringify(['search-words', deck.path, deck.slug, contentHash]);
  const cached = readCache<WordIndex>(file, key);
  if (cached && fits(cached, deck)) return cached;
  const built = buildWordIndexOf(deck.questions);
  writeCache(file, key, built);
  return built;
}

/** A last guard: the checksum already proved the bytes are what this build wrote. */
function fits(index: WordIndex, deck: Deck): boolean {
  return (
    index.docCount === deck.questions.length &&
    Array.isArray(index.terms) &&
    index.offsets instanceof Uint32Array &&
    index.offsets.length === index.terms.length + 1 &&
    index.docs instanceof Uint32Array &&
    index.freqs instanceof Uint8Array &&
    index.freqs.length === index.docs.length * FIELD_COUNT &&
    index.lengths instanceof Uint16Array &&
    index.lengths.length === index.docCount * FIELD_COUNT &&
    Array.isArray(index.fieldTotals) &&
    Array.isArray(index.surfaces) &&
    index.surfaceTerms instanceof Uint32Array &&
    index.surfaceTerms.length === index.surfaces.length
  );
}
