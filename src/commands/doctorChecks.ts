// What kfq doctor looks at in the data folder, each finding with the repair
// `--fix` may make. Read-only until a fix is run.
import { accessSync, constants, lstatSync, readdirSync, readlinkSync, renameSync, rmSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { loadDecksCached } from '../deck/cache.js';
import { decodeDeckText, readDeckBytes } from '../deck/read.js';
import { KfqError } from '../errors.js';
import { FSRS_REPLAY } from '../practice/cardReplay.js';
import { readReviewHistory } from '../store/cardSnapshot.js';
import { describeFsError } from '../store/files.js';
import { kindOf } from '../store/fileType.js';
import { readReport } from '../store/interviewReports.js';
import type { KfqPaths } from '../store/paths.js';
import { fileStamp, moveDamagedLines } from '../store/repairLog.js';
import { checkLogAppendable } from '../store/reviewLogChecks.js';
import { logProblems } from '../store/reviewLogStream.js';
import { findStaleTemps } from '../store/staleTemps.js';
import { plural } from '../model/plural.js';

export type Level = 'ok' | 'warning' | 'problem';

export interface Finding {
  area: 'home' | 'log' | 'reports' | 'decks' | 'cache' | 'temp files';
  level: Level;
  file: string;
  message: string;
  /** What --fix does about it; absent when only the user can. */
  fix?: () => string | Promise<string>;
}

export async function inspect(paths: KfqPaths, deckSpecs: string[], now: () => Date): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (finding: Finding): void => void findings.push(finding);
  if (!statOf(paths.home)) {
    add({ area: 'home', level: 'ok', file: paths.home, message: 'no data folder yet: nothing saved, nothing to check' });
    return findings;
  }
  checkFolders(paths, add);
  await checkLog(paths.history, now, add);
  checkReports(paths.reports, now, add);
  await checkDecks(paths.decks, now, add);
  checkCache(paths, deckSpecs, add);
  for (const folder of [paths.home, paths.decks, paths.reports, paths.cache]) {
    for (const temp of findStaleTemps(folder)) {
      add({
        area: 'temp files',
        level: 'warning',
        file: temp.file,
        message: `left by a kfq (process ${temp.pid}) that was stopped mid-write; ${temp.bytes} bytes`,
        fix: () => (rmSync(temp.file, { force: true }), 'removed'),
      });
    }
  }
  return findings;
}

function checkFolders(paths: KfqPaths, add: (finding: Finding) => void): void {
  for (const folder of [paths.home, paths.decks, paths.reports, paths.cache]) {
    const stats = statOf(folder);
    if (!stats) continue;
    if (!stats.isDirectory()) {
      add({ area: 'home', level: 'problem', file: folder, message: `is ${kindOf(stats)} where kfq keeps a folder; move it away` });
      continue;
    }
    try {
      accessSync(folder, constants.W_OK);
    } catch (error) {
      add({
        area: 'home',
        level: 'problem',
        file: folder,
        message: `cannot be written: ${describeFsError(error)}; drill, mock and deck add will refuse to start`,
      });
    }
  }
}

async function checkLog(log: string, now: () => Date, add: (finding: Finding) => void): Promise<void> {
  const stats = statOf(log);
  if (!stats) return add({ area: 'log', level: 'ok', file: log, message: 'no reviews yet' });
  if (stats.isSymbolicLink())
    add({ area: 'log', level: 'ok', file: log, message: `is a symbolic link to ${readlinkSync(log)}; kfq follows it` });
  try {
    checkLogAppendable(log);
  } catch (error) {
    if (!(error instanceof KfqError)) throw error;
    const special = lstatIsSpecial(log);
    return add({
      area: 'log',
      level: 'problem',
      file: log,
      message: error.message,
      fix: special ? () => moveAside(log, now()) : undefined,
    });
  }
  try {
    const problems = await logProblems(log);
    if (problems.length === 0) return add({ area: 'log', level: 'ok', file: log, message: 'every line is a kfq record' });
    const lines = problems
      .slice(0, 5)
      .map((problem) => problem.line)
      .join(', ');
    add({
      area: 'log',
      level: 'warning',
      file: log,
      message: `${plural(problems.length, 'damaged line')} (line ${lines}${problems.length > 5 ? ', …' : ''}), skipped with a warning on every run`,
      fix: () => {
        const { sideFile, moved } = moveDamagedLines(log, new Set(problems.map((problem) => problem.line)), now());
        return `moved ${plural(moved, 'line')} to ${sideFile}`;
      },
    });
  } catch (error) {
    if (!(error instanceof KfqError)) throw error;
    add({ area: 'log', level: 'problem', file: log, message: error.message });
  }
}

function checkReports(folder: string, now: () => Date, add: (finding: Finding) => void): void {
  let damaged = 0;
  for (const name of namesIn(folder)) {
    if (!name.endsWith('.json') || name.startsWith('.')) continue;
    const file = join(folder, name);
    let result: ReturnType<typeof readReport>;
    try {
      result = readReport(file);
    } catch (error) {
      if (!(error instanceof KfqError)) throw error;
      add({ area: 'reports', level: 'problem', file, message: error.message, fix: () => moveAside(file, now()) });
      continue;
    }
    if (typeof result === 'string') {
      damaged++;
      add({ area: 'reports', level: 'warning', file, message: result, fix: () => moveAside(file, now()) });
    }
  }
  if (damaged === 0) add({ area: 'reports', level: 'ok', file: folder, message: 'every report reads' });
}

async function checkDecks(folder: string, now: () => Date, add: (finding: Finding) => void): Promise<void> {
  for (const name of listInstalledNames(folder)) {
    const file = join(folder, name);
    if (!statOf(file)?.isFile()) continue;
    try {
      const { parseDeck } = await import('../deck/parse.js');
      const { warnings } = parseDeck(decodeDeckText(readDeckBytes(file), file), { path: file, slug: name.slice(0, -'.md'.length) });
      if (warnings.length > 0)
        add({ area: 'decks', level: 'warning', file, message: `${plural(warnings.length, 'problem')}; kfq validate ${file} lists them` });
    } catch (error) {
      if (!(error instanceof KfqError)) throw error;
      add({ area: 'decks', level: 'problem', file, message: error.message });
    }
  }
  for (const name of namesIn(folder)) {
    const file = join(folder, name);
    const stats = statOf(file);
    if (!stats || name.startsWith('.')) continue;
    if ((name.endsWith('.md') || name.endsWith('.json')) && !stats.isFile() && !stats.isSymbolicLink()) {
      add({
        area: 'decks',
        level: 'problem',
        file,
        message: `is ${kindOf(stats)}, not a regular file; kfq refuses to read it`,
        fix: () => moveAside(file, now()),
      });
    }
  }
  const locks = namesIn(folder).filter((name) => /^\..+\.lock$/.test(name));
  for (const lock of locks) {
    const file = join(folder, lock);
    const stats = statOf(file);
    if (stats && Date.now() - stats.mtimeMs > 60_000) {
      add({
        area: 'decks',
        level: 'warning',
        file,
        message: 'a deck add lock left by a stopped kfq',
        fix: () => (rmSync(file, { force: true }), 'removed'),
      });
    }
  }
}

/** The cache is disposable: --fix empties it and builds it again from the log and the decks. */
function checkCache(paths: KfqPaths, deckSpecs: string[], add: (finding: Finding) => void): void {
  const entries = namesIn(paths.cache);
  for (const name of entries) {
    const file = join(paths.cache, name);
    const stats = statOf(file);
    if (stats && !stats.isFile())
      add({
        area: 'cache',
        level: 'warning',
        file,
        message: `is ${kindOf(stats)}; the cache ignores it`,
        fix: () => (rmSync(file, { recursive: true, force: true }), 'removed'),
      });
  }
  add({
    area: 'cache',
    level: 'ok',
    file: paths.cache,
    message: `${plural(entries.length, 'file')}; rebuilt by --fix`,
    fix: () => {
      for (const name of namesIn(paths.cache)) rmSync(join(paths.cache, name), { recursive: true, force: true });
      return rebuildCaches(paths, deckSpecs);
    },
  });
}

/** The review snapshot, the selected decks and every installed deck, cached again; what cannot be read stays for its own finding. */
async function rebuildCaches(paths: KfqPaths, deckSpecs: string[]): Promise<string> {
  const tolerate = (error: unknown): void => {
    if (!(error instanceof KfqError)) throw error;
  };
  try {
    readReviewHistory(paths.history, paths.cache, FSRS_REPLAY);
  } catch (error) {
    tolerate(error);
  }
  const installed = listInstalledNames(paths.decks).map((name) => name.slice(0, -'.md'.length));
  let decks = 0;
  for (const specs of [deckSpecs, ...installed.map((name) => [name])]) {
    try {
      decks += (await loadDecksCached(specs, { installedDir: paths.decks, cacheDir: paths.cache })).decks.length;
    } catch (error) {
      tolerate(error);
    }
  }
  return `emptied and rebuilt (review history and ${plural(decks, 'deck')})`;
}

function listInstalledNames(folder: string): string[] {
  return namesIn(folder).filter((name) => name.endsWith('.md') && !name.startsWith('.'));
}

/** A file that must not be where it is, renamed beside itself (never deleted). */
function moveAside(file: string, now: Date): string {
  const aside = `${file}.damaged-${fileStamp(now)}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    return `could not move it: ${describeFsError(error)}`;
  }
  return `moved to ${aside}`;
}

function lstatIsSpecial(file: string): boolean {
  const stats = statOf(file);
  return stats !== undefined && !stats.isFile() && !stats.isSymbolicLink() && !stats.isDirectory();
}

function statOf(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}
