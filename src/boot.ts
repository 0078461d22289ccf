// Starts kfq from its one-file CommonJS bundle (dist/main.cjs) with V8's code
// cache, so a start deserializes compiled code instead of parsing the whole
// bundle. The build makes one (dist/main.cjs.cache); where it does not fit (another
// Node, or the bundle installed in another place), the first run makes one for
// this Node in kfq's cache folder. bin/kfq.js calls run(); the build calls train().
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
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
  source: string;
  /** Where this Node's own cache for this bundle is kept when the shipped one does not fit. */
  localCacheFile: string;
}

const BUNDLE = 'main.cjs';
const CODE_CACHE = 'main.cjs.cache';
/** crc32 of the bundle (bundleChecksum), then of the cached data. */
const HEADER_BYTES = 8;

export function run(distDir: string): void {
  const loaded = loadKfq(distDir);
  void loaded.kfq.main().then((code) => {
    process.exitCode = code;
    if (loaded.cachedData === undefined || loaded.script.cachedDataRejected) saveLocalCodeCache(loaded);
  });
}

/** Runs kfq once for each argv, in this process, and caches the code they compiled. */
export async function train(distDir: string, argvs: string[][]): Promise<void> {
  const { kfq, script, source, filename } = loadKfq(distDir, { useCache: false });
  for (const argv of argvs) await kfq.main(['node', 'kfq', ...argv]);
  writeCodeCache(join(distDir, CODE_CACHE), bundleChecksum(filename, source), script.createCachedData());
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
function saveLocalCodeCache({ script, filename, source, localCacheFile }: LoadedKfq): void {
  try {
    const folder = dirname(localCacheFile);
    mkdirSync(folder, { recursive: true });
    // Caches of other bundles or other Nodes never fit again.
    for (const name of readdirSync(folder)) if (name.endsWith('.cache')) rmSync(join(folder, name), { force: true });
    writeCodeCache(localCacheFile, bundleChecksum(filename, source), script.createCachedData());
  } catch {
    // Nothing to tell the user: kfq ran, only not from a cache.
  }
}

export function loadKfq(distDir: string, { useCache = true } = {}): LoadedKfq {
  const filename = join(distDir, BUNDLE);
  const source = readFileSync(filename, 'utf8');
  const checksum = bundleChecksum(filename, source);
  const localCacheFile = join(
    kfqHome(process.env, process.platform),
    'cache',
    'code',
    `main-${process.version}-${checksum.toString(16)}.cache`,
  );
  // This Node's own cache first: it exists only where the shipped one did not fit.
  const cachedData = useCache ? (readCodeCache(localCacheFile, checksum) ?? readCodeCache(join(distDir, CODE_CACHE), checksum)) : undefined;
  const script = new Script(wrap(source), { filename, cachedData });
  const module = { exports: {} as Kfq };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, distDir);
  return { kfq: module.exports, script, cachedData, filename, source, localCacheFile };
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

/** Of the bundle's text and path, and of the Node and V8 that compile it: a cache made by another Node never fits. */
function bundleChecksum(filename: string, source: string): number {
  return crc32(source, crc32(`${process.version} ${process.versions.v8} ${filename}`));
}
