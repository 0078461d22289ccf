import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, currentBuild, readCache, writeCache } from '../../../src/store/cacheFile.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-cache-file-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const value = { words: ['katib', 'istio'], postings: new Uint32Array([1, 2, 3]), when: new Date('2024-01-01T00:00:00Z') };

function stored(name: string): string {
  const file = join(temp, name);
  expect(writeCache(file, 'key-1', value)).toBe(true);
  return file;
}

describe('cache files', () => {
  it('give back what was stored, typed arrays and dates included', () => {
    expect(readCache(stored('round-trip'), 'key-1')).toEqual(value);
  });

  it('are ignored when missing, or stored for another key', () => {
    expect(readCache(join(temp, 'missing'), 'key-1')).toBeUndefined();
    expect(readCache(stored('other-key'), 'key-2')).toBeUndefined();
  });

  it('are ignored when written by another kfq build', () => {
    const file = join(temp, 'other-build');
    writeCache(file, 'key-1', value, { build: '0.0.1/v8-old/1:2' });
    expect(readCache(file, 'key-1')).toBeUndefined();
    expect(readCache(file, 'key-1', '0.0.1/v8-old/1:2')).toEqual(value);
    expect(currentBuild()).not.toBe('0.0.1/v8-old/1:2');
  });

  it('are ignored when truncated anywhere', () => {
    const file = stored('truncated');
    const bytes = readFileSync(file);
    for (const length of [0, 10, bytes.indexOf(0x0a), bytes.indexOf(0x0a) + 1, bytes.length - 1]) {
      writeFileSync(file, bytes.subarray(0, length));
      expect(readCache(file, 'key-1')).toBeUndefined();
    }
  });

  it('are ignored when a byte of the payload is damaged', () => {
    const file = stored('damaged');
    const bytes = readFileSync(file);
    for (let at = bytes.indexOf(0x0a) + 1; at < bytes.length; at += 7) {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x20;
      writeFileSync(file, copy);
      expect(readCache(file, 'key-1')).toBeUndefined();
    }
  });

  it('are ignored when they are not cache files at all', () => {
    const file = join(temp, 'garbage');
    writeFileSync(file, 'not a cache\n\u0000\u0001');
    expect(readCache(file, 'key-1')).toBeUndefined();
  });

  it('are ignored when a folder or a FIFO is in their place, without blocking', () => {
    const folder = join(temp, 'a-folder');
    mkdirSync(folder);
    expect(readCache(folder, 'key-1')).toBeUndefined();
    const fifo = join(temp, 'a-fifo');
    spawnSync('mkfifo', [fifo]);
    expect(readCache(fifo, 'key-1')).toBeUndefined();
    expect(writeCache(fifo, 'key-1', value)).toBe(true);
    expect(readCache(fifo, 'key-1')).toEqual(value);
  });

  it('are not written, and nothing is thrown, where the folder cannot be made', () => {
    const blocker = join(temp, 'a-file');
    writeFileSync(blocker, '');
    expect(writeCache(join(blocker, 'cache', 'entry'), 'key-1', value)).toBe(false);
  });

  it('are replaced whole, leaving no temp file behind', () => {
    const dir = mkdtempSync(join(temp, 'replace-'));
    const file = join(dir, 'entry');
    writeCache(file, 'key-1', value);
    writeCache(file, 'key-1', { other: true });
    expect(readCache(file, 'key-1')).toEqual({ other: true });
    expect(readdirSync(dir)).toEqual(['entry']);
  });
});

describe('contentHash', () => {
  it('tells apart inputs that differ in one bit or in length', () => {
    const base = Buffer.from('1. **What is Kubeflow?**\n   - A platform.\n');
    const flipped = Buffer.from(base);
    flipped[5] = flipped[5]! ^ 1;
    expect(contentHash(base)).toBe(contentHash(Buffer.from(base)));
    expect(contentHash(flipped)).not.toBe(contentHash(base));
    expect(contentHash(Buffer.concat([base, Buffer.from([0])]))).not.toBe(contentHash(base));
  });
});
