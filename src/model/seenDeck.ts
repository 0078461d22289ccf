// What kfq last saw of a deck: its question list, the names reviews of each
// question were logged under, and the last change it noticed. The store keeps
// it (store/seenDecks.ts); practice aligns a changed deck with it (deckIdentity.ts).

export interface SeenQuestion {
  /** Stable for the question's whole life, whatever its id becomes: the id it had when first seen, or its explicit id. */
  key: string;
  id: string;
  number: number;
  category: string;
  question: string;
  answer: string;
  explicitId?: string;
}

/** A question's text and id at some time, and which question (by key) reviews logged under it belong to. */
export type PastName = [key: string, id: string, question: string];

export interface SeenQuestionRef {
  id: string;
  number: number;
  category: string;
  question: string;
}

export interface DeckChangeEntry {
  before?: SeenQuestionRef;
  after?: SeenQuestionRef;
  /** 0-1 when matched by similarity, 1 for the same text; absent for new and removed questions. */
  similarity?: number;
  /** True when the answer is not the same (the question may be). */
  answerEdited?: true;
}

export interface DeckChange {
  deck: string;
  /** ISO 8601: when kfq noticed. */
  at: string;
  counts: { edited: number; renumbered: number; moved: number; new: number; removed: number };
  /** Every question that is not exactly as before. */
  entries: DeckChangeEntry[];
}

export interface SeenDeck {
  deck: string;
  /** The content hash of the deck file it was made from, when known: an equal hash means nothing changed. */
  contentHash?: string;
  questions: SeenQuestion[];
  past: PastName[];
  /** Keys of removed questions: never given to a new question. */
  retired: string[];
  lastChange?: DeckChange;
}
