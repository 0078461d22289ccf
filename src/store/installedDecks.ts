// Installed decks: `<name>.md` files in the decks folder (what `--deck NAME`
// loads), each with a `<name>.json` note of where it came from.
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { StorageError } from '../errors.js';
import { describeFsError, writeFileAtomic } from './files.js';

export interface DeckOrigin {
  /** Absolute path of the file it was added from. */
  source: string;
  format: 'markdown' | 'anki' | 'csv';
  addedAt: string;
}

export interface InstalledDeck {
  name: string;
  path: string;
  origin: DeckOrigin | undefined;
}

/** A name that is also a safe file name: letters, digits, `-`, `_` and `.`, starting with a letter or digit. */
export function isDeckName(name: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{0,63}$/i.test(name) && !name.endsWith('.md');
}

export function installedDeckFile(folder: string, name: string): string {
  return join(folder, `${name}.md`);
}

function originFile(folder: string, name: string): string {
  return join(folder, `${name}.json`);
}

export function listInstalledDecks(folder: string): InstalledDeck[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new StorageError(`cannot read the decks folder ${folder}: ${describeFsError(error)}`, { cause: error });
  }
  return names
    .filter((file) => file.endsWith('.md') && !file.startsWith('.'))
    .sort()
    .map((file) => {
      const name = basename(file, '.md');
      return { name, path: join(folder, file), origin: readOrigin(folder, name) };
    });
}

function readOrigin(folder: string, name: string): DeckOrigin | undefined {
  try {
    const record: unknown = JSON.parse(readFileSync(originFile(folder, name), 'utf8'));
    if (typeof record === 'object' && record !== null && typeof (record as DeckOrigin).source === 'string') return record as DeckOrigin;
  } catch {
    // No note, or a damaged one: the deck itself still works.
  }
  return undefined;
}

/** Writes the deck, then its origin note, each atomically; replaces a deck of the same name. */
export function installDeck(folder: string, name: string, markdown: string | Buffer, origin: DeckOrigin): string {
  const file = installedDeckFile(folder, name);
  writeFileAtomic(file, markdown);
  writeFileAtomic(originFile(folder, name), `${JSON.stringify(origin, null, 2)}\n`);
  return file;
}

/** Deletes the deck and its note; the review log is not touched. */
export function removeInstalledDeck(folder: string, name: string): void {
  for (const file of [installedDeckFile(folder, name), originFile(folder, name)]) {
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new StorageError(`cannot delete ${file}: ${describeFsError(error)}`, { cause: error });
      }
    }
  }
}
