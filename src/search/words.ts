// How search splits text into words and brings each word to the form the index
// keeps: lower case, stemmed, so "deployments" finds "deploy". Words joined by
// - / & . + or an apostrophe ("A/B", "CI/CD", "W&B", "sha-1") count as their
// parts and also as one joined word ("ab", "cicd", "wb", "sha1"). Single
// letters are left out: they name nothing on their own.
import { makeWord } from '../deck/terms.js';

export interface TextWord {
  /** Lower case, as written (a joined word without its joiners). */
  word: string;
  /** Character offsets in the text: [start, end). */
  start: number;
  end: number;
}

/** The words of a text in order. */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  forEachWord(text, (word, start, end) => words.push({ word, start, end }));
  return words;
}

/** Each word of a text in order, as textWords gives them, without building the list. */
export function forEachWord(text: string, visit: (word: string, start: number, end: number) => void): void {
  const lower = text.toLowerCase();
  scan(
    lower,
    (start, end) => visit(lower.slice(start, end), start, end),
    () => {},
  );
}

/** The joined forms of a text's compounds, each with the span it covers. */
export function joinedWords(text: string): TextWord[] {
  const lower = text.toLowerCase();
  const words: TextWord[] = [];
  scan(
    lower,
    () => {},
    (start, end) => words.push({ word: lower.slice(start, end).replace(JOINERS, ''), start, end }),
  );
  return words;
}

/** Each word of a lower-case text, then each joined form, without building lists: the index reads every answer of a deck. */
export function scanWords(lower: string, visit: (word: string, joined: boolean) => void): void {
  scan(
    lower,
    (start, end) => visit(lower.slice(start, end), false),
    (start, end) => visit(lower.slice(start, end).replace(JOINERS, ''), true),
  );
}

/**
 * Word characters are letters, digits, and an underscore between two of them
 * (snake_case stays one word; _emphasis_ does not keep its underscores).
 */
function scan(lower: string, onWord: (start: number, end: number) => void, onJoined: (start: number, end: number) => void): void {
  const length = lower.length;
  let start = -1;
  let compoundStart = -1;
  let parts = 0;
  for (let at = 0; at <= length; at++) {
    const code = at < length ? lower.charCodeAt(at) : 32;
    if (isWordCode(code) || (code === 95 && start >= 0 && at + 1 < length && isWordCode(lower.charCodeAt(at + 1)))) {
      if (start < 0) start = at;
      continue;
    }
    if (start >= 0) {
      if (at - start > 1) onWord(start, at);
      if (compoundStart < 0) compoundStart = start;
      parts++;
      start = -1;
    }
    // A joiner between two word characters continues a compound; anything else ends it.
    if (parts > 0 && isJoiner(code) && at + 1 < length && isWordCode(lower.charCodeAt(at + 1))) continue;
    if (parts > 1) onJoined(compoundStart, at);
    compoundStart = -1;
    parts = 0;
  }
}

const JOINERS = /[-/&.+'’]/g;
const NON_ASCII_WORD = /[\p{L}\p{M}\p{N}]/u;

function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
  // Typographic punctuation (’ “ — …) is common in decks: told apart without the Unicode class, which is slow to compile.
  if (code >= 0x2000 && code <= 0x206f) return false;
  return NON_ASCII_WORD.test(String.fromCharCode(code));
}

function isJoiner(code: number): boolean {
  return code === 45 || code === 47 || code === 38 || code === 46 || code === 43 || code === 39 || code === 0x2019;
}

const stems = new Map<string, string>();

/** The indexed form of a lower-case word: its stem, as grading compares words (src/deck/terms.ts). */
export function normalizeWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = knownStem(word) ?? makeWord(word).stem;
    if (stems.size < 100_000) stems.set(word, stem);
  }
  return stem;
}

/** Words already stemmed by this code, as a search index keeps them (src/search/wordIndex.ts): sorted, each with its term. */
export interface StemmedWords {
  surfaces: readonly string[];
  surfaceTerms: Uint32Array;
  terms: readonly string[];
}

let known: readonly StemmedWords[] = [];

/**
 * The indexes being searched, whose words' stems normalizeWord looks up before
 * stemming: the stemmer compiles a dozen regular expressions on its first word,
 * a real share of a search's start, and a query's words are mostly the deck's.
 */
export function useKnownStems(indexes: readonly StemmedWords[]): void {
  known = indexes;
}

function knownStem(word: string): string | undefined {
  for (const index of known) {
    const at = lowerBound(index.surfaces, word);
    if (index.surfaces[at] === word) return index.terms[index.surfaceTerms[at]!];
  }
  return undefined;
}

/** The first position in a sorted list whose entry is not below `value`. */
export function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
