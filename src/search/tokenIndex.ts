// An inverted index of the words in each searchable field, made the way
// fuse.js's token search splits text. It finds, for a query, the few
// documents worth handing to fuse.js, and estimates fuse.js's own score for
// each: fuse.js alone scans every document with a bit-parallel fuzzy matcher,
// ~50 µs each, 5 s for 100,000 questions.
//
// Fuse's token search scores a field by fuzzy-matching each query term in the
// field's text; the index matches each term against the vocabulary instead and
// takes, per field, the best-scoring word it contains. Apart from a match that
// spans two words (rare, and poor), that is the same number, so the estimate
// ranks documents as fuse.js would.
import { Fuse } from './fuse.js';

/** The searchable fields of a document, in the order of SEARCH_KEYS. */
export type Fields = readonly string[];

export interface TokenIndex {
  docCount: number;
  /** Fields per document (SEARCH_KEYS.length); a field is numbered doc * keyCount + key. */
  keyCount: number;
  /** Lower-case words, as fuse.js's analyzer splits text. */
  words: string[];
  /** The fields holding word w: postings[offsets[w]] up to postings[offsets[w + 1]]. */
  offsets: Uint32Array;
  postings: Uint32Array;
  /** fuse.js's length norm of each field; 0 for a blank field (fuse.js skips those). */
  norms: Float64Array;
  /** Fields with at least one word: fuse.js's `fieldCount`, for IDF. */
  fieldCount: number;
}

/** fuse.js's default token pattern (src/search/token/analyzer.ts). */
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/** `fieldsOf(doc)` is called once per document, so the texts need not all be in memory at once. */
export function buildTokenIndex(docCount: number, keyCount: number, fieldsOf: (doc: number) => Fields): TokenIndex {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const norms = new Float64Array(docCount * keyCount);
  let pairWords: Uint32Array = new Uint32Array(1 << 16);
  let pairFields: Uint32Array = new Uint32Array(1 << 16);
  let pairs = 0;
  let fieldCount = 0;
  const lastField: number[] = [];

  for (let doc = 0; doc < docCount; doc++) {
    const fields = fieldsOf(doc);
    for (let key = 0; key < keyCount; key++) {
      const text = fields[key] ?? '';
      const field = doc * keyCount + key;
      if (text.trim() === '') continue;
      norms[field] = fieldNorm(text);
      const tokens = tokenize(text);
      if (tokens.length > 0) fieldCount++;
      for (const token of tokens) {
        let id = ids.get(token);
        if (id === undefined) {
          id = words.length;
          ids.set(token, id);
          words.push(token);
          lastField.push(-1);
        }
        if (lastField[id] === field) continue;
        lastField[id] = field;
        if (pairs === pairWords.length) {
          pairWords = grow(pairWords);
          pairFields = grow(pairFields);
        }
        pairWords[pairs] = id;
        pairFields[pairs] = field;
        pairs++;
      }
    }
  }

  const offsets = new Uint32Array(words.length + 1);
  for (let i = 0; i < pairs; i++) offsets[pairWords[i]! + 1]!++;
  for (let w = 0; w < words.length; w++) offsets[w + 1]! += offsets[w]!;
  const fill = offsets.slice(0, words.length);
  const postings = new Uint32Array(pairs);
  for (let i = 0; i < pairs; i++) postings[fill[pairWords[i]!]!++] = pairFields[i]!;
  return { docCount, keyCount, words, offsets, postings, norms, fieldCount };
}

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** fuse.js's field-length norm (src/tools/fieldNorm.ts) with fieldNormWeight 1. */
function fieldNorm(text: string): number {
  let tokens = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const separator = (code >= 9 && code <= 13) || code === 32 || code === 160;
    if (!separator && !inWord) tokens++;
    inWord = !separator;
  }
  return Math.round(1000 / Math.sqrt(Math.max(tokens, 1))) / 1000;
}

/** How often a word occurs in the index's fields (its document frequency, per field). */
export function documentFrequency(index: TokenIndex, word: string): number {
  const id = vocabulary(index).get(word);
  return id === undefined ? 0 : index.offsets[id + 1]! - index.offsets[id]!;
}

export interface TermWeight {
  term: string;
  /** fuse.js's IDF weight of the term over the whole collection. */
  idf: number;
}

/**
 * Calls `visit` for every document with a field in which some term matches,
 * with the logarithm of the estimate of fuse.js's score (0 perfect, lower is
 * better, as fuse.js's score is): per field, 1 - Σ idf·(1 - term score) / Σ idf
 * over the terms (at least 0.001); per document, the product over its matched
 * fields of field score ^ (key weight · field norm).
 */
export function scoreDocuments(
  index: TokenIndex,
  terms: readonly TermWeight[],
  keyWeights: readonly number[],
  threshold: number,
  visit: (doc: number, score: number) => void,
): void {
  const totalIdf = terms.reduce((sum, term) => sum + term.idf, 0);
  const scratch = scratchOf(index);
  const { sums, termMarks, touched, docScores, docMarks } = scratch;
  let touchedCount = 0;

  for (const { term, idf } of terms) {
    const mark = ++scratch.mark;
    // Best words first, so a field takes the score of its best match.
    for (const { word, score } of matchingWords(index, term, threshold)) {
      const gain = idf * (1 - Math.max(score, 0.001));
      for (let i = index.offsets[word]!, end = index.offsets[word + 1]!; i < end; i++) {
        const field = index.postings[i]!;
        if (termMarks[field] === mark) continue;
        if (sums[field] === 0) touched[touchedCount++] = field;
        termMarks[field] = mark;
        sums[field]! += gain;
      }
    }
  }

  const docMark = ++scratch.mark;
  const docs: number[] = [];
  const keyCount = index.keyCount;
  for (let i = 0; i < touchedCount; i++) {
    const field = touched[i]!;
    const doc = (field / keyCount) | 0;
    const fieldScore = Math.max(0.001, 1 - sums[field]! / totalIdf);
    sums[field] = 0;
    // Summed as logarithms: one Math.log a field is cheaper than one power.
    const logFactor = keyWeights[field - doc * keyCount]! * index.norms[field]! * Math.log(fieldScore);
    if (docMarks[doc] === docMark) {
      docScores[doc]! += logFactor;
    } else {
      docMarks[doc] = docMark;
      docScores[doc] = logFactor;
      docs.push(doc);
    }
  }
  for (const doc of docs) visit(doc, docScores[doc]!);
}

/** Buffers reused from query to query: allocating them each time costs more than the search. */
interface Scratch {
  sums: Float64Array;
  termMarks: Int32Array;
  touched: Uint32Array;
  docScores: Float64Array;
  docMarks: Int32Array;
  mark: number;
}

const scratches = new WeakMap<TokenIndex, Scratch>();

function scratchOf(index: TokenIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    const fields = index.docCount * index.keyCount;
    scratch = {
      sums: new Float64Array(fields),
      termMarks: new Int32Array(fields),
      touched: new Uint32Array(fields),
      docScores: new Float64Array(index.docCount),
      docMarks: new Int32Array(index.docCount),
      mark: 0,
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** The vocabulary words a term fuzzily occurs in, with fuse.js's score for each, best first. */
function matchingWords(index: TokenIndex, term: string, threshold: number): { word: number; score: number }[] {
  const candidates = wordsThatMayMatch(index, term, threshold);
  const fuse = new Fuse(
    candidates.map((word) => index.words[word]!),
    // The words and the term are lower-case already.
    { includeScore: true, ignoreLocation: true, threshold, isCaseSensitive: true },
  );
  return fuse.search(term).map((result) => ({ word: candidates[result.refIndex]!, score: result.score ?? 0 }));
}

/**
 * Quick filters before the fuzzy matcher, which costs microseconds a word.
 * fuse.js accepts a word when some part of it is within threshold × length
 * edits of the term; each edit costs at most one letter of the term, so the
 * word must hold all but that many of the term's distinct letters, and share a
 * common subsequence that long with it.
 */
function wordsThatMayMatch(index: TokenIndex, term: string, threshold: number): number[] {
  const { masks, lengths } = letterMasksOf(index);
  const errors = Math.floor(threshold * term.length + 1e-9);
  const termMask = letterMask(term);
  const needed = bitCount(termMask) - errors;
  const minLength = term.length - errors;
  const subsequence = term.length <= 32 ? commonSubsequence(term) : () => term.length;
  const words: number[] = [];
  for (let word = 0; word < masks.length; word++) {
    if (lengths[word]! >= minLength && bitCount(masks[word]! & termMask) >= needed && subsequence(index.words[word]!) >= minLength) words.push(word);
  }
  return words;
}

/** The length of the longest common subsequence of `pattern` (≤ 32 characters) and a text, bit-parallel (Hyyrö 2004). */
function commonSubsequence(pattern: string): (text: string) => number {
  const positions = new Map<number, number>();
  for (let i = 0; i < pattern.length; i++) positions.set(pattern.charCodeAt(i), (positions.get(pattern.charCodeAt(i)) ?? 0) | (1 << i));
  const all = pattern.length === 32 ? -1 : (1 << pattern.length) - 1;
  return (text) => {
    let v = -1;
    for (let i = 0; i < text.length; i++) {
      const u = v & (positions.get(text.charCodeAt(i)) ?? 0);
      v = ((v + u) | (v - u)) | 0;
    }
    return pattern.length - bitCount(v & all);
  };
}

/** One bit per letter a–z, and six shared by the digits; other characters set none. */
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
  return (Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

// Derived lookups, built on first use and kept with the index object.
const vocabularies = new WeakMap<TokenIndex, Map<string, number>>();
const letterMasks = new WeakMap<TokenIndex, { masks: Uint32Array; lengths: Uint32Array }>();

function vocabulary(index: TokenIndex): Map<string, number> {
  let map = vocabularies.get(index);
  if (!map) {
    map = new Map(index.words.map((word, id) => [word, id]));
    vocabularies.set(index, map);
  }
  return map;
}

function letterMasksOf(index: TokenIndex): { masks: Uint32Array; lengths: Uint32Array } {
  let found = letterMasks.get(index);
  if (!found) {
    found = { masks: Uint32Array.from(index.words, letterMask), lengths: Uint32Array.from(index.words, (word) => word.length) };
    letterMasks.set(index, found);
  }
  return found;
}
