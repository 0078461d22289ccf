// kfq doctor --fix for the review log: damaged lines (cut by a crash or a full
// disk, edited by hand) move to a dated side file beside the log, never
// deleted, and the log is rewritten atomically without them, so the warning
// about them stops.
import { chmodSync, closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StorageError } from '../errors.js';
import { describeFsError, openAtomicFile, syncFolder, writeAll } from './files.js';
import { openRegularFile } from './fileType.js';

const CHUNK_BYTES = 4 << 20;

export interface MovedLines {
  sideFile: string;
  moved: number;
}

/**
 * Moves the lines numbered in `damaged` (1-based, as the log's warnings name
 * them) to `<log>.damaged-YYYYMMDD-HHMMSS`. A symlinked log is rewritten where
 * it points. Lines appended while this runs are carried over before the swap.
 */
export function moveDamagedLines(logFile: string, damaged: ReadonlySet<number>, now: Date): MovedLines {
  const target = realpathSync(logFile);
  const sideFile = sideFileName(logFile, now);
  const fd = openRegularFile(target, 'the review log');
  if (fd === undefined) throw new StorageError(`the review log ${logFile} is gone`);
  const kept = openAtomicFile(target, { what: `the review log ${logFile}` });
  let side: number | undefined;
  let moved = 0;
  try {
    side = openSync(sideFile, 'wx', 0o600);
    let line = 1;
    let carry = Buffer.alloc(0);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = 0;
    const size = fstatSync(fd).size;
    while (position < size) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
      if (read === 0) break;
      position += read;
      const bytes = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      let start = 0;
      for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
        const whole = bytes.subarray(start, end + 1);
        if (damaged.has(line)) {
          writeAll(side, whole);
          moved++;
        } else kept.write(whole);
        line++;
        start = end + 1;
      }
      carry = Buffer.from(bytes.subarray(start));
    }
    if (carry.length > 0) {
      // The last line without its newline: cut by a crash when it is damaged.
      if (damaged.has(line)) {
        writeAll(side, Buffer.concat([carry, Buffer.from('\n')]));
        moved++;
      } else kept.write(Buffer.concat([carry, Buffer.from('\n')]));
    }
    // Whatever a drill appended meanwhile comes along (whole records: one write each).
    for (let grown = fstatSync(fd).size; position < grown; grown = fstatSync(fd).size) {
      const extra = Buffer.alloc(grown - position);
      position += readSync(fd, extra, 0, extra.length, position);
      kept.write(extra);
    }
    closeSync(side);
    side = undefined;
    chmodSync(kept.temp, fstatSync(fd).mode & 0o7777);
    syncFolder(dirname(sideFile));
    kept.commit();
  } catch (error) {
    kept.abort();
    if (error instanceof StorageError) throw error;
    throw new StorageError(`cannot repair the review log ${logFile}: ${describeFsError(error)}`, { cause: error });
  } finally {
    if (side !== undefined) closeSync(side);
    closeSync(fd);
  }
  return { sideFile, moved };
}

function sideFileName(logFile: string, now: Date): string {
  return join(dirname(logFile), `${basename(logFile)}.damaged-${fileStamp(now)}`);
}

/** `20250102-030405`, local time: for the names of files set aside. */
export function fileStamp(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}
