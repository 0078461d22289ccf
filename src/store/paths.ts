// Where kfq keeps what it writes: one home folder (KFQ_HOME, or the platform's
// place for application state) holding installed decks, the review log,
// interview reports and a cache.
import { closeSync, openSync, unlinkSync } from 'node:fs';
import { posix, resolve, win32 } from 'node:path';
import { kfqHome } from './home.js';
import { StorageError } from '../errors.js';
import { describeFsError, makeFolders } from './files.js';

export interface KfqPaths {
  home: string;
  /** Installed decks. */
  decks: string;
  /** The review log (JSON lines). */
  history: string;
  /** Folder of interview reports. */
  reports: string;
  cache: string;
}

export function kfqPaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): KfqPaths {
  const { join } = platform === 'win32' ? win32 : posix;
  const home = kfqHome(env, platform);
  return {
    home,
    decks: join(home, 'decks'),
    history: join(home, 'reviews.jsonl'),
    reports: join(home, 'reports'),
    cache: join(home, 'cache'),
  };
}

/**
 * Creates the folders and proves the home can be written, so a session fails
 * before the first question rather than after the user has answered some.
 */
export function ensureWritableHome(paths: KfqPaths): void {
  const hint = 'set KFQ_HOME to a folder you can write to (see kfq paths)';
  for (const folder of [paths.home, paths.decks, paths.reports, paths.cache]) {
    try {
      makeFolders(folder);
    } catch (error) {
      throw new StorageError(`cannot create the folder ${folder}: ${describeFsError(error)}`, { hint, cause: error });
    }
  }
  // Writing a file is the one test that root, ACLs and network mounts cannot fool.
  const probe = resolve(paths.home, `.write-test-${process.pid}`);
  try {
    closeSync(openSync(probe, 'w'));
    unlinkSync(probe);
  } catch (error) {
    throw new StorageError(`the kfq home ${paths.home} is not writable: ${describeFsError(error)}`, { hint, cause: error });
  }
}
