// What kfq last saw of each deck: its question list, and every (id, text)
// pair reviews of each question were once logged under. One small JSON file
// per deck in the data folder (not the cache: losing it loses which old
// reviews belong to which question once a deck has changed).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '../errors.js';
import type { DeckChange, DeckChangeEntry, PastName, SeenDeck, SeenQuestion, SeenQuestionRef } from '../model/seenDeck.js';
import { ContentHasher } from './cacheFile.js';
import { describeFsError, makeFolders, openAtomicFile } from './files.js';
import { isObject } from './records.js';

export type { DeckChange, DeckChangeEntry, PastName, SeenDeck, SeenQuestion, SeenQuestionRef };

export const SEEN_DECK_VERSION = 1;

export function seenDeckFile(folder: string, deck: string): string {
  return join(folder, `${deck}.json`);
}

/** The deck as last seen, or undefined when never seen (or the file is unreadable: then kfq starts over from the current deck). */
export function readSeenDeck(folder: string, deck: string): SeenDeck | undefined {
  const bytes = readSeenDeckBytes(folder, deck);
  return bytes && parseSeenDeck(bytes, deck);
}

/** The seen-deck file's bytes, or undefined when there is none (or it cannot be read). */
export function readSeenDeckBytes(folder: string, deck: string): Buffer | undefined {
  try {
    return readFileSync(seenDeckFile(folder, deck));
  } catch {
    return undefined;
  }
}

/** The deck a seen-deck file holds, or undefined when the bytes are not one (for this deck). */
export function parseSeenDeck(bytes: Buffer, deck: string): SeenDeck | undefined {
  try {
    const record: unknown = JSON.parse(bytes.toString('utf8'));
    if (!isObject(record) || record.kfq !== 'seen-deck' || record.version !== SEEN_DECK_VERSION || !isObject(record.seen)) return undefined;
    const seen = record.seen as unknown as SeenDeck;
    return Array.isArray(seen.questions) && Array.isArray(seen.past) && Array.isArray(seen.retired) && seen.deck === deck
      ? seen
      : undefined;
  } catch {
    return undefined;
  }
}

/** Questions per piece of JSON written: one JSON text of a 100,000-question list would take tens of MB at once. */
const QUESTIONS_PER_WRITE = 2000;
const COMMA = 0x2c;

/** Saves the deck as seen; returns the content hash (contentHash in cacheFile.ts) of the bytes written. */
export function writeSeenDeck(folder: string, seen: SeenDeck): string {
  try {
    makeFolders(folder);
  } catch (error) {
    throw new StorageError(`cannot create ${folder}: ${describeFsError(error)}`, { cause: error });
  }
  const atomic = openAtomicFile(seenDeckFile(folder, seen.deck), { what: `the deck identity file of ${seen.deck}` });
  const hash = new ContentHasher();
  const writeBytes = (bytes: Buffer): void => {
    hash.update(bytes);
    atomic.write(bytes);
  };
  const write = (text: string): void => writeBytes(Buffer.from(text, 'utf8'));
  // The same text as JSON.stringify({ kfq, version, seen }) would give, written a piece at a time.
  write(`{"kfq":"seen-deck","version":${SEEN_DECK_VERSION},"seen":{`);
  let first = true;
  for (const [key, value] of Object.entries(seen)) {
    if (value === undefined) continue;
    write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (key !== 'questions') {
      write(JSON.stringify(value));
      continue;
    }
    const questions = value as SeenQuestion[];
    // Each piece is a JSON array whose `[` opens the list or, after the first piece, becomes the comma between pieces;
    // written as encoded, without a copy of its text that leaves out the brackets.
    if (questions.length === 0) write('[');
    for (let at = 0; at < questions.length; at += QUESTIONS_PER_WRITE) {
      const bytes = Buffer.from(JSON.stringify(questions.slice(at, at + QUESTIONS_PER_WRITE)), 'utf8');
      if (at > 0) bytes[0] = COMMA;
      writeBytes(bytes.subarray(0, bytes.length - 1));
    }
    write(']');
  }
  write('}}\n');
  atomic.commit();
  return hash.digest();
}

/** The folder of seen-deck files inside the kfq home. */
export function seenDecksFolder(home: string): string {
  return join(home, 'seen');
}
