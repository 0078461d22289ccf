// Which question of a deck's new version each question of its old version
// became, like git's rename detection: explicit ids first, then exact text,
// then the most similar question and answer text above a threshold, the order
// of already-matched neighbours breaking ties. Questions left over on the old
// side were removed; on the new side, they are new.
import { STOP_WORDS } from './stopWords.js';

export interface AlignedText {
  /** An id the deck author wrote (`<!-- kfq:id … -->`); it wins over everything. */
  explicitId?: string;
  question: string;
  answer: string;
}

export interface QuestionMatch {
  old: number;
  new: number;
  /** 1 for the same text; otherwise the similarity (0-1) that matched them. */
  similarity: number;
}

export interface Alignment {
  /** In the order of the new list. */
  matches: QuestionMatch[];
  /** Positions in the old list that matched nothing. */
  removed: number[];
  /** Positions in the new list that matched nothing. */
  added: number[];
}

/** Below this, two questions are different questions (git's rename default is 50% too). */
export const SIMILARITY_THRESHOLD = 0.5;
/** The question's wording counts more than the answer's: an answer is often rewritten while the question stays. */
const QUESTION_WEIGHT = 0.6;
/** Words in more old questions than this are too common to suggest a candidate. */
const COMMON_WORD_LIMIT = 50;
/** A question whose words are all common still compares with the old questions sharing its rarest word, up to this many. */
const RAREST_WORD_LIMIT = 2000;
/** Old questions this close to where the neighbours put it are compared even without a shared word (a rewording in place). */
const NEIGHBOURHOOD = 2;

export function alignQuestions(before: readonly AlignedText[], after: readonly AlignedText[], threshold = SIMILARITY_THRESHOLD): Alignment {
  const oldTaken = new Int32Array(before.length).fill(-1);
  const newTaken = new Int32Array(after.length).fill(-1);
  const similarityOf = new Float64Array(after.length);
  const pair = (o: number, n: number, similarity: number): void => {
    oldTaken[o] = n;
    newTaken[n] = o;
    similarityOf[n] = similarity;
  };

  // Explicit ids first.
  const explicit = new Map<string, number>();
  before.forEach((q, o) => {
    if (q.explicitId !== undefined && !explicit.has(q.explicitId)) explicit.set(q.explicitId, o);
  });
  after.forEach((q, n) => {
    const o = q.explicitId === undefined ? undefined : explicit.get(q.explicitId);
    if (o !== undefined && oldTaken[o] === -1) pair(o, n, 1);
  });
  // Then the same question text (keyed by the text itself: its hash is cached, a joined key's would not be),
  // preferring the same answer too, and among duplicates the first left. The lists are short: one entry but for duplicates.
  const byText = new Map<string, number[]>();
  before.forEach((q, o) => {
    if (oldTaken[o] !== -1) return;
    const list = byText.get(q.question);
    if (list) list.push(o);
    else byText.set(q.question, [o]);
  });
  after.forEach((q, n) => {
    if (newTaken[n] !== -1) return;
    const list = byText.get(q.question);
    if (!list) return;
    const open = list.filter((o) => oldTaken[o] === -1 && compatible(before[o]!, q));
    if (open.length === 0) return;
    const o = open.find((candidate) => before[candidate]!.answer === q.answer) ?? open[0]!;
    list.splice(list.indexOf(o), 1);
    pair(o, n, 1);
  });

  matchSimilar(before, after, oldTaken, newTaken, threshold, pair);

  const matches: QuestionMatch[] = [];
  const added: number[] = [];
  for (let n = 0; n < after.length; n++) {
    if (newTaken[n] === -1) added.push(n);
    else matches.push({ old: newTaken[n]!, new: n, similarity: similarityOf[n]! });
  }
  const removed: number[] = [];
  for (let o = 0; o < before.length; o++) if (oldTaken[o] === -1) removed.push(o);
  return { matches, removed, added };
}

interface Candidate {
  o: number;
  n: number;
  similarity: number;
  /** How far the old question is from where the matched neighbours say it should be. */
  distance: number;
}

function matchSimilar(
  before: readonly AlignedText[],
  after: readonly AlignedText[],
  oldTaken: Int32Array,
  newTaken: Int32Array,
  threshold: number,
  pair: (o: number, n: number, similarity: number) => void,
): void {
  const oldLeft: number[] = [];
  for (let o = 0; o < before.length; o++) if (oldTaken[o] === -1) oldLeft.push(o);
  if (oldLeft.length === 0) return;
  const oldWords = new Map<number, WordSet>();
  const byWord = new Map<string, number[]>();
  for (const o of oldLeft) {
    const words = wordsOf(before[o]!);
    oldWords.set(o, words);
    for (const word of words.question) {
      const list = byWord.get(word);
      if (list) list.push(o);
      else byWord.set(word, [o]);
    }
  }

  // Where a new question's old counterpart should be: just after the old match of the nearest matched question before it.
  const expectedOld = new Float64Array(after.length);
  let lastOld = -1;
  for (let n = 0; n < after.length; n++) {
    expectedOld[n] = lastOld + 1;
    if (newTaken[n] !== -1) lastOld = newTaken[n]!;
  }

  const candidates: Candidate[] = [];
  for (let n = 0; n < after.length; n++) {
    if (newTaken[n] !== -1) continue;
    const words = wordsOf(after[n]!);
    const seen = new Set<number>();
    // Candidates: old questions sharing a rare word, else those sharing its rarest word; and the ones where the neighbours say it was.
    let rarest: number[] | undefined;
    for (const word of words.question) {
      const list = byWord.get(word);
      if (!list) continue;
      if (list.length <= COMMON_WORD_LIMIT) for (const o of list) seen.add(o);
      else if (!rarest || list.length < rarest.length) rarest = list;
    }
    if (seen.size === 0 && rarest && rarest.length <= RAREST_WORD_LIMIT) for (const o of rarest) seen.add(o);
    for (let o = Math.max(0, expectedOld[n]! - NEIGHBOURHOOD); o <= expectedOld[n]! + NEIGHBOURHOOD && o < before.length; o++)
      if (oldTaken[o] === -1) seen.add(o);
    // A short deck change (a few questions) can afford comparing every pair, which also finds questions sharing only common words.
    if (oldLeft.length <= COMMON_WORD_LIMIT) for (const o of oldLeft) seen.add(o);
    for (const o of seen) {
      if (!compatible(before[o]!, after[n]!)) continue;
      const similarity = textSimilarity(oldWords.get(o)!, words);
      if (similarity >= threshold) candidates.push({ o, n, similarity, distance: Math.abs(o - expectedOld[n]!) });
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.distance - b.distance || a.n - b.n);
  for (const { o, n, similarity } of candidates) if (oldTaken[o] === -1 && newTaken[n] === -1) pair(o, n, similarity);
}

/** Two questions with different explicit ids are different questions, however alike; an id added or dropped is not a new question. */
function compatible(a: AlignedText, b: AlignedText): boolean {
  return a.explicitId === undefined || b.explicitId === undefined || a.explicitId === b.explicitId;
}

interface WordSet {
  question: Set<string>;
  answer: Set<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: AlignedText): WordSet {
  return { question: contentWords(text.question), answer: contentWords(text.answer) };
}

/** Words without the function words ("what is a …" would make any two short questions look alike); all words when that leaves none. */
function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(WORD) ?? [];
  const content = words.filter((word) => !STOP_WORDS.has(word));
  return new Set(content.length > 0 ? content : words);
}

/** Dice's coefficient of the word sets, question and answer weighted. */
export function textSimilarity(a: WordSet, b: WordSet): number {
  return QUESTION_WEIGHT * dice(a.question, b.question) + (1 - QUESTION_WEIGHT) * dice(a.answer, b.answer);
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const word of small) if (large.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The similarity of two questions as alignQuestions measures it, for reports. */
export function similarityOf(a: AlignedText, b: AlignedText): number {
  return textSimilarity(wordsOf(a), wordsOf(b));
}
