import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDecksCached, readDeckFileCached } from '../../../src/deck/cache.js';
import { readDeckFile } from '../../../src/deck/load.js';
import { packDeck } from '../../../src/deck/packedDeck.js';
import { DeckError } from '../../../src/errors.js';
import { cacheName, contentHash, writeCache } from '../../../src/store/cacheFile.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-cache-decks-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const deckText = (question: string) => `## Basics\n\n1. **${question}**\n   - An answer.\n\n2. **What is B?**\n   - Bee.\n`;

let counter = 0;
function setup(text = deckText('What is A?')): { deck: string; cacheDir: string } {
  const dir = join(temp, `case-${++counter}`);
  mkdirSync(dir);
  const deck = join(dir, 'basics.md');
  writeFileSync(deck, text);
  return { deck, cacheDir: join(dir, 'cache') };
}

const entryOf = (cacheDir: string, deck: string) => join(cacheDir, `deck-${cacheName(resolve(deck))}`);

describe('the parsed-deck cache', () => {
  it('gives what parsing gives, the first time and from the cache', async () => {
    const { deck, cacheDir } = setup();
    const parsed = { ...readDeckFile(deck, { slug: 'basics' }), contentHash: contentHash(readFileSync(deck)) };
    expect(await readDeckFileCached(deck, 'basics', cacheDir)).toEqual(parsed);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(await readDeckFileCached(deck, 'basics', cacheDir)).toEqual(parsed);
  });

  it('serves an unchanged deck from the cache, without parsing it', async () => {
    const { deck, cacheDir } = setup();
    const first = await readDeckFileCached(deck, 'basics', cacheDir);
    // Plant a different entry under the same key: only a cache hit can return it.
    const planted = { ...first, deck: { ...first.deck, title: 'from the cache' } };
    const key = JSON.stringify(['deck', resolve(deck), deck, 'basics', contentHash(readFileSync(deck))]);
    writeCache(entryOf(cacheDir, deck), key, packDeck(planted));
    expect((await readDeckFileCached(deck, 'basics', cacheDir)).deck.title).toBe('from the cache');
  });

  it('shows an edit at once, even one that keeps the size and the modification time', async () => {
    const { deck, cacheDir } = setup(deckText('What is A?'));
    await readDeckFileCached(deck, 'basics', cacheDir);
    const { atime, mtime } = statSync(deck);
    writeFileSync(deck, deckText('What is Z?'));
    utimesSync(deck, atime, mtime);
    expect(statSync(deck).size).toBe(Buffer.byteLength(deckText('What is A?')));
    expect((await readDeckFileCached(deck, 'basics', cacheDir)).deck.questions[0]!.question).toBe('What is Z?');
  });

  it('ignores and rewrites a damaged or truncated entry', async () => {
    const { deck, cacheDir } = setup();
    const parsed = await readDeckFileCached(deck, 'basics', cacheDir);
    const entry = entryOf(cacheDir, deck);
    const bytes = readFileSync(entry);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 20] = damaged[damaged.length - 20]! ^ 0xff;
    for (const broken of [damaged, bytes.subarray(0, bytes.length - 5), Buffer.from('garbage')]) {
      writeFileSync(entry, broken);
      expect(await readDeckFileCached(deck, 'basics', cacheDir)).toEqual(parsed);
      expect(readFileSync(entry)).toEqual(bytes);
    }
  });

  it('ignores an entry written by another kfq build', async () => {
    const { deck, cacheDir } = setup();
    const parsed = await readDeckFileCached(deck, 'basics', cacheDir);
    const key = JSON.stringify(['deck', resolve(deck), deck, 'basics', contentHash(readFileSync(deck))]);
    writeCache(entryOf(cacheDir, deck), key, packDeck({ ...parsed, deck: { ...parsed.deck, title: 'stale' } }), {
      build: '0.0.1/v8-old/1:1',
    });
    expect(await readDeckFileCached(deck, 'basics', cacheDir)).toEqual(parsed);
  });

  it('keys entries by slug, so a renamed slug gets its own ids', async () => {
    const { deck, cacheDir } = setup();
    await readDeckFileCached(deck, 'basics', cacheDir);
    expect((await readDeckFileCached(deck, 'other', cacheDir)).deck.questions[0]!.id).toBe('other/1');
  });

  it('keeps warnings with the cached deck', async () => {
    const { deck, cacheDir } = setup('## X\n\n1. **Q one?**\n2. **Q two?**\n   - A.\n');
    const first = await readDeckFileCached(deck, 'x', cacheDir);
    expect(first.warnings).toHaveLength(1);
    expect((await readDeckFileCached(deck, 'x', cacheDir)).warnings).toEqual(first.warnings);
  });

  it('never caches a deck with errors', async () => {
    const { deck, cacheDir } = setup('no questions here\n');
    await expect(readDeckFileCached(deck, 'broken', cacheDir)).rejects.toBeInstanceOf(DeckError);
    await expect(readDeckFileCached(deck, 'broken', cacheDir)).rejects.toBeInstanceOf(DeckError);
  });

  it('works, uncached, where the cache folder cannot be written', async () => {
    const { deck } = setup();
    const blocker = join(temp, `blocker-${counter}`);
    writeFileSync(blocker, '');
    const cacheDir = join(blocker, 'cache');
    const parsed = { ...readDeckFile(deck, { slug: 'basics' }), contentHash: contentHash(readFileSync(deck)) };
    expect(await readDeckFileCached(deck, 'basics', cacheDir)).toEqual(parsed);
    expect(await readDeckFileCached(deck, 'basics', cacheDir)).toEqual(parsed);
  });

  it('loads the selected decks like loadDecks, and knows each deck’s content hash', async () => {
    const { deck, cacheDir } = setup();
    const loaded = await loadDecksCached([deck], { installedDir: temp, cacheDir, env: {} });
    expect(loaded.questions.map((q) => q.id)).toEqual(['basics/1', 'basics/2']);
    expect(loaded.contentHashes.get(loaded.decks[0]!)).toBe(contentHash(readFileSync(deck)));
  });
});
