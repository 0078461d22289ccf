// Starts kfq from a one-file CommonJS bundle with V8's code cache, so a start
// deserializes compiled code instead of parsing the whole bundle. There are two
// bundles of the same program: dist/start.cjs, with only the commands that must
// start fastest (the others are left out, so there is less to read and
// deserialize), and dist/main.cjs with every command. The build makes a code
// cache for each (BUNDLE.cache); where one does not fit (another Node, or the
// bundle installed in another place), the first run makes one for this Node in
// kfq's cache folder. bin/kfq.js calls run(); the build calls train().
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { commandWord } from './model/commandLine.js';
import { kfqHome } from './store/home.js';

interface Kfq {
  main(argv?: string[]): Promise<number>;
}

interface LoadedKfq {
  kfq: Kfq;
  script: Script;
  /** The code cache given to V8, if one fitted the bundle (script.cachedDataRejected tells whether V8 took it). */
  cachedData: Buffer | undefined;
  filename: string;
  /** bundleChecksum of the bundle. */
  checksum: number;
  /** Where this Node's own cache for this bundle is kept when the shipped one does not fit. */
  localCacheFile: string;
}

/** The commands in dist/start.cjs (set by scripts/build.js, which builds that bundle without the others). */
declare const KFQ_START_COMMANDS: readonly string[];
export type Bundle = 'start.cjs' | 'main.cjs';

/** What to start: the bundle, and the start.cjs command whose own code cache (BUNDLE.COMMAND.cache) holds just its code. */
export interface Start {
  bundle: Bundle;
  command?: string;
}
/** crc32 of the bundle (bundleChecksum), then of the cached data. */
const HEADER_BYTES = 8;

export function run(distDir: string): void {
  const loaded = loadKfq(distDir, startFor(process.argv.slice(2), KFQ_START_COMMANDS));
  void loaded.kfq.main().then((code) => {
    process.exitCode = code;
    if (loaded.cachedData === undefined || loaded.script.cachedDataRejected) saveLocalCodeCache(loaded);
  });
}

/**
 * The bundle that can run these arguments: start.cjs unless they name a command
 * it leaves out. Without a command (help, the version, a usage error) nothing
 * runs but commander, and every command's options and help are in both.
 */
export function startFor(args: readonly string[], startCommands: readonly string[]): Start {
  const { word } = commandWord(args);
  if (word === undefined) return { bundle: 'start.cjs' };
  return startCommands.includes(word) ? { bundle: 'start.cjs', command: word } : { bundle: 'main.cjs' };
}

/** Where the build keeps the code cache of a bundle, or of one of its commands. */
function shippedCacheFile(filename: string, command: string | undefined): string {
  return command === undefined ? `${filename}.cache` : `${filename}.${command}.cache`;
}

/** Runs kfq once for each argv, in this process, and caches the code they compiled (for the bundle, or for one of its commands). */
export async function train(distDir: string, { bundle, command }: Start, argvs: string[][]): Promise<void> {
  const { kfq, script, checksum, filename } = loadKfq(distDir, { bundle, useCache: false });
  for (const argv of argvs) await kfq.main(['node', 'kfq', ...argv]);
  writeCodeCache(shippedCacheFile(filename, command), checksum, script.createCachedData());
}

function writeCodeCache(file: string, checksum: number, data: Buffer): void {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(checksum, 0);
  header.writeUInt32LE(crc32(data), 4);
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, Buffer.concat([header, data]), { flag: 'wx' });
  renameSync(temp, file);
}

/** Best effort: a home that cannot be written only means the next start compiles again. */
function saveLocalCodeCache({ script, filename, checksum, localCacheFile }: LoadedKfq): void {
  try {
    const folder = dirname(localCacheFile);
    mkdirSync(folder, { recursive: true });
    // This bundle's caches made for another build or another Node never fit again.
    const prefix = `${basename(filename, '.cjs')}-`;
    for (const name of readdirSync(folder))
      if (name.startsWith(prefix) && name.endsWith('.cache')) rmSync(join(folder, name), { force: true });
    writeCodeCache(localCacheFile, checksum, script.createCachedData());
  } catch {
    // Nothing to tell the user: kfq ran, only not from a cache.
  }
}

export function loadKfq(
  distDir: string,
  { bundle = 'start.cjs', command, useCache = true }: Partial<Start> & { useCache?: boolean } = {},
): LoadedKfq {
  const filename = join(distDir, bundle);
  // As bytes first: their checksum is quicker to take than the text's.
  const bytes = readFileSync(filename);
  const source = bytes.toString('utf8');
  const checksum = bundleChecksum(filename, bytes);
  const localCacheFile = join(
    kfqHome(process.env, process.platform),
    'cache',
    'code',
    `${basename(bundle, '.cjs')}-${process.version}-${checksum.toString(16)}.cache`,
  );
  // This Node's own cache first: it exists only where the shipped one did not fit.
  const cachedData = useCache
    ? (readCodeCache(localCacheFile, checksum) ?? readCodeCache(shippedCacheFile(filename, command), checksum))
    : undefined;
  // The bundle is a function expression (see scripts/build.js), as module.wrap would make it.
  const script = new Script(source, { filename, cachedData });
  const module = { exports: {} as Kfq };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, distDir);
  return { kfq: module.exports, script, cachedData, filename, checksum, localCacheFile };
}

/**
 * The cached code, if it was made from exactly this bundle, in this place, and
 * arrived whole. V8 itself checks only its version, its flags and the source's
 * length, so it would run stale or damaged code; and cached code keeps the path
 * it was made at, which stack traces would show.
 */
function readCodeCache(file: string, checksum: number): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined; // None there: V8 compiles from source.
  }
  if (bytes.length <= HEADER_BYTES || bytes.readUInt32LE(0) !== checksum) return undefined;
  const data = bytes.subarray(HEADER_BYTES);
  return bytes.readUInt32LE(4) === crc32(data) ? data : undefined;
}

/** Of the bundle's bytes and path, and of the Node and V8 that compile it: a cache made by another Node never fits. */
function bundleChecksum(filename: string, bytes: Buffer): number {
  return crc32(bytes, crc32(`${process.version} ${process.versions.v8} ${filename}`));
}
