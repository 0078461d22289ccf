// Search over questions, answers and categories: filler dropped, aliases
// expanded, typos and prefixes forgiven, ranked BM25F-style (src/search/rank.ts),
// with a bonus for the query's words in order in the question (and, for less,
// in the answer), and only the hits near the best one kept.
import { markdownText } from '../deck/markdownText/index.js';
import type { Question } from '../model/question.js';
import { analyseQuery } from './query.js';
import { QUERY_FILLER } from './queryWords.js';
import { FIELD_WEIGHTS, needsSpeller, scoreParts, type IndexPart, type RankContext, type Scored } from './rank.js';
import { buildWordIndex, type WordIndex } from './wordIndex.js';
import { forEachWord, normalizeWord, scanWords, textWords, useKnownStems } from './words.js';

export interface SearchHit {
  question: Question;
  /** Distance from the best hit's relevance: 0 for the best, up to MAX_DISTANCE. */
  score: number;
  /** Character ranges [start, end] (inclusive) of the matched words in `question.question`. */
  questionRanges: Array<[number, number]>;
  /** Character ranges [start, end] (inclusive) of the matched words in `answerText`. */
  answerRanges: Array<[number, number]>;
  /** The answer as plain text, for snippets. */
  answerText: string;
}

export interface SearchIndex {
  questions: Question[];
  /** Word indexes of consecutive runs of `questions` (one per deck), in order. */
  parts: IndexPart[];
}

/** Hits whose relevance is further than this from the best hit's (as a share of it) are not shown. */
export const MAX_DISTANCE = 0.7;
/** The bonus for two query words next to each other, in order, in the question, as a share of the weaker one's score. */
const ORDER_BONUS = 0.5;
/** How far apart (in words) two query words may be in the question and still earn some order bonus. */
const ORDER_WINDOW = 5;
/**
 * The bonus, as a share of a hit's score, when the question holds the query
 * as typed, filler included ("what is katib" in "What is Katib, and ..."):
 * in part for each pair of typed neighbours that are neighbours there too,
 * other than a pair of filler words.
 */
const PHRASE_BONUS = 0.25;
/** A pair found only in the answer counts for what an answer's word weighs against a question's. */
const ANSWER_PHRASE_SHARE = FIELD_WEIGHTS[1]! / FIELD_WEIGHTS[0]!;
/** How much of an answer is read for the query's pairs: its start says what it is about, and reading all of a long one costs time in proportion. */
const ANSWER_PHRASE_CHARS = 4096;

/**
 * Text past this many characters of a field is not searched: a 1 MB answer
 * would cost time in proportion and add nothing a question's start does not.
 */
const MAX_FIELD_CHARS = 64 * 1024;

/** The searchable fields of a question, in index order: question, answer (as plain text), category. */
export function searchFields(question: Question): [string, string, string] {
  return [
    question.question.slice(0, MAX_FIELD_CHARS),
    markdownText(question.answer.slice(0, 2 * MAX_FIELD_CHARS), 'words').slice(0, MAX_FIELD_CHARS),
    question.category.slice(0, MAX_FIELD_CHARS),
  ];
}

/**
 * The fields as the index reads them: the answer's Markdown with only tags and
 * link targets taken out, since the word scanner skips the other markup anyway
 * and a full plain-text pass over every answer of a big deck is slow.
 */
function indexedFields(question: Question): [string, string, string] {
  return [
    question.question.slice(0, MAX_FIELD_CHARS),
    question.answer.slice(0, MAX_FIELD_CHARS).replace(MARKUP_WITHOUT_WORDS, ' '),
    question.category.slice(0, MAX_FIELD_CHARS),
  ];
}

const MARKUP_WITHOUT_WORDS = /<[^>\n]{1,200}>|\]\([^)\n]*\)/g;

/** The word index of some questions: the part of a search index one deck contributes, worth caching. */
export function buildWordIndexOf(questions: readonly Question[]): WordIndex {
  return buildWordIndex(questions.length, (doc) => indexedFields(questions[doc]!));
}

export function buildSearchIndex(questions: Question[]): SearchIndex {
  return { questions, parts: [{ start: 0, words: buildWordIndexOf(questions) }] };
}

/** A search index over several decks from each deck's word index (see buildWordIndexOf). */
export function combineSearchIndexes(decks: ReadonlyArray<{ questions: Question[]; words: WordIndex }>): SearchIndex {
  const parts: IndexPart[] = [];
  let start = 0;
  for (const deck of decks) {
    parts.push({ start, words: deck.words });
    start += deck.questions.length;
  }
  return { questions: ([] as Question[]).concat(...decks.map((deck) => deck.questions)), parts };
}

/** The hits for the query, best first: none when nothing matches enough of it. */
export async function searchQuestions(
  index: SearchIndex,
  query: string,
  options: { limit?: number; category?: string } = {},
): Promise<SearchHit[]> {
  const limit = options.limit ?? 10;
  useKnownStems(index.parts.map((part) => part.words));
  const groups = analyseQuery(query);
  if (groups.length === 0 || limit <= 0) return [];
  // fuse.js is loaded only for a word the deck does not know: most searches never need it.
  const speller = needsSpeller(index.parts, groups) ? (await import('./fuse.js')).fuseSpeller : undefined;
  const category = options.category;
  const typedWords = textWords(query).map((word) => word.word);
  const typed = typedWords.map(normalizeWord);
  const typedPairs = neighbourPairs(typedWords);

  // The order bonus can lift a hit by at most half its score, so a margin past `limit` is plenty.
  const best = new BestScores(limit * 3 + 20);
  const context = scoreParts(
    index.parts,
    groups,
    (position) => category === undefined || index.questions[position]!.category === category,
    (position, score, groupScores) => {
      if (best.wants(position, score)) best.offer({ position, score, groupScores: groupScores.slice() });
    },
    speller,
  );
  const wanted = new StemFilter([...typed, ...context.groupTerms.flatMap((terms) => [...terms])]);
  const ranked = best
    .entries()
    .map((scored) => {
      if (typed.length < 2) return { scored, score: scored.score };
      const stems = textWords(index.questions[scored.position]!.question).map((word) => wanted.stem(word.word));
      const share = phraseShare(typedPairs, stems, index.questions[scored.position]!, wanted);
      return { scored, score: scored.score * (1 + PHRASE_BONUS * share) + orderBonus(stems, scored, context) };
    })
    .sort((a, b) => b.score - a.score || a.scored.position - b.scored.position);
  const top = ranked[0]?.score ?? 0;
  const terms = new Set(context.groupTerms.flatMap((set) => [...set]));
  return ranked
    .filter((entry) => entry.score >= (1 - MAX_DISTANCE) * top)
    .slice(0, limit)
    .map((entry) => hitOf(index.questions[entry.scored.position]!, 1 - entry.score / top, terms, wanted));
}

/** A bonus for each pair of neighbouring query groups found close together, in the query's order, in the question. */
function orderBonus(stems: readonly string[], scored: Scored, context: RankContext): number {
  if (context.groups.length < 2) return 0;
  let bonus = 0;
  for (let g = 0; g + 1 < context.groups.length; g++) {
    const weaker = Math.min(scored.groupScores[g]!, scored.groupScores[g + 1]!);
    if (weaker === 0) continue;
    let nearest = Infinity;
    stems.forEach((stem, at) => {
      if (!context.groupTerms[g]!.has(stem)) return;
      for (let next = at + 1; next <= at + ORDER_WINDOW && next < stems.length; next++) {
        if (context.groupTerms[g + 1]!.has(stems[next]!)) nearest = Math.min(nearest, next - at);
      }
    });
    if (nearest !== Infinity) bonus += (ORDER_BONUS * weaker) / nearest;
  }
  return bonus;
}

/**
 * The typed words' neighbour pairs (as stems) that say something: "is katib"
 * but not "what is", which holds no word of what is asked about and would
 * favour every question that starts "What is".
 */
function neighbourPairs(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let at = 0; at + 1 < words.length; at++) {
    if (QUERY_FILLER.has(words[at]!) && QUERY_FILLER.has(words[at + 1]!)) continue;
    pairs.push(`${normalizeWord(words[at]!)} ${normalizeWord(words[at + 1]!)}`);
  }
  return pairs;
}

/**
 * The share of the typed pairs found as neighbours, in order, in the question,
 * or failing that in the answer, where a pair counts as much as an answer's
 * word does against a question's in the ranking.
 */
function phraseShare(typedPairs: readonly string[], questionStems: readonly string[], question: Question, wanted: StemFilter): number {
  if (typedPairs.length === 0) return 0;
  const inQuestion = new Set<string>();
  for (let at = 0; at + 1 < questionStems.length; at++) inQuestion.add(`${questionStems[at]} ${questionStems[at + 1]}`);
  const missing = new Set(typedPairs.filter((pair) => !inQuestion.has(pair)));
  const inAnswer = new Set<string>();
  if (missing.size > 0) {
    let previous = '';
    scanWords(question.answer.slice(0, ANSWER_PHRASE_CHARS).replace(MARKUP_WITHOUT_WORDS, ' ').toLowerCase(), (word, joined) => {
      if (joined) return;
      const stem = wanted.stem(word);
      if (missing.has(`${previous} ${stem}`)) inAnswer.add(`${previous} ${stem}`);
      previous = stem;
    });
  }
  let found = 0;
  for (const pair of typedPairs) found += inQuestion.has(pair) ? 1 : inAnswer.has(pair) ? ANSWER_PHRASE_SHARE : 0;
  return found / typedPairs.length;
}

/** `terms`: the stems the query matched, to be highlighted. */
function hitOf(question: Question, distance: number, terms: ReadonlySet<string>, wanted: StemFilter): SearchHit {
  const answerText = searchFields(question)[1];
  const rangesOf = (text: string): Array<[number, number]> => {
    const ranges: Array<[number, number]> = [];
    forEachWord(text, (word, start, end) => {
      if (terms.has(wanted.stem(word))) ranges.push([start, end - 1]);
    });
    return ranges;
  };
  return {
    question,
    score: Math.max(0, distance),
    questionRanges: rangesOf(question.question),
    answerRanges: rangesOf(answerText),
    answerText,
  };
}

/**
 * Stems only the words that may stem to one of some stems: a stem keeps the
 * start of its word, so a word that starts otherwise is not stemmed at all
 * (stemming every word of the shown questions and answers costs more than the search).
 */
class StemFilter {
  private readonly starts: Set<string>;

  constructor(stems: readonly string[]) {
    this.starts = new Set(stems.map((stem) => stem.slice(0, 3)));
  }

  /** The word's stem, or '' when it cannot be one of the stems. */
  stem(word: string): string {
    return this.starts.has(word.slice(0, 3)) ? normalizeWord(word) : '';
  }
}

/** The `size` best scores offered, ties to the lower position. */
class BestScores {
  private readonly list: Scored[] = [];

  constructor(private readonly size: number) {}

  wants(position: number, score: number): boolean {
    return this.list.length < this.size || before({ position, score }, this.list[this.list.length - 1]!);
  }

  offer(scored: Scored): void {
    const list = this.list;
    if (!this.wants(scored.position, scored.score)) return;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(scored, list[mid]!)) high = mid;
      else low = mid + 1;
    }
    list.splice(low, 0, scored);
    if (list.length > this.size) list.pop();
  }

  entries(): Scored[] {
    return this.list;
  }
}

function before(a: Pick<Scored, 'position' | 'score'>, b: Pick<Scored, 'position' | 'score'>): boolean {
  return a.score > b.score || (a.score === b.score && a.position < b.position);
}
