// Temp files left behind when kfq was killed mid-write (SIGKILL, a power cut):
// `.NAME.kfq-PID-RANDOM.tmp` (and `.NAME.PID.tmp`, the older name) whose
// process no longer exists. Removed from kfq's own folders at start, and from
// a user's folder when kfq next exports there.
import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const KFQ_TEMP = /^\.(.+)\.kfq-(\d+)-[0-9a-f]+\.tmp$/;
const OLD_TEMP = /^\.(.+)\.(\d+)\.tmp$/;
/** A temp file younger than this is left alone even if its process looks gone (it may live in another PID namespace). */
const MIN_AGE_MS = 60_000;

export interface StaleTemp {
  file: string;
  pid: number;
  bytes: number;
}

/**
 * The stale temp files in a folder. In kfq's own folders both names count; in
 * a user's folder (`own: false`) only kfq's distinctive name does, and the old
 * one only for the file kfq is about to write (`target`).
 */
export function findStaleTemps(
  folder: string,
  { own = true, target, now = Date.now() }: { own?: boolean; target?: string; now?: number } = {},
): StaleTemp[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const stale: StaleTemp[] = [];
  for (const name of names) {
    if (!name.endsWith('.tmp') || !name.startsWith('.')) continue;
    const match = KFQ_TEMP.exec(name) ?? OLD_TEMP.exec(name);
    if (!match) continue;
    if (!own && !KFQ_TEMP.test(name) && match[1] !== target) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    const file = join(folder, name);
    try {
      const stats = lstatSync(file);
      if (!stats.isFile() || now - stats.mtimeMs < MIN_AGE_MS) continue;
      stale.push({ file, pid, bytes: stats.size });
    } catch {
      // Gone meanwhile.
    }
  }
  return stale;
}

/** Removes the stale temp files of a folder; returns those removed. Never throws: this is tidying, not the command. */
export function removeStaleTemps(folder: string, options: { own?: boolean; target?: string; now?: number } = {}): StaleTemp[] {
  return findStaleTemps(folder, options).filter(({ file }) => {
    try {
      unlinkSync(file);
      return true;
    } catch {
      return false;
    }
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's process.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** At start: the stale temp files in the kfq home and its folders. */
export function tidyHome(paths: { home: string; decks: string; reports: string; cache: string }): StaleTemp[] {
  return [paths.home, paths.decks, paths.reports, paths.cache].flatMap((folder) => removeStaleTemps(folder));
}
