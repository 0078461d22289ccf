// File-system errors as DeckErrors that say what went wrong in words.
import { DeckError } from '../errors.js';

export function fileError(error: unknown, path: string): DeckError {
  if (error instanceof DeckError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new DeckError(path, undefined, 'no such file', { hint: 'check the path', cause: error });
    case 'EACCES':
    case 'EPERM':
      return new DeckError(path, undefined, 'permission denied', {
        hint: 'check the permissions of the file and its folders',
        cause: error,
      });
    case 'ELOOP':
      return new DeckError(path, undefined, 'too many symbolic links (a symlink loop?)', {
        hint: 'point the link at a real file',
        cause: error,
      });
    case 'EISDIR':
      return folderError(path);
    case 'ENAMETOOLONG':
      return new DeckError(path, undefined, 'the path is too long', { cause: error });
    default:
      return new DeckError(path, undefined, `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`, {
        cause: error,
      });
  }
}

export function folderError(path: string): DeckError {
  return new DeckError(path, undefined, 'is a folder, not a deck file', {
    hint: 'pass the folder with --deck to load every .md deck in it',
  });
}
