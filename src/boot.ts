// Starts kfq from its one-file CommonJS bundle (dist/main.cjs) with V8's code
// cache (dist/main.cjs.cache, made by scripts/build.js), so a start deserializes
// compiled code instead of parsing 500 KB of JavaScript: about 15 ms of the
// 80 ms a start takes. bin/kfq.js calls run(); the build calls train().
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

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
}

const BUNDLE = 'main.cjs';
const CODE_CACHE = 'main.cjs.cache';
/** crc32 of the bundle's path and text, then of the cached data. */
const HEADER_BYTES = 8;

export function run(distDir: string): void {
  const { kfq } = loadKfq(distDir);
  void kfq.main().then((code) => {
    process.exitCode = code;
  });
}

/** Runs kfq once for each argv, in this process, and caches the code they compiled. */
export async function train(distDir: string, argvs: string[][]): Promise<void> {
  const { kfq, script, source, filename } = loadKfq(distDir, { useCache: false });
  for (const argv of argvs) await kfq.main(['node', 'kfq', ...argv]);
  const data = script.createCachedData();
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(bundleChecksum(filename, source), 0);
  header.writeUInt32LE(crc32(data), 4);
  const file = join(distDir, CODE_CACHE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, Buffer.concat([header, data]));
  renameSync(temp, file);
}

export function loadKfq(distDir: string, { useCache = true } = {}): LoadedKfq {
  const filename = join(distDir, BUNDLE);
  const source = readFileSync(filename, 'utf8');
  const cachedData = useCache ? readCodeCache(distDir, filename, source) : undefined;
  const script = new Script(wrap(source), { filename, cachedData });
  const module = { exports: {} as Kfq };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, distDir);
  return { kfq: module.exports, script, cachedData, filename, source };
}

/**
 * The cached code, if it was made from exactly this bundle, in this place, and
 * arrived whole. V8 itself checks only its version, its flags and the source's
 * length, so it would run stale or damaged code; and cached code keeps the path
 * it was made at, which stack traces would show.
 */
function readCodeCache(distDir: string, filename: string, source: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(distDir, CODE_CACHE));
  } catch {
    return undefined; // Not built with one: V8 compiles from source.
  }
  if (bytes.length <= HEADER_BYTES || bytes.readUInt32LE(0) !== bundleChecksum(filename, source)) return undefined;
  const data = bytes.subarray(HEADER_BYTES);
  return bytes.readUInt32LE(4) === crc32(data) ? data : undefined;
}

function bundleChecksum(filename: string, source: string): number {
  return crc32(source, crc32(filename));
}
