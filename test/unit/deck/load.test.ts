import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinDeckPath, loadDecks, resolveDeckFiles, slugify } from '../../../src/deck/index.js';
import { deckError } from '../../support/deckError.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-deck-load-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const deckText = (question: string) => `## Basics\n\n1. **${question}**\n   - An answer.\n`;

function makeDir(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

const decks = makeDir('decks', {
  'b.md': deckText('What is B?'),
  'a.md': deckText('What is A?'),
  'notes.txt': 'not a deck',
  'sub.md.d': '',
});
mkdirSync(join(decks, 'nested.md'), { recursive: true });
const installed = makeDir('installed', { 'devops.md': deckText('What is DevOps?') });
const other = makeDir('other', { 'a.md': deckText('What is the other A?') });
const empty = makeDir('empty', { 'readme.txt': 'nothing here' });

describe('resolveDeckFiles', () => {
  it('takes a file as it is', () => {
    expect(resolveDeckFiles([join(decks, 'b.md')], { installedDir: installed })).toEqual([join(decks, 'b.md')]);
  });

  it("takes a folder's .md files, sorted, skipping other files and sub-folders", () => {
    expect(resolveDeckFiles([decks], { installedDir: installed })).toEqual([join(decks, 'a.md'), join(decks, 'b.md')]);
  });

  it('finds an installed deck by name, with or without .md', () => {
    expect(resolveDeckFiles(['devops'], { installedDir: installed })).toEqual([join(installed, 'devops.md')]);
    expect(resolveDeckFiles(['devops.md'], { installedDir: installed })).toEqual([join(installed, 'devops.md')]);
  });

  it('lists a file named twice only once', () => {
    expect(resolveDeckFiles([join(decks, 'a.md'), decks], { installedDir: installed })).toEqual([join(decks, 'a.md'), join(decks, 'b.md')]);
  });

  it.each([
    ['a missing path', () => join(temp, 'missing.md')],
    ['an unknown deck name', () => 'no-such-deck'],
    ['a path through a file', () => join(decks, 'a.md', 'x.md')],
  ])('refuses %s', (_, spec) => {
    const error = deckError(() => resolveDeckFiles([spec()], { installedDir: installed }));
    expect(error.message).toBe(`${spec()}: no such deck file, folder or installed deck`);
    expect(error.hint).toMatch(/kfq deck list/);
  });

  it('refuses a folder with no .md decks', () => {
    expect(deckError(() => resolveDeckFiles([empty], { installedDir: installed })).message).toBe(`${empty}: folder has no .md decks`);
  });

  it.skipIf(process.platform === 'win32')('refuses a symlink loop with a clear message', () => {
    const loop = join(temp, 'loop');
    symlinkSync(loop, loop);
    expect(deckError(() => resolveDeckFiles([loop], { installedDir: installed })).message).toMatch(/too many symbolic links/);
  });
});

describe('loadDecks', () => {
  it('loads the built-in deck when no deck is named and KFQ_DECK is unset', () => {
    const loaded = loadDecks([], { installedDir: installed, env: {} });
    expect(loaded.decks.map((deck) => deck.slug)).toEqual(['kubeflow']);
    expect(loaded.questions).toHaveLength(100);
    expect(loaded.warnings).toEqual([]);
  });

  it('loads KFQ_DECK, split on the path delimiter, when no deck is named', () => {
    const loaded = loadDecks([], { installedDir: installed, env: { KFQ_DECK: ['devops', join(decks, 'b.md')].join(delimiter) } });
    expect(loaded.questions.map((q) => q.id)).toEqual(['devops/1', 'b/1']);
  });

  it('prefers named decks to KFQ_DECK', () => {
    const loaded = loadDecks([join(decks, 'a.md')], { installedDir: installed, env: { KFQ_DECK: 'devops' } });
    expect(loaded.decks.map((deck) => deck.slug)).toEqual(['a']);
  });

  it('gives decks with the same file name unique slugs, so ids never collide', () => {
    const loaded = loadDecks([decks, other], { installedDir: installed, env: {} });
    expect(loaded.questions.map((q) => [q.id, q.deck, q.question])).toEqual([
      ['a/1', 'a', 'What is A?'],
      ['b/1', 'b', 'What is B?'],
      ['a-2/1', 'a-2', 'What is the other A?'],
    ]);
  });

  it('passes deck warnings through', () => {
    const dir = makeDir('warned', { 'w.md': '## X\n\n1. **Q one?**\n2. **Q two?**\n   - A.\n' });
    expect(loadDecks([dir], { installedDir: installed, env: {} }).warnings).toEqual([
      { file: join(dir, 'w.md'), line: 3, message: 'question "Q one?" has no answer; skipped', skipped: true },
    ]);
  });
});

describe('builtinDeckPath', () => {
  it('finds data/kubeflow.md from the source tree', () => {
    const path = builtinDeckPath();
    expect(path.endsWith(join('data', 'kubeflow.md'))).toBe(true);
    expect(existsSync(path)).toBe(true);
  });
});

describe('slugify', () => {
  it.each([
    ['Kubeflow', 'kubeflow'],
    ['Advanced and Deployment Topics', 'advanced-and-deployment-topics'],
    ['  Crème brûlée!! ', 'creme-brulee'],
    ['C++ / C#', 'c-c'],
    ['面试 题', '面试-题'],
    ['***', 'untitled'],
    ['x'.repeat(100), 'x'.repeat(64)],
  ])('slugify(%j) is %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});
