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

// The line-by-line reading that cleanAnswer and trimBlock shortcut for text
// whose lines start flush: the shortcut must give exactly what it gives.
const ANSWER_LABEL = /^([-*+][ \t]+)?(?:\*\*|__|\*|_)?answer(?:\*\*|__|\*|_)?[ \t]*:(?:\*\*|__|\*|_)?[ \t]*/i;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function dedentByLine(lines: string[]): string[] {
  const expanded = lines.map((line) => {
    if (line.trim() === '') return '';
    if (!/^ *\t/.test(line)) return line;
    const indent = /^[ \t]*/.exec(line)![0];
    let width = 0;
    for (const c of indent) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
    return ' '.repeat(width) + line.slice(indent.length);
  });
  let indent = Infinity;
  for (const line of expanded) {
    const width = line.length - line.trimStart().length;
    if (width < line.length) indent = Math.min(indent, width);
  }
  return indent === Infinity || indent === 0 ? expanded : expanded.map((line) => line.slice(indent));
}

function cleanAnswerByLine(markdown: string): string {
  const lines = dedentByLine(markdown.split('\n'));
  let end = lines.length;
  while (end > 0 && (lines[end - 1]!.trim() === '' || THEMATIC_BREAK.test(lines[end - 1]!))) end--;
  let start = 0;
  while (start < end && lines[start]!.trim() === '') start++;
  if (start === end) return '';
  const first = lines[start]!;
  const label = ANSWER_LABEL.exec(first);
  if (label) {
    const rest = (label[1] ?? '') + first.slice(label[0].length);
    if (rest.trim() === '') start++;
    else lines[start] = rest;
    while (start < end && lines[start]!.trim() === '') start++;
  }
  return lines.slice(start, end).join('\n').trimEnd();
}

function trimBlockByLine(markdown: string): string {
  if (!markdown.includes('\n')) return markdown.trim();
  const lines = dedentByLine(markdown.split('\n'));
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  let end = lines.length;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end).join('\n').trimEnd();
}

describe('cleaning answers whose lines start flush without reading them line by line', () => {
  const piece = fc.constantFrom(
    'a',
    'Word',
    '- ',
    '* ',
    '1. ',
    ' ',
    '  ',
    '\t',
    '\u00a0',
    '\u2028',
    '\u3000',
    '\n',
    '\n',
    '\n',
    '\n\n',
    '---',
    '***',
    ' - - -',
    'Answer:',
    '**Answer:** ',
    '- answer: ',
    '`code`',
    '```',
    '#',
  );
  const text = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(''));

  it('when an answer is cleaned then it is what the line-by-line reading gives', () => {
    let flush = 0;
    fc.assert(
      fc.property(text, (markdown) => {
        if (!/^\s/m.test(markdown.replace(/\n+$/, ''))) flush++;
        expect(cleanAnswer(markdown)).toBe(cleanAnswerByLine(markdown));
      }),
      { numRuns: 5000 },
    );
    // Enough of the texts took the shortcut for the comparison to mean something.
    expect(flush).toBeGreaterThan(500);
  });

  it('when a block is trimmed then it is what the line-by-line reading gives', () => {
    fc.assert(
      fc.property(text, (markdown) => {
        expect(trimBlock(markdown)).toBe(trimBlockByLine(markdown));
      }),
      { numRuns: 5000 },
    );
  });
});
