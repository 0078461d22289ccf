// Moving a machine's history into a sync folder: its review log becomes
// `<dir>/reviews/<machine>.jsonl` and its reports go to
// `<dir>/reports/<machine>/`, copied (the local files stay as they were, a
// backup), and config.toml gets `sync.dir`.
import { constants, copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'smol-toml';
import { StorageError } from '../errors.js';
import { describeFsError, makeFolders, writeFileAtomic } from './files.js';
import { syncPaths } from './sync.js';

export interface SyncInitResult {
  machine: string;
  /** Whether the local log was copied (false when there was none). */
  copiedLog: boolean;
  copiedReports: number;
  configFile: string;
}

/** `localLog` and `localReports`: where this machine kept them before syncing. */
export function initSyncFolder(dir: string, home: string, localLog: string, localReports: string, configFolder: string): SyncInitResult {
  const sync = syncPaths(dir, home);
  const ownLog = join(sync.reviews, `${sync.machine}.jsonl`);
  const ownReports = join(sync.reports, sync.machine);
  const fail = (what: string, error: unknown): StorageError =>
    new StorageError(`cannot ${what}: ${describeFsError(error)}`, { cause: error });
  try {
    makeFolders(sync.reviews);
    makeFolders(ownReports);
  } catch (error) {
    throw fail(`create the sync folder ${dir}`, error);
  }

  let copiedLog = false;
  if (existsSync(localLog)) {
    if (existsSync(ownLog)) {
      if (!readFileSync(ownLog).equals(readFileSync(localLog))) {
        throw new StorageError(`${ownLog} already holds another history of this machine; it was left unchanged`, {
          hint: 'kfq reads it already when sync.dir points there; to start over, move that file away first',
        });
      }
    } else {
      try {
        copyFileSync(localLog, ownLog, constants.COPYFILE_EXCL);
        copiedLog = true;
      } catch (error) {
        throw fail(`copy ${localLog} to ${ownLog}`, error);
      }
    }
  }

  let copiedReports = 0;
  let names: string[] = [];
  try {
    names = readdirSync(localReports).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  } catch {
    // No reports yet.
  }
  for (const name of names) {
    try {
      copyFileSync(join(localReports, name), join(ownReports, name), constants.COPYFILE_EXCL);
      copiedReports++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fail(`copy the report ${name}`, error);
    }
  }

  const configFile = join(configFolder, 'config.toml');
  setConfigKey(configFile, dir);
  return { machine: sync.machine, copiedLog, copiedReports, configFile };
}

/** Sets `sync.dir` in config.toml, keeping every other setting. */
function setConfigKey(file: string, dir: string): void {
  let config: Record<string, unknown> = {};
  try {
    config = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new StorageError(`cannot read ${file}: ${(error as Error).message.split('\n')[0]}; it was left unchanged`);
  }
  const sync = typeof config.sync === 'object' && config.sync !== null ? (config.sync as Record<string, unknown>) : {};
  config.sync = { ...sync, dir };
  makeFolders(join(file, '..'));
  writeFileAtomic(file, stringify(config) + '\n', { what: file });
}
