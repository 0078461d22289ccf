// FSRS parameters fitted by kfq optimize, kept in the kfq home. Read back as
// untrusted: anything but a list of finite numbers of a length FSRS knows is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StorageError } from '../errors.js';
import { describeFsError, writeFileAtomic } from './files.js';

export interface SavedParameters {
  w: number[];
  fittedAt: string;
  /** Reviews the fit saw. */
  reviews: number;
  logLoss: number;
  rmse: number;
}

/** FSRS 4.5, 5 and 6 parameter counts. */
const LENGTHS = [17, 19, 21];

export function parametersFile(home: string): string {
  return join(home, 'fsrs-parameters.json');
}

export function readParameters(home: string): SavedParameters | undefined {
  const file = parametersFile(home);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // No file, or no home yet (or a file in its place, which the command's own checks report).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new StorageError(`cannot read ${file}: ${describeFsError(error)}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const saved = value as Partial<SavedParameters> | undefined;
  if (
    !saved ||
    !Array.isArray(saved.w) ||
    !LENGTHS.includes(saved.w.length) ||
    !saved.w.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    throw new StorageError(`${file} does not hold FSRS parameters`, {
      hint: 'remove it to use the default parameters, or run kfq optimize again',
    });
  }
  return saved as SavedParameters;
}

export function saveParameters(home: string, parameters: SavedParameters): void {
  writeFileAtomic(parametersFile(home), `${JSON.stringify(parameters, null, 2)}\n`, { what: 'the FSRS parameters' });
}
