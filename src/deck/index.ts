// The deck module: Markdown decks in, the question model out.
export type { Question } from '../model/question.js';
export type { Deck, DeckWarning, LoadedDeck, LoadedDecks } from '../model/deck.js';
export { builtinDeckPath } from './builtin.js';
export { loadDecksCached } from './cache.js';
export { loadDecks, readDeckFile } from './load.js';
export { parseDeck } from './parse.js';
export { resolveDeckFiles, resolveDeckSources } from './resolve.js';
export { findQuestion, selectCategory } from './select.js';
export { slugify } from './slug.js';
