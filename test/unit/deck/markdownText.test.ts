import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLinkOnly, isWhollyBold, markdownText, markedTokenText, plainSpans } from '../../../src/deck/markdownText/index.js';
import { plainInline, readInline } from '../../../src/deck/markdownText/inline.js';

describe('markdownText, read inline', () => {
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
    expect(markdownText(markdown)).toBe(plain);
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
    markdownText(markdown);
    expect(performance.now() - start).toBeLessThan(1500);
  });
});

describe('markdownText, read for words', () => {
  it.each([
    ['- Use **Katib** for `tuning`.', 'Use Katib for tuning.'],
    ['1. first\n2. second', 'first second'],
    ['See [the docs](https://example.com) now', 'See the docs now'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['## Heading\n> quoted <b>bold</b>', 'Heading quoted bold'],
  ])('turns %j into %j', (markdown, text) => {
    expect(markdownText(markdown, 'words')).toBe(text);
  });
});

describe('markdownText, read by lines', () => {
  it('when read by lines then emphasis and code marks go and the lines stay', () => {
    expect(markdownText('**Machine learning** (ML)\n- `kubectl` (K8s CLI)', 'lines')).toBe('Machine learning (ML)\n- kubectl (K8s CLI)');
  });
});

describe('markedTokenText', () => {
  it('when marked leaves entities encoded then they are decoded', () => {
    expect(markedTokenText('a &lt;b&gt; &amp;amp; &quot;c&quot; &#39;d&#39;')).toBe('a <b> &amp; "c" \'d\'');
  });
});

describe('plainSpans', () => {
  it.each([
    [
      'Use `kubectl logs` to read `stdout`',
      [
        ['Use ', false],
        ['kubectl logs', true],
        [' to read ', false],
        ['stdout', true],
        ['', false],
      ],
    ],
    ['Plain words only', [['Plain words only', false]]],
  ])('splits %j into text and code', (line, spans) => {
    expect(plainSpans(line)).toEqual(spans.map(([text, code]) => ({ text, code })));
  });

  it.each(['**bold**', '- a list item', '# heading', 'a [link](x)', 'trailing space ', 'two ``ticks``', 'an `open tick', ''])(
    'when %j holds other Markdown then it is not plain',
    (line) => expect(plainSpans(line)).toBeUndefined(),
  );
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
