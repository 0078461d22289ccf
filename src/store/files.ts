// Durable file writing shared by the store: whole-buffer writes, atomic
// replacement, folder fsync, and plain words for file-system errors.
import { basename, dirname, join } from 'node:path';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { StorageError } from '../errors.js';
import { randomHex } from '../model/randomHex.js';

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

/** How kfq names its temp files: `.NAME.kfq-PID-RANDOM.tmp`, beside NAME. */
export function tempFileFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.kfq-${process.pid}-${randomHex(6)}.tmp`);
}

/** A file being written beside its target, published by commit() with one rename. */
export interface AtomicFile {
  readonly temp: string;
  write(content: string | Buffer): void;
  /** fsync (unless the writer said no), rename over the target (or, exclusive, link where nothing is yet), fsync the folder. */
  commit(options?: { exclusive?: boolean }): void;
  /** Removes the temp file; safe to call twice or after a failed commit. */
  abort(): void;
}

export interface AtomicOptions {
  what?: string;
  hint?: string;
  /** false for caches, which a checksum guards instead. */
  durable?: boolean;
}

/**
 * The one way kfq replaces a file: a temp file with a random name created
 * exclusively (O_EXCL, so nothing planted under a guessed name is followed),
 * then a rename. Readers see the old version or the new one, never a mix.
 */
export function openAtomicFile(file: string, options: AtomicOptions = {}): AtomicFile {
  const temp = tempFileFor(file);
  const fail = (error: unknown): StorageError =>
    error instanceof StorageError
      ? error
      : new StorageError(`cannot write ${options.what ?? file}: ${describeFsError(error)}`, { hint: options.hint, cause: error });
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    throw fail(error);
  }
  let open = true;
  const abort = (): void => {
    if (open && fd !== undefined) closeSync(fd);
    open = false;
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or removed.
    }
  };
  return {
    temp,
    write(content) {
      try {
        writeAll(fd!, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      } catch (error) {
        abort();
        throw fail(error);
      }
    },
    commit({ exclusive = false } = {}) {
      try {
        if (options.durable !== false) fsyncSync(fd!);
        closeSync(fd!);
        open = false;
        // link() fails with EEXIST where rename() would replace: the exclusive way to publish.
        if (exclusive) linkOnce(temp, file);
        else renameSync(temp, file);
      } catch (error) {
        abort();
        if (exclusive && (error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new StorageError(`${options.what ?? file} already exists; it was left unchanged`, { hint: options.hint, cause: error });
        }
        throw fail(error);
      }
      if (exclusive) abort();
      if (options.durable !== false) syncFolder(dirname(file));
    },
    abort,
  };
}

/** link(), or where the file system has no hard links, a rename after a check. */
function linkOnce(temp: string, file: string): void {
  try {
    linkSync(temp, file);
  } catch (error) {
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    if (existsSync(file)) throw Object.assign(new Error('file exists'), { code: 'EEXIST' });
    renameSync(temp, file);
  }
}

/** The whole content at once, through openAtomicFile: the target is either the old or the new version, never half-written. */
export function writeFileAtomic(file: string, content: string | Buffer, options: AtomicOptions & { exclusive?: boolean } = {}): void {
  const atomic = openAtomicFile(file, options);
  atomic.write(content);
  atomic.commit({ exclusive: options.exclusive });
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
    case 'EFBIG':
      return "the file is too large (a file size limit, such as ulimit -f, or the file system's own)";
    case 'EIO':
      return 'the disk or device reported an input/output error';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'ENAMETOOLONG':
      return 'the file name is too long';
    case 'ELOOP':
      return 'too many symbolic links (a link loop?)';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'the file is busy';
    case 'EAGAIN':
    case 'EWOULDBLOCK':
      return 'the file is not ready (a FIFO or a device?)';
    case 'ENXIO':
    case 'ENODEV':
      return 'no such device (a FIFO without a reader, or a device?)';
    case 'EXDEV':
      return 'it is on another file system';
    case 'EMLINK':
      return 'too many links';
    case 'ESTALE':
      return 'the network file system lost the file (stale handle)';
    case 'EINVAL':
      return 'the file system does not support this';
    case 'ENOTSUP':
    case 'EOPNOTSUPP':
      return 'the file system does not support this';
    case 'ENOMEM':
      return 'out of memory';
    case 'EPIPE':
      return 'the reader went away';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
