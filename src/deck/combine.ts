import type { LoadedDeck, LoadedDecks } from '../model/deck.js';
import type { Question } from '../model/question.js';

/** Several loaded decks as one selection: their questions in order, every deck's warnings. */
export function combineLoaded(loaded: readonly LoadedDeck[]): LoadedDecks {
  const decks = loaded.map((entry) => entry.deck);
  const contentHashes = new Map(
    loaded.flatMap((entry) => (entry.contentHash === undefined ? [] : [[entry.deck, entry.contentHash] as const])),
  );
  // concat, not flatMap: flatMap copies a 100,000-question deck element by element, many times slower.
  return {
    decks,
    questions: ([] as Question[]).concat(...decks.map((deck) => deck.questions)),
    warnings: loaded.flatMap((entry) => entry.warnings),
    contentHashes,
  };
}
