// Where kfq keeps what it writes: one home folder (KFQ_HOME, or the platform's
// place for application state) holding installed decks, the review log,
// interview reports and a cache.
import { closeSync, openSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';
import { kfqHome } from './home.js';
import { StorageError } from '../errors.js';
import { describeFsError, makeFolders } from './files.js';
import { syncDirSetting, syncPaths, type SyncPaths } from './sync.js';

export interface KfqPaths {
  home: string;
  /** The config folder (config.toml, aliases.txt): KFQ_CONFIG_HOME, else XDG_CONFIG_HOME/kfq, else ~/.config/kfq (%APPDATA%\\kfq). */
  config: string;
  /** Installed decks. */
  decks: string;
  /** The review log (JSON lines). */
  history: string;
  /** Folder of interview reports. */
  reports: string;
  cache: string;
  /** Set when practising on several machines (sync.dir or KFQ_SYNC_DIR): history and reports are then this machine's files there. */
  sync?: SyncPaths;
}

export function kfqPaths(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): KfqPaths {
  const { join } = platform === 'win32' ? win32 : posix;
  const home = kfqHome(env, platform);
  const config = configFolder(env, platform);
  const paths: KfqPaths = {
    home,
    config,
    decks: join(home, 'decks'),
    history: join(home, 'reviews.jsonl'),
    reports: join(home, 'reports'),
    cache: join(home, 'cache'),
  };
  const syncDir = syncDirSetting(config, env);
  if (syncDir === undefined) return paths;
  const sync = syncPaths(syncDir, home);
  return { ...paths, history: join(sync.reviews, `${sync.machine}.jsonl`), reports: join(sync.reports, sync.machine), sync };
}

function configFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env.KFQ_CONFIG_HOME) return resolve(env.KFQ_CONFIG_HOME);
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(env.USERPROFILE || homedir(), 'AppData', 'Roaming'), 'kfq');
  // As with XDG_STATE_HOME, a relative XDG_CONFIG_HOME is ignored.
  if (env.XDG_CONFIG_HOME?.startsWith('/')) return posix.join(env.XDG_CONFIG_HOME, 'kfq');
  return posix.join(env.HOME || homedir(), '.config', 'kfq');
}

/**
 * Creates the folders and proves the home can be written, so a session fails
 * before the first question rather than after the user has answered some.
 */
export function ensureWritableHome(paths: KfqPaths): void {
  const hint = 'set KFQ_HOME to a folder you can write to (see kfq paths)';
  for (const folder of [paths.home, paths.decks, paths.reports, paths.cache, ...(paths.sync ? [paths.sync.reviews] : [])]) {
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
