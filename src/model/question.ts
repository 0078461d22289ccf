// The question model every command works on. Only src/deck builds it.

export interface Question {
  /** Stable id, `<deck slug>/<number>` (e.g. `kubeflow/42`); unique within a load. */
  id: string;
  /** The number as written in the source (1-based position when the source has none). */
  number: number;
  /** Clean category text: no Markdown markers, no trailing range like `(51–100)`. */
  category: string;
  /** The question as plain text. */
  question: string;
  /** The reference answer as Markdown, kept for rendering. */
  answer: string;
  /** 1-based line in the deck file where the question starts. */
  line: number;
  /** Slug of the deck the question comes from. */
  deck: string;
}

export interface Deck {
  slug: string;
  title: string;
  description: string;
  author: string;
  date: string;
  /** Absolute path of the file the deck was read from. */
  path: string;
  /** Category names in order of first appearance. */
  categories: string[];
  questions: Question[];
}

/** A problem that does not stop a load (one odd item), shown as a warning. */
export interface DeckWarning {
  file: string;
  line: number;
  message: string;
}

export interface LoadedDeck {
  deck: Deck;
  warnings: DeckWarning[];
}

/** The decks a command works on, their questions in order, and every deck's warnings. */
export interface LoadedDecks {
  decks: Deck[];
  questions: Question[];
  warnings: DeckWarning[];
}

export function combineLoaded(loaded: readonly LoadedDeck[]): LoadedDecks {
  const decks = loaded.map((entry) => entry.deck);
  return { decks, questions: decks.flatMap((deck) => deck.questions), warnings: loaded.flatMap((entry) => entry.warnings) };
}
