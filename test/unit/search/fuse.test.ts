// fuse.js proposes the words a typed word may be a misspelling of; the edit
// distance then decides. It must propose every whole word within the typo
// allowance, or a typo the scan over the vocabulary would forgive is lost.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editDistance, typoAllowance } from '../../../src/deck/terms.js';
import { readDeckFile } from '../../../src/deck/load.js';
import { fuseSpeller } from '../../../src/search/fuse.js';
import { buildSearchIndex } from '../../../src/search/index.js';
import { nearWords, type WordIndex } from '../../../src/search/wordIndex.js';

const root = new URL('../../../', import.meta.url);
const set = JSON.parse(readFileSync(new URL('test/fixtures/evaluation/search-queries.json', root), 'utf8')) as {
  decks: Array<{ slug: string; file: string }>;
};
const vocabularies = set.decks.map((deck) => ({
  slug: deck.slug,
  words: buildSearchIndex(readDeckFile(new URL(deck.file, root).pathname, { slug: deck.slug }).deck.questions).parts[0]!.words,
}));

/** Every whole word within the allowance, by brute force: what fuse must propose. */
function withinAllowance(index: WordIndex, typed: string): string[] {
  const edits = typoAllowance(typed.length);
  if (edits === 0) return [];
  return index.surfaces
    .filter((surface) => surface !== typed && !surface.startsWith(typed) && editDistance(typed, surface, edits) <= edits)
    .sort();
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789-';

/** A word with up to two typing mistakes: a letter added, dropped, changed, or two neighbours swapped. */
function misspelt(word: string, mistakes: Array<{ kind: number; at: number; letter: number }>): string {
  let typed = word;
  for (const { kind, at: seed, letter } of mistakes) {
    const at = seed % Math.max(typed.length, 1);
    const char = LETTERS[letter % LETTERS.length]!;
    if (kind === 0) typed = typed.slice(0, at) + char + typed.slice(at);
    else if (kind === 1 && typed.length > 1) typed = typed.slice(0, at) + typed.slice(at + 1);
    else if (kind === 2) typed = typed.slice(0, at) + char + typed.slice(at + 1);
    else if (at + 1 < typed.length) typed = typed.slice(0, at) + typed[at + 1] + typed[at] + typed.slice(at + 2);
  }
  return typed;
}

describe('when a typed word is a misspelling of a word of the deck', () => {
  it.each(vocabularies)('then fuse proposes every whole word within the typo allowance ($slug)', ({ words }) => {
    const long = words.surfaces.filter((surface) => surface.length >= 5);
    const mistake = fc.record({ kind: fc.nat(3), at: fc.nat(63), letter: fc.nat(LETTERS.length - 1) });
    fc.assert(
      fc.property(fc.nat(long.length - 1), fc.array(mistake, { minLength: 1, maxLength: 2 }), (pick, mistakes) => {
        const typed = misspelt(long[pick]!, mistakes);
        const wanted = withinAllowance(words, typed);
        // fuse alone, over the whole vocabulary, proposes them all…
        const proposedByFuse = new Set(
          fuseSpeller(words.surfaces, typed, Math.max(typoAllowance(typed.length), 1)).map((at) => words.surfaces[at]!),
        );
        expect(wanted.filter((surface) => !proposedByFuse.has(surface))).toEqual([]);
        // …and so does the search's lookup, which gives fuse only the words of the right length and letters.
        const proposed = nearWords(words, typed, fuseSpeller)
          .filter((near) => !near.prefix)
          .map((near) => near.surface);
        expect(proposed.sort()).toEqual(wanted);
      }),
      { numRuns: 400, seed: 18 },
    );
  });
});
