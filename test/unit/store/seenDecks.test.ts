// The seen-deck file is written a piece at a time; its bytes must be exactly
// the one JSON text the reader parses, whatever the number of pieces.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/store/cacheFile.js';
import { readSeenDeck, SEEN_DECK_VERSION, seenDeckFile, writeSeenDeck, type SeenDeck } from '../../../src/store/seenDecks.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function seenDeckOf(count: number): SeenDeck {
  return {
    deck: 'big',
    contentHash: '12-abcdef01',
    questions: Array.from({ length: count }, (_, n) => ({
      key: `big/${n + 1}`,
      id: `big/${n + 1}`,
      number: n + 1,
      category: n % 2 ? 'Pipelines' : 'Serving "and" é',
      question: `What is thing ${n + 1}?`,
      answer: `- It is\n- \u2028the ${n + 1}th thing 😀`,
      ...(n % 7 === 0 ? { explicitId: `id-${n}` } : {}),
    })),
    past: [['big/1', 'big/1', 'What was thing 1?']],
    retired: ['big/0'],
  };
}

describe('writing the deck kfq last saw', () => {
  it.each([0, 1, 1999, 2000, 2001, 4500])(
    'when the list has %i questions then the file is its JSON text and reads back the same',
    (count) => {
      const folder = mkdtempSync(join(tmpdir(), 'kfq-seen-'));
      folders.push(folder);
      const seen = seenDeckOf(count);
      const hash = writeSeenDeck(folder, seen);
      const bytes = readFileSync(seenDeckFile(folder, 'big'));
      expect(bytes.toString('utf8')).toBe(`${JSON.stringify({ kfq: 'seen-deck', version: SEEN_DECK_VERSION, seen })}\n`);
      expect(hash).toBe(contentHash(bytes));
      expect(readSeenDeck(folder, 'big')).toEqual(seen);
    },
  );
});
