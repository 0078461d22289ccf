// The fast path for plain answers (ui/plainMarkdown.ts) must print exactly what
// the marked path prints, colours included, or refuse the text.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDeckPath, parseDeck } from '../../../src/deck/index.js';

type Render = (markdown: string, width: number) => string | undefined;
let renderPlainMarkdown: Render;
let renderMarkedMarkdown: Render;

beforeAll(async () => {
  // Styles are fixed when ui/theme.ts loads: load it with colour on.
  process.env.FORCE_COLOR = '3';
  ({ renderPlainMarkdown } = await import('../../../src/ui/plainMarkdown.js'));
  ({ renderMarkedMarkdown } = await import('../../../src/ui/markdown.js'));
});

const seed = parseDeck(readFileSync(builtinDeckPath(), 'utf8'), { path: builtinDeckPath() }).deck;

describe('plain answers rendered without marked', () => {
  it('are styled (the comparison below compares colours too)', () => {
    expect(renderPlainMarkdown('- use `kubectl logs`', 80)).toContain('\u001b[36mkubectl logs');
  });

  it.each([20, 40, 80, 200])('every seed answer at width %i: the fast path takes it, and prints what marked would', (width) => {
    for (const question of seed.questions) {
      const plain = renderPlainMarkdown(question.answer, width);
      expect(plain, question.id).toBeDefined();
      expect(plain, question.id).toBe(renderMarkedMarkdown(question.answer, width));
    }
  });

  it.each([
    ['emphasis', '- a **bold** claim'],
    ['a link', '- see [docs](https://kubeflow.org)'],
    ['an autolink', '- see https://kubeflow.org'],
    ['HTML', '- a <b>tag</b>'],
    ['an entity', '- AT&amp;T'],
    ['a nested list', '- outer\n  - inner'],
    ['a loose list', '- one\n\n- two'],
    ['an ordered list', '1. one'],
    ['a heading', '# Title'],
    ['a table', 'a | b'],
    ['an unmatched backtick', '- use `kubectl'],
    ['a hard break', '- line  '],
    ['two paragraphs', 'one\n\ntwo'],
  ])('refuses %s, which needs marked', (_, markdown) => {
    expect(renderPlainMarkdown(markdown, 80)).toBeUndefined();
  });

  it('prints what marked would for any text it takes', () => {
    // Words and every character Markdown gives a meaning, in lines that often look like list items.
    const piece = fc.oneof(
      {
        weight: 12,
        arbitrary: fc.constantFrom('kubeflow', 'pod', 'a', 'GPU', '3', '2024', 'été', '漢字', '🙂', '(ML)', "it's", '"x"', '!', ','),
      },
      { weight: 8, arbitrary: fc.constantFrom(' ', ' ', '  ', '\u00a0') },
      { weight: 3, arbitrary: fc.constantFrom('`kubectl logs`', '`a`', '` a `', '`x  y`', '`', '``') },
      { weight: 2, arbitrary: fc.constantFrom(...'\\*_[]<>&~|@#=+-.:)/\t\u0007\r'.split(''), 'www.', '://', '&amp;', '1.', '---') },
    );
    const line = fc
      .tuple(fc.constantFrom('- ', '- ', '- ', '- ', '- ', '- ', '', '  - ', '* '), fc.array(piece, { minLength: 1, maxLength: 10 }))
      .map(([start, pieces]) => start + pieces.join(''));
    let taken = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.integer({ min: 10, max: 100 }), (lines, width) => {
        const markdown = lines.join('\n');
        const plain = renderPlainMarkdown(markdown, width);
        if (plain === undefined) return;
        taken++;
        expect(plain).toBe(renderMarkedMarkdown(markdown, width));
      }),
      { numRuns: 6000 },
    );
    // The property says little unless the fast path takes a good share of the texts.
    expect(taken).toBeGreaterThan(200);
  });
});
