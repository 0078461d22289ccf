// Words as kfq compares them, for grading and search: each word with its stem
// (Porter, so "logs" meets "log" and "scaling" meets "scale"), matched with a
// typo allowance that grows with the word's length; multi-word terms matched
// as phrases in order, with one inserted word allowed and hyphen, space and
// joined spellings treated alike ("open-source", "open source", "opensource");
// and aliases ("HPA" for "Horizontal Pod Autoscaler") expanded both ways. Pure.
import { stemmer } from 'stemmer';

export interface Word {
  /** Lower case, British -ise spellings turned to -ize. */
  text: string;
  stem: string;
  /** Where the word starts in the text it came from. */
  index: number;
}

// Letters and digits; everything else (hyphens, slashes, dots, apostrophes) separates words.
const WORD = /[\p{L}\p{N}]+/gu;
// Longer than any real term; bounds the work on hostile input.
const MAX_PHRASE_WORDS = 8;

/** The words of a text, in order. A trailing possessive `'s` is dropped. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.replace(/['’]s\b/g, '').matchAll(WORD)) words.push(makeWord(match[0], match.index));
  return words;
}

export function makeWord(raw: string, index = 0): Word {
  const lower = raw.toLowerCase();
  let known = spelled.get(lower);
  if (!known) {
    const text = americanSpelling(lower);
    known = { text, stem: stemOf(text) };
    // A bounded memo: the same words come back in every answer of a session.
    if (spelled.size >= MAX_SPELLED) spelled.clear();
    spelled.set(lower, known);
  }
  return { text: known.text, stem: known.stem, index };
}

const spelled = new Map<string, { text: string; stem: string }>();
const MAX_SPELLED = 50_000;

/** The Porter stem of one lower-case word; words with digits stay as they are (k8s, s3, 1nf). */
export function stemOf(word: string): string {
  return /\d/.test(word) ? word : stemmer(word);
}

/** optimise, optimisation, containerised → optimize, optimization, containerized; short words are left alone. */
function americanSpelling(word: string): string {
  return word.length >= 7 ? word.replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1') : word;
}

/** How many edits a typed word may be from the expected one: none up to 4 letters, one up to 7, two beyond. */
export function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** The same word: same stem, same text, or within the typo allowance of the expected word's length. */
export function sameWord(expected: Word, typed: Word): boolean {
  if (expected.stem === typed.stem || expected.text === typed.text) return true;
  return similarText(expected.text, typed.text) || similarText(expected.stem, typed.stem, expected.text.length);
}

function similarText(expected: string, typed: string, length = expected.length): boolean {
  const allowed = typoAllowance(Math.min(length, expected.length + 2));
  if (allowed === 0 || Math.abs(expected.length - typed.length) > allowed || hasDigit(expected) || hasDigit(typed)) return false;
  return editDistance(expected, typed, allowed) <= allowed;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

// Rows of the distance table, reused: words are short, and this runs for every pair of words compared.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal string alignment distance (a swap of neighbours counts one), giving up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (b.length + 1 > rows[0]!.length) rows = rows.map(() => new Int32Array(b.length * 2 + 2));
  let [previous2, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  const outside = limit + 1;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    // Only cells within `limit` of the diagonal can stay within the limit.
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[0] = i;
    if (from > 1) current[from - 1] = outside;
    let rowMin = from === 1 ? i : outside;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(j < i + limit ? previous[j]! + 1 : outside, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1))
        value = Math.min(value, previous2[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (to < b.length) current[to + 1] = outside;
    if (rowMin > limit) return outside;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return Math.min(previous[b.length]!, outside);
}

// ── Phrases ──────────────────────────────────────────────────────────────────

/** Typed words ready to be searched many times: each expected word is compared with them once. */
export interface TypedWords {
  words: readonly Word[];
  /** joins[j]: words j and j + 1 written as one ("auto scaling" → "autoscaling"). */
  joins: readonly Word[];
  /** Expected word text → for each typed position: 1 when the word matches, 2 when the join starting there does. */
  found: Map<string, Uint8Array>;
}

export function typedWords(words: readonly Word[]): TypedWords {
  const joins = words.slice(0, -1).map((word, j) => joined(word, words[j + 1]!));
  return { words, joins, found: new Map() };
}

/** Where an expected word matches the typed words (see TypedWords.found). */
export function matchesOf(expected: Word, typed: TypedWords): Uint8Array {
  let found = typed.found.get(expected.text);
  if (!found) {
    found = new Uint8Array(typed.words.length);
    typed.words.forEach((word, j) => {
      if (sameWord(expected, word)) found![j]! |= 1;
      const join = typed.joins[j];
      if (join && sameWord(expected, join)) found![j]! |= 2;
    });
    typed.found.set(expected.text, found);
  }
  return found;
}

export interface PhraseMatch {
  /** Index of the first and one past the last typed word of the match. */
  start: number;
  end: number;
  /** The typed words that matched, as typed (lower case). */
  matched: string[];
}

/**
 * Finds `phrase` in `typed`: its words in order, each matching one typed word,
 * two neighbouring phrase words matching one joined typed word ("open source" /
 * "opensource") or one phrase word matching two typed words joined ("autoscaling"
 * / "auto scaling"); at most one other typed word may come in between.
 * Returns the first match from `from` on.
 */
export function findPhrase(phrase: readonly Word[], typed: TypedWords | readonly Word[], from = 0): PhraseMatch | undefined {
  const index = 'found' in typed ? typed : typedWords(typed);
  if (phrase.length === 0 || phrase.length > MAX_PHRASE_WORDS) return undefined;
  const phraseJoins = phrase.map((word, i) => (i + 1 < phrase.length ? joined(word, phrase[i + 1]!) : undefined));
  for (let start = from; start < index.words.length; start++) {
    const end = matchFrom(phrase, phraseJoins, 0, index, start, 1, true);
    if (end !== undefined) return { start, end, matched: index.words.slice(start, end).map((word) => word.text) };
  }
  return undefined;
}

/** One past the last typed word when phrase[i..] matches at typed[j..], else undefined. */
function matchFrom(
  phrase: readonly Word[],
  phraseJoins: readonly (Word | undefined)[],
  i: number,
  typed: TypedWords,
  j: number,
  insertions: number,
  first: boolean,
): number | undefined {
  if (i === phrase.length) return j;
  if (j >= typed.words.length) return undefined;
  const here = matchesOf(phrase[i]!, typed)[j]!;
  if (here & 1) {
    const end = matchFrom(phrase, phraseJoins, i + 1, typed, j + 1, insertions, false);
    if (end !== undefined) return end;
  }
  const join = phraseJoins[i];
  if (join && matchesOf(join, typed)[j]! & 1) {
    const end = matchFrom(phrase, phraseJoins, i + 2, typed, j + 1, insertions, false);
    if (end !== undefined) return end;
  }
  if (here & 2) {
    const end = matchFrom(phrase, phraseJoins, i + 1, typed, j + 2, insertions, false);
    if (end !== undefined) return end;
  }
  // One word in between, never before the first word of the phrase.
  if (!first && insertions > 0) return matchFrom(phrase, phraseJoins, i, typed, j + 1, insertions - 1, false);
  return undefined;
}

function joined(a: Word, b: Word): Word {
  return makeWord(a.text + b.text, a.index);
}

// ── Aliases ──────────────────────────────────────────────────────────────────

/** Groups of phrases that mean the same thing, looked up by their stems. */
export interface AliasTable {
  /** Each group's phrases, as words. */
  groups: Word[][][];
  /** Stem key of a phrase (`horizont pod autoscal`) → the indexes of the groups that hold it. */
  byKey: Map<string, number[]>;
}

export const NO_ALIASES: AliasTable = { groups: [], byKey: new Map() };

/** The stems of a phrase joined by spaces: the key aliases are looked up by. */
export function phraseKey(words: readonly Word[]): string {
  return words.map((word) => word.stem).join(' ');
}

/**
 * Builds one table from lists of equivalent phrases. Groups that share a
 * phrase are merged (the deck's "KServe (KFServing)" and the built-in
 * "KServe = KFServing = kserve" become one).
 */
export function buildAliasTable(...sources: ReadonlyArray<readonly (readonly string[])[]>): AliasTable {
  const phrases = new Map<string, Word[]>();
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  for (const groups of sources) {
    for (const group of groups) {
      const keys: string[] = [];
      for (const phrase of group) {
        const words = wordsOf(phrase);
        if (words.length === 0 || words.length > MAX_PHRASE_WORDS) continue;
        const key = phraseKey(words);
        if (!phrases.has(key)) {
          phrases.set(key, words);
          parent.set(key, key);
        }
        keys.push(key);
      }
      for (const key of keys.slice(1)) parent.set(find(key), find(keys[0]!));
    }
  }
  const members = new Map<string, string[]>();
  for (const key of phrases.keys()) {
    const root = find(key);
    const list = members.get(root);
    if (list) list.push(key);
    else members.set(root, [key]);
  }
  const table: AliasTable = { groups: [], byKey: new Map() };
  for (const keys of members.values()) {
    if (keys.length < 2) continue;
    const index = table.groups.length;
    table.groups.push(keys.map((key) => phrases.get(key)!));
    for (const key of keys) table.byKey.set(key, [...(table.byKey.get(key) ?? []), index]);
  }
  return table;
}

// A term with many aliased parts could have very many spellings; a few are plenty.
const MAX_SPELLINGS = 12;

/**
 * The ways a phrase may be written: itself, and itself with any part that has
 * aliases replaced by each alias ("KFServing services" → "KServe services").
 */
export function spellingsOf(phrase: readonly Word[], aliases: AliasTable): Word[][] {
  const spellings: Word[][] = [[...phrase]];
  if (phrase.length > MAX_PHRASE_WORDS || aliases.groups.length === 0) return spellings;
  const seen = new Set([phraseKey(phrase)]);
  for (let start = 0; start < phrase.length; start++) {
    for (let end = phrase.length; end > start; end--) {
      const groups = aliases.byKey.get(phraseKey(phrase.slice(start, end)));
      if (!groups) continue;
      for (const group of groups) {
        for (const alias of aliases.groups[group]!) {
          const spelling = [...phrase.slice(0, start), ...alias, ...phrase.slice(end)];
          const key = phraseKey(spelling);
          if (seen.has(key) || spelling.length > MAX_PHRASE_WORDS) continue;
          seen.add(key);
          spellings.push(spelling);
          if (spellings.length >= MAX_SPELLINGS) return spellings;
        }
      }
    }
  }
  return spellings;
}

/** Finds a phrase, or any of its alias spellings, in the typed words: the earliest match. */
export function findTerm(phrase: readonly Word[], typed: TypedWords | readonly Word[], aliases: AliasTable): PhraseMatch | undefined {
  const index = 'found' in typed ? typed : typedWords(typed);
  let best: PhraseMatch | undefined;
  for (const spelling of spellingsOf(phrase, aliases)) {
    const match = findPhrase(spelling, index);
    if (match && (!best || match.start < best.start)) best = match;
  }
  return best;
}

/** Every match of a phrase or its alias spellings in the typed words, in order, not overlapping per spelling. */
export function findTermAll(phrase: readonly Word[], typed: TypedWords | readonly Word[], aliases: AliasTable): PhraseMatch[] {
  const index = 'found' in typed ? typed : typedWords(typed);
  const matches: PhraseMatch[] = [];
  for (const spelling of spellingsOf(phrase, aliases)) {
    for (let match = findPhrase(spelling, index); match; match = findPhrase(spelling, index, match.end)) matches.push(match);
  }
  return matches.sort((a, b) => a.start - b.start);
}
