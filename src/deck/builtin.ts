import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeckError } from '../errors.js';

const BUILTIN = join('data', 'kubeflow.md');

/**
 * The built-in Kubeflow deck, found by walking up from this module: it is
 * src/deck/ under vitest and dist/ or dist/chunks/ in the bundle.
 */
export function builtinDeckPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, BUILTIN);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new DeckError(BUILTIN, undefined, 'the built-in deck is missing', { hint: 'reinstall kfq' });
    dir = parent;
  }
}
