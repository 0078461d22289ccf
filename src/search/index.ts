// Fuzzy search over questions, answers and categories with fuse.js token
// search: each query word is matched fuzzily, in any order, ranked by TF-IDF.
import { Fuse, useCollectionStatistics, type FuseResult, type FuseResultMatch } from './fuse.js';
import type { Question } from '../model/question.js';
import { plainText } from './plainText.js';
import { buildTokenIndex, documentFrequency, scoreDocuments, tokenize, type TokenIndex } from './tokenIndex.js';

export interface SearchDocument {
  question: string;
  answer: string;
  category: string;
}

export interface SearchHit {
  question: Question;
  /** 0 is a perfect match, 1 no match at all (fuse.js's scale). */
  score: number;
  /** Character ranges of the matched words in `question.question`. */
  questionRanges: Array<[number, number]>;
  /** Character ranges of the matched words in `answerText`. */
  answerRanges: Array<[number, number]>;
  /** The answer as plain text, for snippets. */
  answerText: string;
}

export interface SearchIndex {
  questions: Question[];
  /**
   * Token indexes of consecutive runs of `questions` (one per deck), in order;
   * none for a small collection, which fuse.js searches faster alone.
   */
  parts?: SearchIndexPart[];
}

export interface SearchIndexPart {
  /** Position of the part's first question in `questions`. */
  start: number;
  tokens: TokenIndex;
}

export const SEARCH_KEYS = [
  { name: 'question', weight: 3 },
  { name: 'answer', weight: 2 },
  { name: 'category', weight: 1 },
];

export const SEARCH_OPTIONS = {
  keys: SEARCH_KEYS,
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  useTokenSearch: true,
  threshold: 0.4,
} as const;

/** Below this many questions fuse.js alone is quicker than building or loading token indexes. */
export const TOKEN_INDEX_FROM = 500;

/** fuse.js normalises key weights to sum to 1. */
const KEY_WEIGHTS = SEARCH_KEYS.map((key) => key.weight / SEARCH_KEYS.reduce((sum, k) => sum + k.weight, 0));

/**
 * Text past this many characters of a field is not searched: fuse.js needs
 * time in proportion to the text, and a word matched a hundred thousand times
 * (in a 1 MB answer) overflows its stack.
 */
const MAX_FIELD_CHARS = 64 * 1024;

export function toSearchDocument(question: Question): SearchDocument {
  return {
    question: question.question.slice(0, MAX_FIELD_CHARS),
    answer: plainText(question.answer.slice(0, 2 * MAX_FIELD_CHARS)).slice(0, MAX_FIELD_CHARS),
    category: question.category.slice(0, MAX_FIELD_CHARS),
  };
}

/** The token index of some questions: the part of a search index one deck contributes, worth caching. */
export function buildTokenIndexOf(questions: readonly Question[]): TokenIndex {
  return buildTokenIndex(questions.length, SEARCH_KEYS.length, (doc) => {
    const document = toSearchDocument(questions[doc]!);
    return [document.question, document.answer, document.category];
  });
}

export function buildSearchIndex(questions: Question[]): SearchIndex {
  return questions.length < TOKEN_INDEX_FROM ? { questions } : { questions, parts: [{ start: 0, tokens: buildTokenIndexOf(questions) }] };
}

/** A search index over several decks from each deck's token index (see buildTokenIndexOf). */
export function combineSearchIndexes(decks: ReadonlyArray<{ questions: Question[]; tokens: TokenIndex }>): SearchIndex {
  const parts: SearchIndexPart[] = [];
  let start = 0;
  for (const deck of decks) {
    parts.push({ start, tokens: deck.tokens });
    start += deck.questions.length;
  }
  return { questions: decks.flatMap((deck) => deck.questions), parts };
}

/** The best hits for the query, best first, as fuse.js's token search over all the questions ranks them. */
export function searchQuestions(index: SearchIndex, query: string, options: { limit?: number; category?: string } = {}): SearchHit[] {
  const limit = options.limit ?? 10;
  const terms = tokenize(query);
  if (terms.length === 0) return [];
  return index.parts ? searchNarrowed(index.questions, index.parts, query, terms, limit, options.category) : searchAll(index.questions, query, limit, options.category);
}

/**
 * The same ranking at a fraction of the cost: the token index picks the
 * documents some query word occurs in and estimates each one's score; fuse.js
 * then scores the best few exactly, with IDF weights from the whole
 * collection, and reports where words matched.
 */
function searchNarrowed(questions: Question[], parts: SearchIndexPart[], query: string, terms: string[], limit: number, category: string | undefined): SearchHit[] {
  const fieldCount = parts.reduce((sum, part) => sum + part.tokens.fieldCount, 0);
  const frequencies = new Map(terms.map((term) => [term, parts.reduce((sum, part) => sum + documentFrequency(part.tokens, term), 0)]));
  // fuse.js's IDF (src/search/token/index.ts).
  const weights = terms.map((term) => {
    const df = frequencies.get(term)!;
    return { term, idf: Math.log(1 + (fieldCount - df + 0.5) / (df + 0.5)) };
  });

  // The estimate is fuse.js's score but for a match across two words, so a
  // margin past `limit` is plenty; ties keep deck order, as in fuse.js.
  const best = new BestScores(limit * 3 + 30);
  for (const part of parts) {
    scoreDocuments(part.tokens, weights, KEY_WEIGHTS, SEARCH_OPTIONS.threshold, (doc, score) => {
      const position = part.start + doc;
      if (category === undefined || questions[position]!.category === category) best.offer(position, score);
    });
  }
  const candidates = best.positions().sort((a, b) => a - b);
  if (candidates.length === 0) return [];

  const documents = candidates.map((position) => toSearchDocument(questions[position]!));
  const fuse = new Fuse(documents, SEARCH_OPTIONS);
  useCollectionStatistics(fuse, frequencies, fieldCount);
  return fuse.search(query, { limit }).map((result) => hitOf(questions[candidates[result.refIndex]!]!, documents[result.refIndex]!, result));
}

/** fuse.js over every question. */
function searchAll(questions: Question[], query: string, limit: number, category: string | undefined): SearchHit[] {
  const documents = questions.map(toSearchDocument);
  // Filtering by category after ranking would drop hits past the limit, so
  // search everything when a category is given.
  const results = new Fuse(documents, SEARCH_OPTIONS).search(query, category === undefined ? { limit } : undefined);
  return results
    .filter((result) => category === undefined || questions[result.refIndex]!.category === category)
    .slice(0, limit)
    .map((result) => hitOf(questions[result.refIndex]!, documents[result.refIndex]!, result));
}

function hitOf(question: Question, document: SearchDocument, result: FuseResult<SearchDocument>): SearchHit {
  return {
    question,
    score: result.score ?? 0,
    questionRanges: rangesFor(result.matches, 'question'),
    answerRanges: rangesFor(result.matches, 'answer'),
    answerText: document.answer,
  };
}

/** The `size` lowest scores offered, ties to the lower position. */
class BestScores {
  private readonly entries: { position: number; score: number }[] = [];

  constructor(private readonly size: number) {}

  offer(position: number, score: number): void {
    const entries = this.entries;
    if (entries.length === this.size && !before(position, score, entries[entries.length - 1]!)) return;
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(position, score, entries[mid]!)) high = mid;
      else low = mid + 1;
    }
    entries.splice(low, 0, { position, score });
    if (entries.length > this.size) entries.pop();
  }

  positions(): number[] {
    return this.entries.map((entry) => entry.position);
  }
}

function before(position: number, score: number, entry: { position: number; score: number }): boolean {
  return score < entry.score || (score === entry.score && position < entry.position);
}

function rangesFor(matches: readonly FuseResultMatch[] | undefined, key: string): Array<[number, number]> {
  const match = matches?.find((m) => m.key === key);
  return match ? match.indices.filter(([start, end]) => end - start >= 1).map(([start, end]) => [start, end]) : [];
}
