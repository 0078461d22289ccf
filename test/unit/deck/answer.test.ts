import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanAnswer, trimBlock } from '../../../src/deck/answer.js';

describe('cleanAnswer', () => {
  it.each([
    ['   - indented bullet\n', '- indented bullet'],
    ['    - lazy line indented four spaces', '- lazy line indented four spaces'],
    ['\n\n- a\n  - nested\n\n---\n\n', '- a\n  - nested'],
    ['**Answer:** text', 'text'],
    ['- **Answer**: text', '- text'],
    ['*Answer:*\n\nParagraph.', 'Paragraph.'],
    ['answer: lower case', 'lower case'],
    ['\t- tab indented\n\t  more', '- tab indented\n  more'],
    ['   ---\n', ''],
  ])('cleans %j to %j', (markdown, answer) => {
    expect(cleanAnswer(markdown)).toBe(answer);
  });
});

describe('trimBlock', () => {
  it('when the text is one line then it trims it as it trims a block', () => {
    const piece = fc.constantFrom('a', ' ', '  ', '\t', '\u00a0', '\u3000', '-', '`', '*');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const line = pieces.join('');
        expect(trimBlock(line)).toBe(trimBlock(`${line}\n`));
      }),
      { numRuns: 3000 },
    );
  });
});
