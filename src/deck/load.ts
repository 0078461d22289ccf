// Loading the decks a command works on (see resolveDeckSources), parsing each
// file every time. Commands use loadDecksCached (cache.ts) instead.
import { combineLoaded } from './combine.js';
import { type LoadedDeck, type LoadedDecks } from '../model/deck.js';
import { parseDeck } from './parse.js';
import { deckTooLargeError, MAX_DECK_BYTES } from './limits.js';
import { decodeDeckText, readDeckBytes } from './read.js';
import { resolveDeckSources } from './resolve.js';

export function readDeckFile(path: string, options: { slug?: string } = {}): LoadedDeck {
  return parseDeckBytes(readDeckBytes(path), path, options);
}

/** A deck from bytes already read from `path`, checked as readDeckFile checks them. */
export function parseDeckBytes(bytes: Buffer, path: string, options: { slug?: string } = {}): LoadedDeck {
  if (bytes.length > MAX_DECK_BYTES) throw deckTooLargeError(path);
  return parseDeck(decodeDeckText(bytes, path), { path, slug: options.slug });
}

export function loadDecks(specs: string[], options: { installedDir: string; env?: NodeJS.ProcessEnv }): LoadedDecks {
  return combineLoaded(resolveDeckSources(specs, options).map(({ file, slug }) => readDeckFile(file, { slug })));
}
