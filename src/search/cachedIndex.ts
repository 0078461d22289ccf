// The search index of the loaded decks, each deck's part kept in the cache
// beside its parsed deck: building it for 100,000 questions takes a second,
// reading it back a few milliseconds.
import { join } from 'node:path';
import type { Deck } from '../model/deck.js';
import { cacheName, readCache, writeCache } from '../store/cacheFile.js';
import { buildTokenIndexOf, combineSearchIndexes, SEARCH_KEYS, TOKEN_INDEX_FROM, type SearchIndex } from './index.js';
import type { TokenIndex } from './tokenIndex.js';

/** `contentHashes`: of the decks loaded through the deck cache; only those have their index cached. */
export function loadSearchIndex(decks: readonly Deck[], cacheDir: string, contentHashes: ReadonlyMap<Deck, string>): SearchIndex {
  const questions = decks.flatMap((deck) => deck.questions);
  if (questions.length < TOKEN_INDEX_FROM) return { questions };
  return combineSearchIndexes(decks.map((deck) => ({ questions: deck.questions, tokens: tokenIndexOf(deck, cacheDir, contentHashes.get(deck)) })));
}

function tokenIndexOf(deck: Deck, cacheDir: string, contentHash: string | undefined): TokenIndex {  if (contentHash === undefined) return buildTokenIndexOf(deck.questions);
  const file = join(cacheDir, `search-${cacheName(deck.path)}`);
  const key = JSON.stringify(['search', deck.path, deck.slug, contentHash]);
  const cached = readCache<TokenIndex>(file, key);
  if (cached && fits(cached, deck)) return cached;
  const built = buildTokenIndexOf(deck.questions);
  writeCache(file, key, built);
  return built;
}

/** A last guard: the checksum already proved the bytes are what this build wrote. */
function fits(index: TokenIndex, deck: Deck): boolean {
  return (
    index.docCount === deck.questions.length &&
    index.keyCount === SEARCH_KEYS.length &&
    Array.isArray(index.words) &&
    index.offsets instanceof Uint32Array &&
    index.offsets.length === index.words.length + 1 &&
    index.postings instanceof Uint32Array &&
    index.norms instanceof Float64Array &&
    index.norms.length === index.docCount * index.keyCount
  );
}
