// Files kfq reads back (the review log, reports, origin notes) must be plain
// files: a FIFO would block a read forever and a device never ends. Checked
// on an open descriptor (opened non-blocking), so what is checked is what is read.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { StorageError } from '../errors.js';

/** What a file that is not a plain file is, in a word or two. */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export function notRegularFile(file: string, what: string, kind: string): StorageError {
  return new StorageError(`${what} ${file} is ${kind}, not a regular file; kfq did not open it`, {
    hint: 'move it out of the way (kfq doctor lists such files)',
  });
}

/**
 * Opens a file for reading, non-blocking, and returns its descriptor after
 * checking it is a regular file; undefined when it does not exist. Throws
 * StorageError (exit 3) naming the file for anything else.
 */
export function openRegularFile(file: string, what: string): number | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw notRegularFile(file, what, kindOf(stats));
  }
  return fd;
}

/** The whole of a regular file as text, or undefined when it does not exist. */
export function readRegularText(file: string, what: string): string | undefined {
  const fd = openRegularFile(file, what);
  if (fd === undefined) return undefined;
  try {
    const size = fstatSync(fd).size;
    const chunks: Buffer[] = [];
    let total = 0;
    // Read to the end, not to `size`: the file may grow meanwhile.
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.max(65536, size - total + 1));
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      chunks.push(buffer.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** A target that exists and is not a regular file (a symlink, a device, a FIFO, a folder), by what it is; undefined otherwise. */
export function nonRegularTarget(file: string): string | undefined {
  try {
    const stats = lstatSync(file);
    return stats.isFile() ? undefined : kindOf(stats);
  } catch {
    return undefined;
  }
}
