// Cache files: derived data (parsed decks, search indexes, card states) that
// can always be rebuilt from the files it came from. A cache is only a speed-up,
// so reading one never throws and writing one never fails a command.
//
// Layout: a one-line JSON header, then the payload in V8's serialization
// format (typed arrays stay compact; a parsed 100,000-question deck reads back
// as fast as from JSON and is written without a 30 MB string). The header names
// the format, the kfq build that wrote it, what the entry was made from (`key`)
// and the payload's length and hash, so a cache from another build, for other
// inputs, truncated or damaged, is ignored.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { writeInBackground } from './cacheWriteThread.js';
import { makeFolders, openAtomicFile } from './files.js';

declare const KFQ_VERSION: string;
/** Made anew by each build (scripts/build.js), the same in both of its bundles. */
declare const KFQ_BUILD_ID: string;

const MAGIC = 'kfq-cache';
const FORMAT = 1;

interface Header {
  magic: string;
  format: number;
  build: string;
  key: string;
  length: number;
  hash: string;
}

/**
 * Which kfq wrote a cache: the version, the V8 that serialized it, and the
 * build (unbundled, as in tests: the identity of the module file itself), so a
 * rebuilt kfq of the same version (a developer's, or a reinstall) does not
 * trust data its older code made.
 */
export function currentBuild(): string {
  if (thisBuild !== undefined) return thisBuild;
  const version = typeof KFQ_VERSION === 'string' ? KFQ_VERSION : '0.0.0-dev';
  let build = typeof KFQ_BUILD_ID === 'string' ? KFQ_BUILD_ID : '';
  if (build === '') {
    try {
      const stats = statSync(fileURLToPath(import.meta.url));
      build = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      // Bundled into something that is not a file: the version alone decides.
    }
  }
  thisBuild = `${version}/v8-${process.versions.v8}/${build}`;
  return thisBuild;
}

let thisBuild: string | undefined;

/** The entry stored for exactly this key by this build, or undefined. */
export function readCache<T>(file: string, key: string, build: string = currentBuild()): T | undefined {
  const bytes = readRegularFile(file);
  if (!bytes) return undefined;
  const newline = bytes.indexOf(0x0a);
  if (newline === -1 || newline > 4096) return undefined;
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  if (header.magic !== MAGIC || header.format !== FORMAT || header.build !== build || header.key !== key) return undefined;
  const payload = bytes.subarray(newline + 1);
  if (payload.length !== header.length || contentHash(payload) !== header.hash) return undefined;
  try {
    return deserialize(payload) as T;
  } catch {
    return undefined;
  }
}

/** The bytes of a regular file; undefined for anything else (a FIFO would block the read forever). */
function readRegularFile(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    return fstatSync(fd).isFile() ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Stores an entry; returns false (and leaves no partial file) when the folder
 * cannot be written. With `handOver`, the caller gives up the memory of the
 * value's typed arrays it lists: the value then goes to a worker thread as it
 * is, which serializes and writes it while the command goes on.
 */
export function writeCache(
  file: string,
  key: string,
  value: unknown,
  { build = currentBuild(), handOver }: { build?: string; handOver?: ArrayBuffer[] } = {},
): boolean {
  try {
    if (handOver && writeInBackground({ file, key, build, value }, handOver)) return true;
    const { headerLine, payload } = encodeCache(key, value, build);
    if (payload.length >= BACKGROUND_BYTES) {
      // Handed over, not copied, when the payload has its memory to itself.
      const own = payload.byteOffset === 0 && payload.buffer.byteLength === payload.length ? payload : Buffer.from(payload);
      if (writeInBackground({ file, headerLine, payload: own }, [own.buffer as ArrayBuffer])) return true;
    }
    return writeCacheBytes(file, headerLine, payload);
  } catch {
    // The value cannot be serialized: nothing is stored.
    return false;
  }
}

/** An entry's header line and payload. */
export function encodeCache(key: string, value: unknown, build: string): { headerLine: Buffer; payload: Buffer } {
  const payload = serialize(value);
  const header: Header = { magic: MAGIC, format: FORMAT, build, key, length: payload.length, hash: contentHash(payload) };
  return { headerLine: Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), payload };
}

/** From this size on, an entry is written on a worker thread while the command goes on. */
const BACKGROUND_BYTES = 4 << 20;

/** Publishes an entry's header line and payload; false (and no partial file) when the folder cannot be written. */
export function writeCacheBytes(file: string, headerLine: Buffer, payload: Buffer): boolean {
  try {
    makeFolders(dirname(file));
    // Readers see the old entry or the new one. Not durable: after a crash
    // the checksum tells a torn entry, which is rebuilt.
    const atomic = openAtomicFile(file, { durable: false });
    atomic.write(headerLine);
    atomic.write(payload);
    atomic.commit();
    return true;
  } catch {
    // The folder is not writable, or the disk is full: openAtomicFile left no temp file.
    return false;
  }
}

/** A short stable name for a path or any other text, for cache file names. */
export function cacheName(text: string): string {
  return contentHash(Buffer.from(text, 'utf8'));
}

/**
 * Length and CRC-32: tells an edited file or a damaged cache from the original
 * except with a chance of one in four billion. Not for secrets. Native and
 * fast (4 ms for 20 MB), and node:zlib loads in 0.5 ms where node:crypto,
 * for SHA-1, takes 2 ms: a real share of a 60 ms start.
 */
export function contentHash(bytes: Uint8Array): string {
  return new ContentHasher().update(bytes).digest();
}

/** contentHash of bytes that come in pieces: the same hash as of the pieces put together. */
export class ContentHasher {
  private length = 0;
  private crc = 0;

  update(bytes: Uint8Array): this {
    this.length += bytes.length;
    this.crc = crc32(bytes, this.crc);
    return this;
  }

  digest(): string {
    return `${this.length}-${(this.crc >>> 0).toString(16).padStart(8, '0')}`;
  }
}
