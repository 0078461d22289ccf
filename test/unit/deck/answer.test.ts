import { describe, expect, it } from 'vitest';
import { cleanAnswer } from '../../../src/deck/answer.js';

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
