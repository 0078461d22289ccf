// makeFolders, the store's `mkdir -p`: Node's own recursive mkdir spins
// forever under /proc, which froze kfq when KFQ_HOME pointed there.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/store/files.js';
import { tempDir } from './helpers.js';

describe('makeFolders', () => {
  it('makes every missing folder of a path, and is happy when they exist', () => {
    const deep = join(tempDir(), 'a', 'b', 'c');
    makeFolders(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    makeFolders(deep);
    mkdirSync(join(deep, 'd'));
    makeFolders(join(deep, 'd'));
  });

  it('fails on a file in the way, at the file or above it', () => {
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    expect(() => makeFolders(file)).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => makeFolders(join(file, 'below'))).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it.runIf(process.platform === 'linux')('fails at once under /proc instead of looping forever', () => {
    const start = performance.now();
    expect(() => makeFolders('/proc/kfq-home/decks')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(existsSync('/proc/kfq-home')).toBe(false);
  });
});
