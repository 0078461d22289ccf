// How search splits text into words and brings each word to the form the index
// keeps: lower case, stemmed, so "deployments" finds "deploy". Words joined by
// - / & . + or an apostrophe ("A/B", "CI/CD", "W&B", "sha-1") count as their
// parts and also as one joined word ("ab", "cicd", "wb", "sha1").
import { stemmer } from 'stemmer';

export interface TextWord {
  /** Lower case, as written. */
  word: string;
  /** Character offsets in the text: [start, end). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const JOINED = /[\p{L}\p{M}\p{N}_]+(?:[-/&.+'’][\p{L}\p{M}\p{N}_]+)+/gu;

/** The words of a text in order, single letters left out (they name nothing on their own). */
export function textWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    if (match[0].length > 1) words.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}

/** The joined forms of a text's compounds ("a/b" gives "ab"), each with the span it covers. */
export function joinedWords(text: string): TextWord[] {
  const words: TextWord[] = [];
  for (const match of text.toLowerCase().matchAll(JOINED)) {
    const word = match[0].replace(/[-/&.+'’]/g, '');
    words.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return words;
}

const stems = new Map<string, string>();

/** The indexed form of a lower-case word: its Porter stem. */
export function normalizeWord(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size < 100_000) stems.set(word, stem);
  }
  return stem;
}
