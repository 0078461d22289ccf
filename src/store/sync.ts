// Practising on several machines through one shared folder (a git repository
// or a synced folder). Each machine appends only to its own review log,
// `<dir>/reviews/<machine-id>.jsonl`, and saves its own reports under
// `<dir>/reports/<machine-id>/`; no two machines ever write the same file, so
// git never has a conflict to merge. Readers take the union of every log.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { randomHex } from '../model/randomHex.js';
import { StorageError } from '../errors.js';
import { parseSharedConfigText } from './configFile.js';
import { describeFsError, makeFolders, writeAll } from './files.js';

export interface SyncPaths {
  /** The shared folder. */
  dir: string;
  /** This machine's id: made once, kept in the kfq home. */
  machine: string;
  /** Folder of every machine's review log. */
  reviews: string;
  /** Folder of every machine's report folder. */
  reports: string;
}

/** Where the shared folder is: KFQ_SYNC_DIR, else `sync.dir` in config.toml; undefined when not set. */
export function syncDirSetting(configFolder: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.KFQ_SYNC_DIR) return resolve(env.KFQ_SYNC_DIR);
  const file = join(configFolder, 'config.toml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  // Told the same way whoever reads the file first.
  const config = parseSharedConfigText(text, file);
  const sync = config.sync;
  const dir = typeof sync === 'object' && sync !== null ? (sync as Record<string, unknown>).dir : undefined;
  if (dir === undefined) return undefined;
  if (typeof dir !== 'string' || dir === '') throw new StorageError(`${file}: sync.dir must be a folder path`);
  return resolve(dir);
}

export function syncPaths(dir: string, home: string): SyncPaths {
  return { dir, machine: machineId(home), reviews: join(dir, 'reviews'), reports: join(dir, 'reports') };
}

/** This machine's id, made on first use: the host name (for people) and randomness (two machines may share a host name). */
export function machineId(home: string): string {
  const file = join(home, 'machine-id');
  const read = (): string | undefined => {
    try {
      const id = readFileSync(file, 'utf8').trim();
      return /^[a-z0-9][a-z0-9-]{0,80}$/.test(id) ? id : undefined;
    } catch {
      return undefined;
    }
  };
  const existing = read();
  if (existing) return existing;
  const host =
    hostname()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'machine';
  const id = `${host}-${randomHex(4)}`;
  try {
    makeFolders(home);
    // Exclusive create: two first runs at once agree on the id the first one wrote.
    const fd = openSync(file, 'wx');
    try {
      writeAll(fd, Buffer.from(`${id}\n`));
    } finally {
      closeSync(fd);
    }
    return id;
  } catch (error) {
    const raced = read();
    if (raced) return raced;
    throw new StorageError(`cannot record this machine's id in ${file}: ${describeFsError(error)}`);
  }
}
