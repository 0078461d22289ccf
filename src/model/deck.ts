// A deck as kfq works on it: its front matter, its categories and questions,
// and the warnings a load found.
import type { Question } from './question.js';

/** A deck's front matter; empty strings where the deck has none. */
export interface DeckMeta {
  title: string;
  description: string;
  author: string;
  date: string;
}

export interface Deck extends DeckMeta {
  slug: string;
  /** Absolute path of the file the deck was read from. */
  path: string;
  /** Groups of phrases that mean the same, from the front matter's `aliases:`; grading and search use them. */
  aliases?: string[][];
  /** Category names in order of first appearance. */
  categories: string[];
  questions: Question[];
}

/** A problem that does not stop a load (one odd item), shown as a warning. */
export interface DeckWarning {
  file: string;
  line: number;
  message: string;
  /** True when kfq changed or left out some of the author's text (HTML made Markdown, an image shown as text, the footer dropped), rather than found a problem. */
  conversion?: boolean;
  /** True for a question left out because it has no answer: there is nothing of it to practise, so the rest of the deck still installs. */
  skipped?: boolean;
}

/** A problem with the deck itself: neither a conversion of the author's text nor a question left out for want of an answer. */
export function isDeckProblem(warning: DeckWarning): boolean {
  return !warning.conversion && !warning.skipped;
}

export interface LoadedDeck {
  deck: Deck;
  warnings: DeckWarning[];
  /** A hash of the bytes the deck was read from, when the loader knows it: the key for caches of data derived from the deck. */
  contentHash?: string;
}

/** The decks a command works on, their questions in order, and every deck's warnings. */
export interface LoadedDecks {
  decks: Deck[];
  questions: Question[];
  warnings: DeckWarning[];
  /** Each deck's content hash, where known (see LoadedDeck). */
  contentHashes: ReadonlyMap<Deck, string>;
}
