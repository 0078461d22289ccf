import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../../src/deck/slug.js';

/** The rule for any text, as slugify applies it to text beyond plain ASCII. */
function unicodeSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .slice(0, 64)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

describe('slugify', () => {
  it('when the text is plain ASCII then the slug is what the Unicode rule gives', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...' -_./?!Aa Zz09x#K8s'.split('')), maxLength: 90 }), (text) => {
        expect(slugify(text)).toBe(unicodeSlug(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of ['Kubeflow Pipelines', '  --Top 100 Kubeflow interview questions--  ', 'a'.repeat(70) + ' b', '', '!!!'])
      expect(slugify(text)).toBe(unicodeSlug(text));
  });

  it('when the text has accents or other scripts then letters are kept and accents dropped', () => {
    expect(slugify('Café Déjà-vu')).toBe('cafe-deja-vu');
    expect(slugify('Преглед Kubernetes')).toBe('преглед-kubernetes');
    expect(slugify('機械学習 MLOps')).toBe('機械学習-mlops');
  });
});
