// Loading decks through a cache of parsed decks, so a deck is parsed once and
// later runs only read, hash and deserialize it (stored packed: packedDeck.ts).
// On a hit the parser (and with it gray-matter and marked) is never loaded: it
// is imported only on a miss.
//
// Validity: every run reads the deck file and hashes its bytes (length and
// CRC-32: ~10 ms for a 20 MB deck). Trusting size and mtime would be cheaper,
// but an edit that keeps the size within the same mtime tick would then go
// unseen. An entry is used only when its header names this kfq build and this
// path, slug and content hash.
import { join, resolve } from 'node:path';
import { cacheName, contentHash, readCache, writeCache } from '../store/cacheFile.js';
import { combineLoaded } from './combine.js';
import type { LoadedDeck, LoadedDecks } from '../model/deck.js';
import { packDeck, unpackDeck } from './packedDeck.js';
import { decodeDeckText, readDeckBytes } from './read.js';
import { resolveDeckSources } from './resolve.js';

export async function loadDecksCached(
  specs: string[],
  options: { installedDir: string; cacheDir: string; env?: NodeJS.ProcessEnv },
): Promise<LoadedDecks> {
  const loaded: LoadedDeck[] = [];
  for (const { file, slug } of resolveDeckSources(specs, options)) loaded.push(await readDeckFileCached(file, slug, options.cacheDir));
  return combineLoaded(loaded);
}

/** readDeckFile with a cache: the same result, errors included (a deck with errors is never cached), and the deck's content hash. */
export async function readDeckFileCached(file: string, slug: string, cacheDir: string): Promise<LoadedDeck> {
  const bytes = readDeckBytes(file);
  const hash = contentHash(bytes);
  const path = resolve(file);
  const entryFile = join(cacheDir, `deck-${cacheName(path)}`);
  // The file name as given ends up in warnings, so it is part of the key.
  const key = JSON.stringify(['deck', path, file, slug, hash]);

  let loaded = unpackDeck(readCache<unknown>(entryFile, key));
  if (!loaded) {
    const { parseDeck } = await import('./parse.js');
    loaded = parseDeck(decodeDeckText(bytes, file), { path: file, slug });
    writeCache(entryFile, key, packDeck(loaded));
  }
  return { deck: loaded.deck, warnings: loaded.warnings, contentHash: hash };
}
