// The reader's shortcut for the seed's shape (a numbered bold question over
// `- ` answer lines) gives exactly the elements marked's tokens give.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Lexer } from 'marked';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markedElements, readElements } from '../../../src/deck/elements.js';
import { splitPieces } from '../../../src/deck/pieces.js';

const root = new URL('../../../', import.meta.url);
const banks = new URL('test/fixtures/banks/', root);
const DECKS = [
  new URL('data/kubeflow.md', root),
  ...readdirSync(banks)
    .filter((name) => name.endsWith('.md') && name !== 'SOURCES.md')
    .map((name) => new URL(name, banks)),
];

afterEach(() => vi.restoreAllMocks());

describe('reading a numbered bold question without marked', () => {
  it('when a piece has the seed shape then marked is not used for it', () => {
    const lex = vi.spyOn(Lexer.prototype, 'blockTokens');
    const elements = readElements(
      [{ kind: 'markdown', text: '12. **What is a pod?**\n    - The smallest unit.\n    - Runs containers.\n\n', line: 5 }],
      'x.md',
    );
    expect(lex).not.toHaveBeenCalled();
    expect(elements).toMatchObject([
      { kind: 'item', number: 12, question: 'What is a pod?', answer: '- The smallest unit.\n- Runs containers.', answerLine: 6, line: 5 },
      { kind: 'block', type: 'space', line: 7 },
    ]);
  });

  it.each(DECKS.map((url) => [url.pathname.split('/').pop()!, url] as const))(
    'when %s is read then every piece gives what marked gives',
    (_, url) => {
      const lines = readFileSync(url, 'utf8').replace(/\r\n?/g, '\n').split('\n');
      for (const piece of splitPieces(lines.join('\n'), lines, 1)) {
        if (piece.kind === 'markdown') expect(readElements([piece], 'x.md')).toEqual(markedElements(piece, 'x.md'));
      }
    },
  );

  it('when a piece is near the seed shape (odd indents, markup, other bullets, text after) then it gives what marked gives', () => {
    const chars = (alphabet: string[], max: number) =>
      fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((list) => list.join(''));
    const plain = ['a', 'B', '?', ' ', 'é', '1', '.', ':', '-', '(', '"'];
    const inner = chars([...plain, ...plain, ...plain, '*', '`', '<', '_', '\\', '[', ']', '&', '|', '!', '~', '\t'], 8);
    const answerLine = fc.tuple(
      fc.constantFrom('- ', '-', '* ', '1. ', '  - ', '- - ', '-\t', '- ', '- '),
      chars([...plain, ...plain, '#', '>', '`', '<', '|', '*', '=', '-', ' ', '\t', '[ ] ', '---', '```'], 6),
    );
    const noisy = fc.record({
      number: fc.integer({ min: 1, max: 99_999 }),
      bold: fc.constantFrom('**', '**', '__', '*', ''),
      inner,
      indentDelta: fc.constantFrom(0, 0, 0, -2, -1, 1, 2),
      answers: fc.array(answerLine, { minLength: 0, maxLength: 3 }),
      after: fc.constantFrom('', '\n', '\n\n', '\n\n\n', '\nText', '\n\n   - late', '\n\n# Heading\n'),
    });
    // Pieces of the seed's shape but for one odd detail at most.
    const plainText = chars(plain, 8).filter((text) => text.trim() === text && text !== '');
    const seedLike = fc.record({
      number: fc.integer({ min: 1, max: 99_999 }),
      bold: fc.constant('**'),
      inner: fc.oneof(plainText, inner),
      indentDelta: fc.constantFrom(0, 0, 0, 0, 1, -1),
      answers: fc.array(
        fc.tuple(fc.constantFrom('- ', '- ', '- ', '-\t', '* '), fc.oneof(plainText, chars([...plain, '`', '<', ' ', '\t', '[ ] '], 6))),
        {
          minLength: 1,
          maxLength: 3,
        },
      ),
      after: fc.constantFrom('', '\n', '\n\n', '\n\n\n', '\n\n\n\n', '\nText'),
    });
    const piece = fc.oneof(noisy, seedLike).map(({ number, bold, inner, indentDelta, answers, after }) => {
      const indent = ' '.repeat(Math.max(0, String(number).length + 2 + indentDelta));
      const lines = answers.map(([bullet, text]) => `${indent}${bullet}${text}`);
      return [`${number}. ${bold}${inner}${bold}`, ...lines].join('\n') + after;
    });
    const lex = vi.spyOn(Lexer.prototype, 'blockTokens');
    let shortcuts = 0;
    fc.assert(
      fc.property(piece, (text) => {
        const one = { kind: 'markdown' as const, text, line: 3 };
        const calls = lex.mock.calls.length;
        const read = readElements([one], 'x.md');
        if (lex.mock.calls.length === calls) shortcuts++;
        expect(read).toEqual(markedElements(one, 'x.md'));
      }),
      { numRuns: 4000 },
    );
    // Enough of the pieces took the shortcut for the comparison to mean something.
    expect(shortcuts).toBeGreaterThan(100);
  });
});
