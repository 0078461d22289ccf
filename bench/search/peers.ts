// The engines compared by `npm run bench:search`, each given the same
// documents: the question, its answer as plain text and its category.
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Question } from '../../src/model/question.js';
import { buildSearchIndex, searchFields, searchQuestions } from '../../src/search/index.js';

export interface Engine {
  name: string;
  /** Question ids, best first. */
  search(query: string): string[] | Promise<string[]>;
}

export function kfqEngine(questions: Question[]): Engine {
  const index = buildSearchIndex(questions);
  return { name: 'kfq', search: async (query) => (await searchQuestions(index, query, { limit: 10 })).map((hit) => hit.question.id) };
}

/** fuse.js as documented for multi-word queries: token search, fields weighted as kfq weighs them. */
export function fuseEngine(questions: Question[]): Engine {
  const documents = questions.map(documentOf);
  const fuse = new Fuse(documents, {
    keys: [
      { name: 'question', weight: 3 },
      { name: 'answer', weight: 1 },
      { name: 'category', weight: 0.8 },
    ],
    includeScore: true,
    ignoreLocation: true,
    useTokenSearch: true,
    threshold: 0.4,
  });
  return { name: 'fuse.js 7.5 (token search)', search: (query) => fuse.search(query, { limit: 10 }).map((result) => result.item.id) };
}

/** minisearch with its documented fuzzy and prefix search, fields boosted as kfq weighs them. */
export function minisearchEngine(questions: Question[]): Engine {
  const mini = new MiniSearch<ReturnType<typeof documentOf>>({
    fields: ['question', 'answer', 'category'],
    storeFields: ['id'],
    searchOptions: { boost: { question: 3, category: 0.8 }, fuzzy: 0.2, prefix: true },
  });
  mini.addAll(questions.map(documentOf));
  return {
    name: 'minisearch 7.2 (fuzzy 0.2, prefix)',
    search: (query) =>
      mini
        .search(query)
        .slice(0, 10)
        .map((result) => String(result.id)),
  };
}

function documentOf(question: Question): { id: string; question: string; answer: string; category: string } {
  const [text, answer, category] = searchFields(question);
  return { id: question.id, question: text, answer, category };
}
