// The user's own aliases: aliases.txt in the config folder, one group a line
// (`HPA = Horizontal Pod Autoscaler`). Read as text; the deck layer parses it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '../errors.js';
import { describeFsError } from './files.js';
import type { KfqPaths } from './paths.js';

// An alias file bigger than this is not one a person wrote.
const MAX_ALIAS_FILE_BYTES = 1024 * 1024;

export function userAliasFile(paths: Pick<KfqPaths, 'config'>): string {
  return join(paths.config, 'aliases.txt');
}

/** The text of the user's alias file; empty when there is none. */
export function readUserAliases(paths: Pick<KfqPaths, 'config'>): string {
  const file = userAliasFile(paths);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw new StorageError(`cannot read the alias file ${file}: ${describeFsError(error)}`, {
      hint: 'fix or remove the file',
      cause: error,
    });
  }
  if (bytes.length > MAX_ALIAS_FILE_BYTES) {
    throw new StorageError(`the alias file ${file} is larger than 1 MB`, { hint: 'keep one "a = b" group per line' });
  }
  return bytes.toString('utf8');
}
