// Fuzzy search over questions, answers and categories with fuse.js token
// search: each query word is matched fuzzily, in any order, ranked by TF-IDF.
import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { Question } from '../deck/model.js';
import { plainText } from './plainText.js';

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
  documents: SearchDocument[];
  fuse: Fuse<SearchDocument>;
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

export function toSearchDocument(question: Question): SearchDocument {
  return { question: question.question, answer: plainText(question.answer), category: question.category };
}

export function buildSearchIndex(questions: Question[]): SearchIndex {
  const documents = questions.map(toSearchDocument);
  return { questions, documents, fuse: new Fuse(documents, SEARCH_OPTIONS) };
}

export function searchQuestions(index: SearchIndex, query: string, options: { limit?: number; category?: string } = {}): SearchHit[] {
  const words = query.trim();
  if (words === '') return [];
  const limit = options.limit ?? 10;
  // Filtering by category after ranking would drop hits past the limit, so
  // search everything when a category is given.
  const results = index.fuse.search(words, options.category === undefined ? { limit } : undefined);
  const hits: SearchHit[] = [];
  for (const result of results) {
    const question = index.questions[result.refIndex]!;
    if (options.category !== undefined && question.category !== options.category) continue;
    hits.push({
      question,
      score: result.score ?? 0,
      questionRanges: rangesFor(result.matches, 'question'),
      answerRanges: rangesFor(result.matches, 'answer'),
      answerText: index.documents[result.refIndex]!.answer,
    });
    if (hits.length >= limit) break;
  }
  return hits;
}

function rangesFor(matches: readonly FuseResultMatch[] | undefined, key: string): Array<[number, number]> {
  const match = matches?.find((m) => m.key === key);
  return match ? match.indices.filter(([start, end]) => end - start >= 1).map(([start, end]) => [start, end]) : [];
}
