import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/model/plural.js';

describe('plural', () => {
  it.each([
    [0, 'question', undefined, '0 questions'],
    [1, 'question', undefined, '1 question'],
    [2, 'question', undefined, '2 questions'],
    [1, 'category', 'categories', '1 category'],
    [3, 'category', 'categories', '3 categories'],
  ])('when the count is %i of %s then it says it right', (count, singular, pluralForm, expected) => {
    expect(plural(count, singular, pluralForm)).toBe(expected);
  });
});
