import type { LoadedDeck, LoadedDecks } from '../model/deck.js';

/** Several loaded decks as one selection: their questions in order, every deck's warnings. */
export function combineLoaded(loaded: readonly LoadedDeck[]): LoadedDecks {
  const decks = loaded.map((entry) => entry.deck);
  const contentHashes = new Map(
    loaded.flatMap((entry) => (entry.contentHash === undefined ? [] : [[entry.deck, entry.contentHash] as const])),
  );
  return { decks, questions: decks.flatMap((deck) => deck.questions), warnings: loaded.flatMap((entry) => entry.warnings), contentHashes };
}
