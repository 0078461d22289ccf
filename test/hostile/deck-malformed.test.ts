// Decks that are not what they claim: YAML bombs, binary files, wrong
// encodings, nothing at all, duplicate numbers, and paths that are not files.
// Each gives a clear error or a clean load; never a crash, never a hang.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectCleanFailure, fixture, runKfq, runKfqAsNobody, tempDir, tempHome, timedKfq } from './helpers.js';

const home = tempHome();
const env = { KFQ_HOME: home };

describe('YAML front matter bombs', () => {
  it('a "billion laughs" alias bomb fails within a second with a clear error (exit 2)', () => {
    const result = timedKfq(['--deck', fixture('yaml-alias-bomb.md'), 'list'], { env });
    expectCleanFailure(result, 2, /yaml-alias-bomb\.md:1: front matter uses more than \d+ YAML aliases/);
    expect(result.ms).toBeLessThan(1000);
  });

  it('a bomb built from merge keys is stopped the same way', () => {
    const deck = join(tempDir(), 'merge-bomb.md');
    const levels = ['a: &a {x: 1, y: 2}'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `l${i}: &l${i} {p: *${i === 1 ? 'a' : `l${i - 1}`}, q: *${i === 1 ? 'a' : `l${i - 1}`}, <<: *${i === 1 ? 'a' : `l${i - 1}`}}`,
      );
    writeFileSync(deck, `---\n${levels.join('\n')}\ntitle: *l11\n---\n## B\n\n1. **Q?**\n   - A.\n`);
    const result = timedKfq(['--deck', deck, 'list'], { env });
    expectCleanFailure(result, 2, /YAML aliases/);
    expect(result.ms).toBeLessThan(1000);
  });

  it('front matter nested thousands deep fails with a clear error, no stack overflow', () => {
    const deck = join(tempDir(), 'deep-yaml.md');
    writeFileSync(deck, `---\ntitle: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n## B\n\n1. **Q?**\n   - A.\n`);
    const result = timedKfq(['--deck', deck, 'list'], { env });
    expectCleanFailure(result, 2, /front matter/);
    expect(result.ms).toBeLessThan(2000);
  });
});

describe('bytes that are not a UTF-8 Markdown deck', () => {
  it.each([
    ['binary.md', /binary\.md:3: contains NUL bytes: this looks like a binary file/],
    ['invalid-utf8.md', /invalid-utf8\.md:6: is not valid UTF-8 \(byte 0xe9 at column 8\)/],
    ['empty.md', /empty\.md: no questions found/],
    ['front-matter-only.md', /front-matter-only\.md: no questions found/],
  ])('%s: a clear error (exit 2) from list, show, search, stats and export', (name, message) => {
    for (const args of [['list'], ['show', '1'], ['search', 'pod'], ['stats'], ['export', '--format', 'csv']]) {
      expectCleanFailure(runKfq(['--deck', fixture(name), ...args], { env }), 2, message);
    }
  });

  it.each(['binary.md', 'invalid-utf8.md', 'empty.md', 'front-matter-only.md'])(
    '%s: validate reports it (exit 1); deck add refuses it (exit 2)',
    (name) => {
      const validated = runKfq(['validate', fixture(name)], { env });
      expect(validated.code).toBe(1);
      expect(validated.stdout).toMatch(/: error: /);
      expect(validated.stderr).not.toMatch(/\n\s+at /);
      const own = tempHome();
      expectCleanFailure(runKfq(['deck', 'add', fixture(name), '--name', 'bad'], { env: { KFQ_HOME: own } }), 2);
    },
  );

  it.each(['utf16le-bom.md', 'utf16be-bom.md', 'utf8-bom.md'])('%s loads cleanly, accents and all', (name) => {
    const result = runKfq(['--deck', fixture(name), 'list', '--json'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const questions = JSON.parse(result.stdout) as { question: string; answer: string }[];
    expect(questions.map((q) => q.question)).toEqual(['What is a pod?', 'Qu’est-ce qu’un nœud ?']);
    expect(questions[1]!.answer).toBe('- Une machine du cluster — 節点.');
    const shown = runKfq(['--deck', fixture(name), 'show', '2'], { env });
    expect(shown.stdout).toContain('Une machine du cluster — 節点.');
  });

  it('a UTF-16 file cut in the middle of a character is a clear error', () => {
    const deck = join(tempDir(), 'odd.md');
    writeFileSync(deck, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## B\n', 'utf16le'), Buffer.from([0x41])]));
    expectCleanFailure(runKfq(['--deck', deck, 'list'], { env }), 2, /is not valid UTF-16/);
  });
});

describe('duplicate question numbers in one category', () => {
  it('warn once per duplicate and keep both questions under distinct ids', () => {
    const result = runKfq(['--deck', fixture('duplicate-numbers.md'), 'list', '--json'], { env });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /duplicate-numbers\.md:12: question number 2 appears again in "Basics" \(first at line 9\); this one is duplicate-numbers\/basics\/2-2$/,
      ),
    ]);
    const questions = JSON.parse(result.stdout) as { id: string; question: string }[];
    expect(questions.map((q) => [q.id, q.question])).toEqual([
      ['duplicate-numbers/1', 'What is a pod?'],
      ['duplicate-numbers/basics/2', 'What is a node?'],
      ['duplicate-numbers/basics/2-2', 'What is a namespace?'],
      ['duplicate-numbers/storage/2', 'What is a volume?'],
    ]);
    expect(new Set(questions.map((q) => q.id)).size).toBe(4);
    const shown = runKfq(['--deck', fixture('duplicate-numbers.md'), 'show', 'duplicate-numbers/basics/2-2'], { env });
    expect(shown.stdout).toContain('What is a namespace?');
  });

  it('validate lists the duplicate as a warning (exit 1)', () => {
    const result = runKfq(['validate', fixture('duplicate-numbers.md')], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/duplicate-numbers\.md:12: warning: question number 2 appears again/);
  });
});

describe('paths that are not deck files', () => {
  const dir = tempDir();
  const emptyFolder = join(dir, 'empty-folder');
  mkdirSync(emptyFolder);
  const fifo = join(dir, 'deck.md');
  spawnSync('mkfifo', [fifo]);
  const loop = join(dir, 'loop-a.md');
  symlinkSync(join(dir, 'loop-b.md'), loop);
  symlinkSync(loop, join(dir, 'loop-b.md'));

  it.each([
    ['a folder with no decks', emptyFolder, /empty-folder: folder has no \.md decks/, 'folder has no .md decks', /is not a regular file/],
    ['a FIFO', fifo, /deck\.md: is not a regular file \(a FIFO, socket or device\)/, 'is not a regular file', /is not a regular file/],
    ['a device that never ends', '/dev/zero', /\/dev\/zero: is not a regular file/, 'is not a regular file', /is not a regular file/],
    [
      'a symlink loop',
      loop,
      /loop-a\.md: too many symbolic links \(a symlink loop\?\)/,
      'too many symbolic links',
      /too many symbolic links/,
    ],
  ])('%s: a clear error from list, validate and deck add, at once', (_, path, message, phrase, addMessage) => {
    const listed = timedKfq(['--deck', path, 'list'], { env });
    expectCleanFailure(listed, 2, message);
    expect(listed.ms).toBeLessThan(3000);
    const validated = runKfq(['validate', path], { env });
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`${path}: error: ${phrase}`);
    expectCleanFailure(runKfq(['deck', 'add', path, '--name', 'x'], { env: { KFQ_HOME: tempHome() } }), 2, addMessage);
  });

  it('a file without read permission: "permission denied" (run as an unprivileged user, since root reads anything)', () => {
    if (process.getuid?.() !== 0) return;
    const secret = join(tempDir(), 'secret.md');
    copyFileSync(fixture('duplicate-numbers.md'), secret);
    chmodSync(secret, 0o000);
    const nobodyHome = tempDir();
    chmodSync(nobodyHome, 0o777);
    for (const args of [
      ['--deck', secret, 'list'],
      ['deck', 'add', secret],
    ]) {
      expectCleanFailure(runKfqAsNobody(args, { KFQ_HOME: nobodyHome }), 2, /secret\.md: permission denied/);
    }
  });
});
