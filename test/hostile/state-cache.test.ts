// The cache (kfqPaths().cache) is only a speed-up: whatever happened to its
// files (cut short, overwritten with garbage, written by another kfq version,
// replaced by a folder or a FIFO), commands ignore the damage, give the same
// answers as with no cache, and write a good entry again.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOG_HEADER, review, tempDir, tempHome, timedKfq } from './helpers.js';

// Between them they read every cache kfq writes: parsed decks, search indexes, card states.
const COMMANDS = [
  ['search', 'katib', 'experiment', '--json'],
  ['stats', '--json'],
];

function runAll(home: string): string[] {
  return COMMANDS.map((args) => {
    const result = timedKfq(args, { env: { KFQ_HOME: home }, timeoutMs: 10_000 });
    expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    expect(result.stderr, args.join(' ')).toBe('');
    // Stats carry the time they were made; everything else must match exactly.
    return args[0] === 'stats' ? JSON.stringify({ ...JSON.parse(result.stdout), generatedAt: null }) : result.stdout;
  });
}

/** The same log in every home, so every home gives the same answers. */
const LOG = `${LOG_HEADER}\n${[review(1, 3), review(42, 2, 1)].map((r) => JSON.stringify(r)).join('\n')}\n`;

function freshHome(): string {
  const home = tempHome();
  writeFileSync(join(home, 'reviews.jsonl'), LOG);
  return home;
}

const DAMAGE: Array<[string, (file: string, bytes: Buffer) => void]> = [
  ['truncated to half', (file, bytes) => writeFileSync(file, bytes.subarray(0, bytes.length >> 1))],
  ['truncated to its header line', (file, bytes) => writeFileSync(file, bytes.subarray(0, bytes.indexOf(0x0a) + 1))],
  ['empty', (file) => writeFileSync(file, '')],
  ['garbage', (file, bytes) => writeFileSync(file, Buffer.from(bytes.map((_, i) => (i * 7919) % 256)))],
  [
    'one payload byte flipped',
    (file, bytes) => {
      const copy = Buffer.from(bytes);
      copy[copy.length - 10]! ^= 0xff;
      writeFileSync(file, copy);
    },
  ],
  [
    'from another kfq version',
    (file, bytes) => {
      const newline = bytes.indexOf(0x0a);
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
      writeFileSync(
        file,
        Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, build: '0.0.1/v8-1.0/1:1' })}\n`), bytes.subarray(newline + 1)]),
      );
    },
  ],
  [
    'a header claiming a huge payload',
    (file, bytes) => {
      const newline = bytes.indexOf(0x0a);
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
      writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, length: 2 ** 40 })}\n`), bytes.subarray(newline + 1)]));
    },
  ],
  [
    'replaced by a folder',
    (file) => {
      rmSync(file);
      mkdirSync(file);
    },
  ],
  [
    'replaced by a FIFO (a read would block forever)',
    (file) => {
      rmSync(file);
      spawnSync('mkfifo', [file]);
    },
  ],
];

// Cache entries are named after the files they come from (the review log is
// in the home), so every case runs in this one home, from a copy of its good cache.
const home = freshHome();
const cache = join(home, 'cache');
const goodCache = join(tempDir(), 'good-cache');
let expected: string[];
beforeAll(() => {
  // What the commands print with no cache at all…
  expected = runAll(home);
  // …and with the cache that run wrote.
  expect(runAll(home)).toEqual(expected);
  cpSync(cache, goodCache, { recursive: true });
});

describe('damaged cache files', () => {
  it('the commands above do write a cache to damage', () => {
    expect(readdirSync(goodCache).length).toBeGreaterThan(0);
  });

  it.each(DAMAGE)('%s: ignored, same answers, then rebuilt', (_, damage) => {
    rmSync(cache, { recursive: true, force: true });
    cpSync(goodCache, cache, { recursive: true });
    const entries = readdirSync(cache);
    for (const name of entries) damage(join(cache, name), readFileSync(join(cache, name)));

    expect(runAll(home)).toEqual(expected);
    // Rebuilt where it could be: every entry is a regular file whose header names the cache format again.
    for (const name of entries) {
      const file = join(cache, name);
      if (!statSync(file).isFile()) continue;
      const bytes = readFileSync(file);
      expect(JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8'))).toMatchObject({ magic: 'kfq-cache' });
    }
  });

  it('a cache folder that is a file: ignored, same answers', () => {
    const other = freshHome();
    writeFileSync(join(other, 'cache'), 'not a folder');
    expect(runAll(other)).toEqual(expected);
    expect(readFileSync(join(other, 'cache'), 'utf8')).toBe('not a folder');
  });
});
