import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanAnswer, trimBlock } from '../../../src/deck/answer.js';
import { isLinkOnly, isWhollyBold, plainInline, readInline } from '../../../src/deck/inline.js';

describe('plainInline', () => {
  it.each([
    ['**What is Kubeflow?**', 'What is Kubeflow?'],
    ['__What is Kubeflow?__', 'What is Kubeflow?'],
    ['***Bold italic***', 'Bold italic'],
    ['What does `kubectl logs` do?', 'What does kubectl logs do?'],
    ['What is `**kwargs`?', 'What is **kwargs?'],
    ['Use ``a ` b`` here', 'Use a ` b here'],
    ['An unclosed `tick', 'An unclosed `tick'],
    ['See [the docs](https://kubeflow.org "title") now', 'See the docs now'],
    ['An image ![diagram](x.png) here', 'An image diagram here'],
    ['A reference [link][ref] here', 'A reference link here'],
    ['What is list[0]?', 'What is list[0]?'],
    ['Press <kbd>Ctrl</kbd>+<kbd>C</kbd>', 'Press Ctrl+C'],
    ['One<br>two', 'One two'],
    ['Visit <https://kubeflow.org>', 'Visit https://kubeflow.org'],
    ['a < b and c > d', 'a < b and c > d'],
    ['Tom &amp; Jerry &lt;3 &#39;quoted&#39; &#x41; &bogus;', "Tom & Jerry <3 'quoted' A &bogus;"],
    ['snake_case_name and _emphasis_', 'snake_case_name and emphasis'],
    ['5 * 3 = 15 and a*b', '5 * 3 = 15 and a*b'],
    ['app=* matches all', 'app=* matches all'],
    ['~~struck~~ and ~5 GB', 'struck and ~5 GB'],
    ['\\*not emphasis\\*', '*not emphasis*'],
    ['  many   spaces\nand lines  ', 'many spaces and lines'],
  ])('turns %j into %j', (markdown, plain) => {
    expect(plainInline(markdown)).toBe(plain);
  });

  it('when a text is plain or one bold span then the shortcut gives what the full pass gives', () => {
    const piece = fc.constantFrom(
      'a',
      'Z',
      'é',
      '?',
      '.',
      '"',
      '(',
      ')',
      ' ',
      '  ',
      '\t',
      '\n',
      '*',
      '**',
      '_',
      '`',
      '<',
      '&',
      '\\',
      '[',
      '!',
      '~',
      '-',
      '1',
    );
    const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, fc.boolean(), (inner, bold) => {
        const markdown = bold ? `**${inner}**` : inner;
        expect(plainInline(markdown)).toBe(readInline(markdown));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['a run of `*a`', '*a'.repeat(200_000)],
    ['open brackets', '['.repeat(400_000)],
    ['tag starts', '<a '.repeat(150_000)],
    ['backtick runs of every length', Array.from({ length: 800 }, (_, i) => '`'.repeat(i + 1) + 'a').join('')],
  ])('stays fast on %s', (_, markdown) => {
    const start = performance.now();
    plainInline(markdown);
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe('question markers', () => {
  it.each([
    ['**What is X?**', true],
    ['**What is X**?', true],
    ['**a** and **b**', false],
    ['What is **X**?', false],
  ])('isWhollyBold(%j) is %s', (markdown, expected) => {
    expect(isWhollyBold(markdown)).toBe(expected);
  });

  it.each([
    ['[Basics](#basics)', true],
    ['**[Basics](#basics)**', true],
    ['[A](#a), [B](#b)', true],
    ['What is [Katib](https://x)?', false],
  ])('isLinkOnly(%j) is %s', (markdown, expected) => {
    expect(isLinkOnly(markdown)).toBe(expected);
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
