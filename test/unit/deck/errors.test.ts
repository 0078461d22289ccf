import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDeck, readDeckFile } from '../../../src/deck/index.js';
import { fileError } from '../../../src/deck/fileErrors.js';
import { deckError } from '../../support/deckError.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'decks');
const temp = mkdtempSync(join(tmpdir(), 'kfq-deck-errors-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const DECK = '## Basics\n\n1. **What is a pod?**\n   - The smallest deployable unit.\n';

function writeTemp(name: string, content: string | Buffer): string {
  const path = join(temp, name);
  writeFileSync(path, content);
  return path;
}

describe('decks that cannot be used', () => {
  it.each([
    ['empty.md', undefined, /: no questions found$/],
    ['front-matter-only.md', undefined, /: no questions found$/],
    ['no-questions.md', undefined, /: no questions found$/],
    ['no-answers.md', 3, /:3: none of the 2 questions has an answer$/],
    ['alias-bomb.md', 1, /:1: front matter uses more than 16 YAML aliases$/],
  ])('%s fails with a DeckError at line %s', (name, line, message) => {
    const error = deckError(() => readDeckFile(join(fixtures, name)));
    expect(error.file).toBe(join(fixtures, name));
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.hint).toBeTruthy();
  });

  it('when the one question of a deck has no answer then it says so in plain words', () => {
    const error = deckError(() => parseDeck('# Deck\n\n## What is Katib?\n', { path: 'one.md' }));
    expect(error.message).toMatch(/: the only question has no answer$/);
  });

  it('fails fast on a YAML alias bomb', () => {
    const start = performance.now();
    deckError(() => readDeckFile(join(fixtures, 'alias-bomb.md')));
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('reports invalid YAML front matter with its line', () => {
    const error = deckError(() => parseDeck('---\ntitle: ok\nauthor: [unclosed\n---\n' + DECK, { path: 'bad.md' }));
    expect(error.message).toMatch(/^bad\.md:\d+: front matter is not valid YAML/);
    expect(error.line).toBeGreaterThanOrEqual(3);
  });

  it('ignores front-matter values that are not text', () => {
    const { deck } = parseDeck('---\ntitle: [a, b]\nauthor: { name: x }\ndescription: 42\n---\n' + DECK, { path: 'odd.md' });
    expect(deck).toMatchObject({ title: '', author: '', description: '42', date: '' });
  });

  it.each(['toml', 'constructor', '__proto__'])('refuses front matter in an unknown language (%s)', (language) => {
    const error = deckError(() => parseDeck(`---${language}\ntitle = "x"\n---\n${DECK}`, { path: 'lang.md' }));
    expect(error.message).toMatch(/front matter in ".+" is not supported/);
  });
});

describe('code in front matter is never run', () => {
  const marker = join(tmpdir(), 'kfq-js-front-matter-ran');

  it('refuses the JavaScript front matter fixture without running it', () => {
    rmSync(marker, { force: true });
    const error = deckError(() => readDeckFile(join(fixtures, 'js-front-matter.md')));
    expect(error.message).toContain('JavaScript front matter is not supported; kfq never runs code from a deck');
    expect(existsSync(marker)).toBe(false);
  });

  it.each(['js', 'javascript', 'JS', 'JavaScript ', 'coffee', 'coffeescript', 'cson'])('refuses ---%s front matter', (language) => {
    const flag = join(temp, `ran-${language.trim()}`);
    const code = `require('fs').writeFileSync(${JSON.stringify(flag)}, 'ran'); ({ title: 'x' })`;
    const error = deckError(() => parseDeck(`---${language}\n${code}\n---\n${DECK}`, { path: 'code.md' }));
    expect(error.message).toContain('kfq never runs code from a deck');
    expect(existsSync(flag)).toBe(false);
  });
});

describe('files that are not UTF-8 Markdown', () => {
  it('refuses a binary file, naming the line of the first NUL byte', () => {
    const path = writeTemp('binary.md', Buffer.from('line one\nline two\x00\x01\x02\n'));
    const error = deckError(() => readDeckFile(path));
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/binary file/);
  });

  it('refuses invalid UTF-8, naming the line and column of the first bad byte', () => {
    const path = writeTemp(
      'latin1.md',
      Buffer.concat([Buffer.from('## Café\n\n1. **Qu'), Buffer.from([0xe9]), Buffer.from('?**\n   - A\n')]),
    );
    const error = deckError(() => readDeckFile(path));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/:3: is not valid UTF-8 \(byte 0xe9 at column 8\)$/);
  });

  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
  ])('refuses %s', (_, bytes) => {
    const path = writeTemp('bad-utf8.md', Buffer.concat([Buffer.from(DECK), Buffer.from(bytes)]));
    expect(deckError(() => readDeckFile(path)).line).toBe(5);
  });

  it.each([
    ['UTF-16 little endian', 'utf16le' as const, [0xff, 0xfe]],
    ['UTF-16 big endian', 'utf16be' as const, [0xfe, 0xff]],
  ])('decodes %s with a byte order mark', (_, encoding, bom) => {
    const body = Buffer.from(`${DECK}2. **Qué?**\n   - Sí.\n`, 'utf16le');
    if (encoding === 'utf16be') body.swap16();
    const { deck } = readDeckFile(writeTemp(`${encoding}.md`, Buffer.concat([Buffer.from(bom), body])));
    expect(deck.questions.map((q) => q.question)).toEqual(['What is a pod?', 'Qué?']);
  });

  it('strips a UTF-8 byte order mark', () => {
    const { deck } = readDeckFile(writeTemp('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DECK)])));
    expect(deck.categories).toEqual(['Basics']);
  });

  it('refuses UTF-16 with an odd number of bytes', () => {
    expect(deckError(() => readDeckFile(writeTemp('odd.md', Buffer.from([0xff, 0xfe, 0x41])))).message).toMatch(/not valid UTF-16/);
  });
});

describe('paths that are not deck files', () => {
  it('refuses a missing file', () => {
    expect(deckError(() => readDeckFile(join(temp, 'nope.md'))).message).toMatch(/nope\.md: no such file$/);
  });

  it('refuses a directory', () => {
    const dir = join(temp, 'a-folder.md');
    mkdirSync(dir, { recursive: true });
    expect(deckError(() => readDeckFile(dir)).message).toMatch(/is a folder, not a deck file$/);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once instead of waiting for a writer', () => {
    const fifo = join(temp, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const start = performance.now();
    expect(deckError(() => readDeckFile(fifo)).message).toMatch(/is not a regular file/);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it.skipIf(process.platform === 'win32')('refuses a symlink loop', () => {
    const loop = join(temp, 'loop.md');
    symlinkSync(loop, loop);
    expect(deckError(() => readDeckFile(loop)).message).toMatch(/too many symbolic links/);
  });

  // Root reads any file, so as root the mapping of EACCES is checked directly.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('refuses a file it may not read', () => {
    const path = writeTemp('secret.md', DECK);
    chmodSync(path, 0o000);
    expect(deckError(() => readDeckFile(path)).message).toMatch(/permission denied$/);
  });

  it('explains a permission error in words', () => {
    const error = fileError(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }), 'secret.md');
    expect(error.message).toBe('secret.md: permission denied');
    expect(error.hint).toMatch(/permissions/);
  });
});
