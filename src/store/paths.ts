// Where kfq keeps what it writes: one home folder (KFQ_HOME, or the platform's
// place for application state) holding installed decks, the review log,
// interview reports and a cache.
import { closeSync, openSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';
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
  /** Folder of config.toml: KFQ_CONFIG_HOME, else the platform's config folder. */
  config: string;
}

export function kfqPaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): KfqPaths {
  const { join } = platform === 'win32' ? win32 : posix;
  const home = homeFolder(env, platform);
  return {
    home,
    decks: join(home, 'decks'),
    history: join(home, 'reviews.jsonl'),
    reports: join(home, 'reports'),
    cache: join(home, 'cache'),
    config: configFolder(env, platform),
  };
}

function configFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env.KFQ_CONFIG_HOME) return resolve(env.KFQ_CONFIG_HOME);
  if (platform === 'win32') {
    const userHome = env.USERPROFILE || homedir();
    return win32.join(env.APPDATA || win32.join(userHome, 'AppData', 'Roaming'), 'kfq');
  }
  // As for XDG_STATE_HOME, a relative XDG_CONFIG_HOME is invalid and ignored.
  const userHome = env.HOME || homedir();
  const config = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : posix.join(userHome, '.config');
  return posix.join(config, 'kfq');
}

function homeFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env.KFQ_HOME) return resolve(env.KFQ_HOME);
  if (platform === 'win32') {
    const userHome = env.USERPROFILE || homedir();
    return win32.join(env.LOCALAPPDATA || win32.join(userHome, 'AppData', 'Local'), 'kfq');
  }
  const userHome = env.HOME || homedir();
  if (platform === 'darwin') return posix.join(userHome, 'Library', 'Application Support', 'kfq');
  // The XDG spec says a relative XDG_STATE_HOME is invalid and must be ignored.
  const state = env.XDG_STATE_HOME?.startsWith('/') ? env.XDG_STATE_HOME : posix.join(userHome, '.local', 'state');
  return posix.join(state, 'kfq');
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
