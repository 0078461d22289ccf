// Property-based tests beyond test/unit/deck/parse-fuzz.test.ts (which fuzzes
// parseDeck on text): random *bytes* through the file reader (encodings, BOMs,
// NULs), random Markdown through the terminal renderer (never throws, never
// lets a control character through), and the built bin on random decks.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDeckFile } from '../../src/deck/index.js';
import { DeckError } from '../../src/errors.js';
import { renderMarkdown } from '../../src/ui/markdown.js';
import { expectNoCrash, tempDir, tempHome, timedKfq } from './helpers.js';

const dir = tempDir();
let files = 0;
function writeTemp(bytes: Uint8Array): string {
  const file = join(dir, `fuzz-${++files}.md`);
  writeFileSync(file, bytes);
  return file;
}

/** readDeckFile returns a deck or throws a DeckError: nothing else, ever. */
function readsOrRefuses(bytes: Uint8Array): ReturnType<typeof readDeckFile> | undefined {
  try {
    return readDeckFile(writeTemp(bytes), { slug: 'fuzz' });
  } catch (error) {
    if (error instanceof DeckError) return undefined;
    throw error;
  }
}

const pieces = [
  '---\ntitle: T\n---\n',
  '---js\n({})\n---\n',
  '## Category\n',
  '### **Bold category**\n',
  '1. **What is X?**\n',
  '2) Why?\n',
  '   - An answer.\n',
  '- a bullet\n',
  '> quote\n',
  '```\ncode\n```\n',
  '<details><summary>Q?</summary>\n\nA.\n</details>\n',
  '| a | b |\n|---|---|\n| c | d |\n',
  '*a*a*a_b_b_ **c** `d` [e](f) <g> &amp;\n',
  '\u001b[2J\u001b]0;t\u0007 \u009b \u202e\n',
  '\n',
];
const markdown = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 40 })), { maxLength: 25 })
  .map((parts) => parts.join(''));

const encodings = fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom');
function encode(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be-bom': {
      const bytes = Buffer.from(text, 'utf16le');
      bytes.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]);
    }
    default:
      return Buffer.from(text, 'utf8');
  }
}

describe('readDeckFile on random bytes', () => {
  it('returns a deck or throws a DeckError for any bytes at all', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        readsOrRefuses(bytes);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('reads a deck the same in UTF-8, with a BOM, and in UTF-16 either way round', () => {
    fc.assert(
      fc.property(
        markdown.filter((text) => !text.includes('\u0000')),
        encodings,
        (text, encoding) => {
          const plain = readsOrRefuses(encode(text, 'utf8'));
          const other = readsOrRefuses(encode(text, encoding));
          expect(other?.deck.questions).toEqual(plain?.deck.questions);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  it('refuses bytes with a NUL or a broken UTF-8 sequence anywhere, naming a line', () => {
    fc.assert(
      fc.property(markdown, fc.nat(), fc.constantFrom([0x00], [0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80]), (text, at, bad) => {
        const bytes = Buffer.from(text, 'utf8');
        // Insert between characters, not inside one (a BOM-like start would change the decoding).
        const cut = Buffer.from(text.slice(0, at % (text.length + 1)), 'utf8').length;
        const broken = Buffer.concat([Buffer.from('x'), bytes.subarray(0, cut), Buffer.from(bad), bytes.subarray(cut)]);
        try {
          readDeckFile(writeTemp(broken));
          expect.unreachable('a broken file was read');
        } catch (error) {
          expect(error).toBeInstanceOf(DeckError);
          expect((error as DeckError).line).toBeGreaterThanOrEqual(1);
          expect((error as DeckError).message).toMatch(/NUL bytes|not valid UTF-8/);
        }
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});

describe('renderMarkdown on random Markdown', () => {
  it('never throws and never lets a control character through (styling aside)', () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 10, max: 120 }), (text, width) => {
        const rendered = renderMarkdown(text, width).replace(/\u001b\[[0-9;]*m/g, '');
        expect(rendered).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 300, seed: 17 },
    );
  });
});

describe('the built bin on random decks', () => {
  const decks = fc.sample(markdown, { numRuns: 6, seed: 23 }).map((text, index) => {
    const file = join(dir, `cli-${index}.md`);
    writeFileSync(file, text);
    return file;
  });

  it.each(decks.map((file, index) => [index, file]))('deck %i: list, show, search and validate never crash or hang', (_, file) => {
    const home = tempHome();
    for (const args of [['list'], ['show', '1'], ['search', 'what'], ['list', '--json']]) {
      const result = timedKfq(['--deck', file, ...args], { env: { KFQ_HOME: home } });
      expectNoCrash(result);
      expect(result.ms).toBeLessThan(10_000);
    }
    const validated = timedKfq(['validate', file], { env: { KFQ_HOME: home } });
    expectNoCrash(validated);
  });
});
