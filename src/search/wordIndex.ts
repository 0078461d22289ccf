// An inverted index of the words of each question's searchable fields, kept
// compact (typed arrays) so a big deck's index is cached and read back quickly.
// Terms are stems; the words as written ("surfaces") are kept too, because
// typos and prefixes are matched on what people type, not on stems
// ("deploymnet" is one letter from "deployment", far from "deploy").
import { editDistance, typoAllowance } from '../deck/terms.js';
import { lowerBound, normalizeWord, scanWords } from './words.js';

/** question, answer, category */
export const FIELD_COUNT = 3;

export interface WordIndex {
  docCount: number;
  /** Stems, sorted. */
  terms: string[];
  /** The documents holding term t: docs[offsets[t]] up to docs[offsets[t + 1]], ascending. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** Per posting, how often the term occurs in each field (capped at 255). */
  freqs: Uint8Array;
  /** Per document and field, the number of words (capped at 65,535). */
  lengths: Uint16Array;
  /** Per field, the total number of words: for average lengths. */
  fieldTotals: number[];
  /** Every word as written (lower case), sorted, and the term each one stems to. */
  surfaces: string[];
  surfaceTerms: Uint32Array;
}

/** `fieldsOf(doc)` is called once per document, so the texts need not all be in memory at once. */
export function buildWordIndex(docCount: number, fieldsOf: (doc: number) => readonly string[]): WordIndex {
  const terms = new TermTable();
  // Every (term, document) pair, documents in order: where each document's pairs start.
  const pairs = new PairList();
  const docStarts = new Uint32Array(docCount + 1);
  // The current document's terms in order of first sight, and their counts per field.
  const docTerms: number[] = [];
  let docFreqs = new Uint8Array(FIELD_COUNT * 256);
  // Per term, the document it was last seen in and its place in docTerms there.
  let lastDoc: Int32Array = new Int32Array(1024).fill(-1);
  let lastSlot: Uint32Array = new Uint32Array(1024);
  const lengths = new Uint16Array(docCount * FIELD_COUNT);
  const fieldTotals = new Array<number>(FIELD_COUNT).fill(0);
  let doc = 0;
  let field = 0;
  let words = 0;

  const visit = (word: string, joined: boolean): void => {
    if (!joined) words++;
    const term = terms.idOf(word);
    if (term === lastDoc.length) {
      const grown = new Int32Array(term * 2).fill(-1);
      grown.set(lastDoc);
      lastDoc = grown;
      lastSlot = grow(lastSlot);
    }
    let slot = lastSlot[term]!;
    if (lastDoc[term] !== doc) {
      slot = docTerms.length;
      docTerms.push(term);
      lastDoc[term] = doc;
      lastSlot[term] = slot;
      if ((slot + 1) * FIELD_COUNT > docFreqs.length) {
        const bigger = new Uint8Array(docFreqs.length * 2);
        bigger.set(docFreqs);
        docFreqs = bigger;
      }
    }
    const at = slot * FIELD_COUNT + field;
    if (docFreqs[at]! < 255) docFreqs[at]!++;
  };

  for (doc = 0; doc < docCount; doc++) {
    const fields = fieldsOf(doc);
    for (field = 0; field < FIELD_COUNT; field++) {
      words = 0;
      scanWords((fields[field] ?? '').toLowerCase(), visit);
      lengths[doc * FIELD_COUNT + field] = Math.min(words, 65_535);
      fieldTotals[field]! += words;
    }
    docTerms.forEach((term, slot) => pairs.push(term, docFreqs, slot * FIELD_COUNT));
    docFreqs.fill(0, 0, docTerms.length * FIELD_COUNT);
    docTerms.length = 0;
    docStarts[doc + 1] = pairs.length;
  }
  const { terms: sortedTerms, offsets, docs, freqs, surfaces, surfaceTerms } = postingsByTerm(terms, pairs, docStarts, docCount);
  return { docCount, terms: sortedTerms, offsets, docs, freqs, lengths, fieldTotals, surfaces, surfaceTerms };
}

/** Term ids by stem, and the term of each word as written (stemmed once per distinct word). */
class TermTable {
  /** Each term's stem, by id. */
  readonly names: string[] = [];
  readonly surfaceIds = new Map<string, number>();
  private readonly ids = new Map<string, number>();

  idOf(word: string): number {
    let term = this.surfaceIds.get(word);
    if (term === undefined) {
      const stem = normalizeWord(word);
      term = this.ids.get(stem);
      if (term === undefined) {
        term = this.names.length;
        this.ids.set(stem, term);
        this.names.push(stem);
      }
      this.surfaceIds.set(word, term);
    }
    return term;
  }
}

/** Terms in sorted order, postings grouped by term (a counting sort keeps docs ascending), and the words as written with their terms. */
function postingsByTerm(
  terms: TermTable,
  pairs: PairList,
  docStarts: Uint32Array,
  docCount: number,
): Pick<WordIndex, 'terms' | 'offsets' | 'docs' | 'freqs' | 'surfaces' | 'surfaceTerms'> {
  const termNames = terms.names;
  const order = termNames.map((_, id) => id).sort((a, b) => (termNames[a]! < termNames[b]! ? -1 : 1));
  const rank = new Uint32Array(termNames.length);
  order.forEach((id, position) => (rank[id] = position));
  const offsets = new Uint32Array(termNames.length + 1);
  for (let i = 0; i < pairs.length; i++) offsets[rank[pairs.term(i)]! + 1]!++;
  for (let t = 0; t < termNames.length; t++) offsets[t + 1]! += offsets[t]!;
  const fill = offsets.slice(0, termNames.length);
  const docs = new Uint32Array(pairs.length);
  const freqs = new Uint8Array(pairs.length * FIELD_COUNT);
  for (let d = 0; d < docCount; d++) {
    for (let i = docStarts[d]!; i < docStarts[d + 1]!; i++) {
      const at = fill[rank[pairs.term(i)]!]!++;
      docs[at] = d;
      pairs.copyFreqs(i, freqs, at * FIELD_COUNT);
    }
  }
  const surfaces = [...terms.surfaceIds.keys()].sort();
  const surfaceTerms = Uint32Array.from(surfaces, (surface) => rank[terms.surfaceIds.get(surface)!]!);
  return { terms: order.map((id) => termNames[id]!), offsets, docs, freqs, surfaces, surfaceTerms };
}

/**
 * (term, counts per field) pairs in blocks of fixed size: a list that grows
 * without copying, and without the spare room of an array grown by doubling.
 */
class PairList {
  private static readonly BLOCK_BITS = 16;
  private readonly terms: Uint32Array[] = [];
  private readonly freqs: Uint8Array[] = [];
  length = 0;

  push(term: number, freqs: Uint8Array, from: number): void {
    const block = this.length >>> PairList.BLOCK_BITS;
    const at = this.length & ((1 << PairList.BLOCK_BITS) - 1);
    if (at === 0) {
      this.terms.push(new Uint32Array(1 << PairList.BLOCK_BITS));
      this.freqs.push(new Uint8Array(FIELD_COUNT << PairList.BLOCK_BITS));
    }
    this.terms[block]![at] = term;
    for (let f = 0; f < FIELD_COUNT; f++) this.freqs[block]![at * FIELD_COUNT + f] = freqs[from + f]!;
    this.length++;
  }

  term(pair: number): number {
    return this.terms[pair >>> PairList.BLOCK_BITS]![pair & ((1 << PairList.BLOCK_BITS) - 1)]!;
  }

  copyFreqs(pair: number, to: Uint8Array, at: number): void {
    const block = this.freqs[pair >>> PairList.BLOCK_BITS]!;
    const from = (pair & ((1 << PairList.BLOCK_BITS) - 1)) * FIELD_COUNT;
    for (let f = 0; f < FIELD_COUNT; f++) to[at + f] = block[from + f]!;
  }
}

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The position of a term in `index.terms`, or -1. */
export function findTerm(index: WordIndex, term: string): number {
  const at = lowerBound(index.terms, term);
  return index.terms[at] === term ? at : -1;
}

export function documentCount(index: WordIndex, term: number): number {
  return index.offsets[term + 1]! - index.offsets[term]!;
}

/** A surface word near the one typed: its term and how many letters differ (0 for a completed prefix). */
export interface NearWord {
  term: number;
  surface: string;
  edits: number;
  prefix: boolean;
}

/** The shortest typed word that is also looked up as the start of longer words. */
const MIN_PREFIX = 3;

/** Proposes positions in `words` of every word within `edits` typing mistakes of `typed`, and maybe others besides. */
export type Speller = (words: readonly string[], typed: string, edits: number) => number[];

/**
 * The words of the index a typed word may stand for, besides its own stem:
 * words it is the start of and, given a speller, whole words within a few
 * typing mistakes (a letter test narrows, the speller proposes, the edit distance decides).
 */
export function nearWords(index: WordIndex, typed: string, speller?: Speller): NearWord[] {
  const near: NearWord[] = [];
  if (typed.length >= MIN_PREFIX) {
    for (let at = lowerBound(index.surfaces, typed); at < index.surfaces.length; at++) {
      const surface = index.surfaces[at]!;
      if (!surface.startsWith(typed)) break;
      if (surface !== typed) near.push({ term: index.surfaceTerms[at]!, surface, edits: 0, prefix: true });
    }
  }
  const edits = speller ? typoAllowance(typed.length) : 0;
  if (edits === 0) return near;
  const { byLength, masks } = lengthBuckets(index);
  const typedMask = letterMask(typed);
  const candidates: number[] = [];
  for (let length = typed.length - edits; length <= typed.length + edits; length++) {
    for (const at of byLength.get(length) ?? []) {
      // Each edit adds or takes away at most two letters of the alphabet: a cheap test before the speller's.
      if (bitCount(masks[at]! ^ typedMask) <= 2 * edits) candidates.push(at);
    }
  }
  if (candidates.length === 0) return near;
  for (const proposed of speller!(
    candidates.map((at) => index.surfaces[at]!),
    typed,
    edits,
  )) {
    const at = candidates[proposed]!;
    const surface = index.surfaces[at]!;
    if (surface === typed || surface.startsWith(typed)) continue;
    const distance = editDistance(typed, surface, edits);
    if (distance <= edits) near.push({ term: index.surfaceTerms[at]!, surface, edits: distance, prefix: false });
  }
  return near;
}

interface Buckets {
  /** Positions in `surfaces` by word length. */
  byLength: Map<number, number[]>;
  /** Per surface, which letters a–z (and, in six shared bits, digits) it holds. */
  masks: Uint32Array;
}

const buckets = new WeakMap<WordIndex, Buckets>();

function lengthBuckets(index: WordIndex): Buckets {
  let found = buckets.get(index);
  if (!found) {
    const byLength = new Map<number, number[]>();
    index.surfaces.forEach((surface, at) => {
      const list = byLength.get(surface.length);
      if (list) list.push(at);
      else byLength.set(surface.length, [at]);
    });
    found = { byLength, masks: Uint32Array.from(index.surfaces, letterMask) };
    buckets.set(index, found);
  }
  return found;
}

function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 97 && code <= 122) mask |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) mask |= 1 << (26 + ((code - 48) % 6));
  }
  return mask;
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
