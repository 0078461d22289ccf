import { describe, expect, it } from 'vitest';
import { builtinDeckPath, readDeckFile } from '../../../src/deck/index.js';
import { makeWord } from '../../../src/deck/terms.js';
import { buildWordIndexOf } from '../../../src/search/index.js';
import { normalizeWord, useKnownStems } from '../../../src/search/words.js';

describe('stems looked up in the index being searched', () => {
  const index = buildWordIndexOf(readDeckFile(builtinDeckPath()).deck.questions);

  it("when a word is the deck's then its stem is the index's, which is the stemmer's", () => {
    useKnownStems([index]);
    index.surfaces.forEach((surface, at) => {
      expect(index.terms[index.surfaceTerms[at]!]).toBe(makeWord(surface).stem);
      expect(normalizeWord(surface)).toBe(makeWord(surface).stem);
    });
  });

  it('when a word is not in the index then it is stemmed', () => {
    useKnownStems([index]);
    expect(index.surfaces).not.toContain('hyperparameterisations');
    expect(normalizeWord('hyperparameterisations')).toBe(makeWord('hyperparameterisations').stem);
  });
});
