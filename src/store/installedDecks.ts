// Installed decks: `<name>.md` files in the decks folder (what `--deck NAME`
// loads), each with a `<name>.json` note of where it came from.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { StorageError } from '../errors.js';
import { describeFsError, writeFileAtomic } from './files.js';
import { readRegularText } from './fileType.js';

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

export function originFile(folder: string, name: string): string {
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
    // A FIFO or device in place of the note throws (exit 3, naming it) instead of hanging.
    const record: unknown = JSON.parse(readRegularText(originFile(folder, name), 'the origin note') ?? '');
    if (typeof record === 'object' && record !== null && typeof (record as DeckOrigin).source === 'string') return record as DeckOrigin;
  } catch (error) {
    if (error instanceof StorageError) throw error;
    // No note, or a damaged one: the deck itself still works.
  }
  return undefined;
}

/**
 * Writes the deck, then its origin note, each atomically, under the name's
 * lock, so two installs of one name never mix one's deck with the other's
 * note. Returns 'exists' (and writes nothing) when the name is taken and
 * `replace` is false; whether it replaced a deck otherwise.
 */
export function installDeck(
  folder: string,
  name: string,
  markdown: string | Buffer,
  origin: DeckOrigin,
  replace: boolean,
): 'exists' | 'added' | 'replaced' {
  const file = installedDeckFile(folder, name);
  return withNameLock(folder, name, () => {
    const existed = existsSync(file);
    if (existed && !replace) return 'exists';
    writeFileAtomic(file, markdown, { what: `the deck ${file}` });
    writeFileAtomic(originFile(folder, name), `${JSON.stringify(origin, null, 2)}\n`, { what: `the origin note of ${file}` });
    return existed ? 'replaced' : 'added';
  });
}

/** How long a second `deck add` of one name waits for the first before giving up. */
const LOCK_WAIT_MS = 10_000;

/** Runs `work` holding `.NAME.lock` (created exclusively, holding our pid); a lock whose process is gone is taken over. */
function withNameLock<T>(folder: string, name: string, work: () => T): T {
  const lock = join(folder, `.${name}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StorageError(`cannot lock ${lock}: ${describeFsError(error)}`, { cause: error });
      }
    }
    if (!lockHolderAlive(lock)) {
      rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new StorageError(`another kfq is installing the deck '${name}' (${lock})`, { hint: 'try again when it has finished' });
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  try {
    return work();
  } finally {
    rmSync(lock, { force: true });
  }
}

function lockHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return true; // Being written or just removed: look again.
  }
  if (!Number.isSafeInteger(pid) || pid <= 0) return !isOlderThan(lock, 1000);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isOlderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
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
