// Durable file writing shared by the store: whole-buffer writes, atomic
// replacement, folder fsync, and plain words for file-system errors.
import { basename, dirname, join } from 'node:path';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { StorageError } from '../errors.js';

/**
 * `mkdir -p`. Not mkdirSync's `recursive` option: it loops forever where
 * mkdir fails with ENOENT under a parent that exists (anywhere in /proc).
 */
export function makeFolders(folder: string): void {
  try {
    mkdirSync(folder);
    return;
  } catch (error) {
    if (isFolderAlready(error, folder)) return;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(folder) === folder) throw error;
  }
  makeFolders(dirname(folder));
  try {
    mkdirSync(folder);
  } catch (error) {
    if (!isFolderAlready(error, folder)) throw error;
  }
}

/** EEXIST for a folder (made meanwhile by another kfq, perhaps), not for a file in the way. */
function isFolderAlready(error: unknown, folder: string): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST' && statSync(folder).isDirectory();
}

/** Writes all of `buffer`; writeSync may write less than asked. */
export function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

/** Makes a new or renamed file's name durable too; not every platform can open a folder. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a folder; the file's own data is already synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Temp file in the same folder, fsync, rename, fsync the folder: the target is
 * either the old or the new version, never half-written.
 */
export function writeFileAtomic(file: string, content: string | Buffer, options: { what?: string; hint?: string } = {}): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already gone.
    }
    throw new StorageError(`cannot write ${options.what ?? file}: ${describeFsError(error)}`, { hint: options.hint, cause: error });
  }
  syncFolder(dirname(file));
}

/** A file-system error in a few plain words. */
export function describeFsError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EISDIR':
      return 'it is a folder';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file is in the way';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
