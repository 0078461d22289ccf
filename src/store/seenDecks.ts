// What kfq last saw of each deck: its question list, and every (id, text)
// pair reviews of each question were once logged under. One small JSON file
// per deck in the data folder (not the cache: losing it loses which old
// reviews belong to which question once a deck has changed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '../errors.js';
import type { DeckChange, DeckChangeEntry, PastName, SeenDeck, SeenQuestion, SeenQuestionRef } from '../model/seenDeck.js';
import { describeFsError, makeFolders, writeFileAtomic } from './files.js';
import { isObject } from './records.js';

export type { DeckChange, DeckChangeEntry, PastName, SeenDeck, SeenQuestion, SeenQuestionRef };

export const SEEN_DECK_VERSION = 1;

export function seenDeckFile(folder: string, deck: string): string {
  return join(folder, `${deck}.json`);
}

/** The deck as last seen, or undefined when never seen (or the file is unreadable: then kfq starts over from the current deck). */
export function readSeenDeck(folder: string, deck: string): SeenDeck | undefined {
  let text: string;
  try {
    text = readFileSync(seenDeckFile(folder, deck), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const record: unknown = JSON.parse(text);
    if (!isObject(record) || record.kfq !== 'seen-deck' || record.version !== SEEN_DECK_VERSION || !isObject(record.seen)) return undefined;
    const seen = record.seen as unknown as SeenDeck;
    return Array.isArray(seen.questions) && Array.isArray(seen.past) && Array.isArray(seen.retired) && seen.deck === deck
      ? seen
      : undefined;
  } catch {
    return undefined;
  }
}

export function writeSeenDeck(folder: string, seen: SeenDeck): void {
  try {
    makeFolders(folder);
  } catch (error) {
    throw new StorageError(`cannot create ${folder}: ${describeFsError(error)}`, { cause: error });
  }
  writeFileAtomic(seenDeckFile(folder, seen.deck), `${JSON.stringify({ kfq: 'seen-deck', version: SEEN_DECK_VERSION, seen })}\n`, {
    what: `the deck identity file of ${seen.deck}`,
  });
}

/** The folder of seen-deck files inside the kfq home. */
export function seenDecksFolder(home: string): string {
  return join(home, 'seen');
}
