import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDeckPath, parseDeck } from '../../../src/deck/index.js';
import { DeckError } from '../../../src/errors.js';

const seed = readFileSync(builtinDeckPath(), 'utf8');

/** parseDeck either returns a consistent deck or throws a DeckError; anything else fails the property. */
function parsesOrRefuses(text: string): void {
  let loaded;
  try {
    loaded = parseDeck(text, { path: 'fuzz.md' });
  } catch (error) {
    if (error instanceof DeckError) return;
    throw error;
  }
  const { deck, warnings } = loaded;
  const lineCount = text.split(/\r\n?|\n/).length;
  expect(deck.questions.length).toBeGreaterThan(0);
  expect(new Set(deck.questions.map((q) => q.id)).size).toBe(deck.questions.length);
  expect(deck.categories).toEqual([...new Set(deck.questions.map((q) => q.category))]);
  for (const q of deck.questions) {
    expect(q.answer.trim()).not.toBe('');
    expect(q.line).toBeGreaterThanOrEqual(1);
    expect(q.line).toBeLessThanOrEqual(lineCount);
    expect(Number.isInteger(q.number)).toBe(true);
  }
  for (const warning of warnings) expect(warning.line).toBeGreaterThanOrEqual(1);
}

const snippets = [
  '### **Basic Concepts**',
  '## 2. What is X?',
  '# Title',
  '1. **What is Kubeflow?**',
  '12) What is a pod?',
  '   - An answer.',
  '    - A lazy answer.',
  '- a column-0 bullet',
  '**Answer:** yes',
  '<details>',
  '<summary>What is Git?</summary><br><b>',
  '</b></details>',
  '```',
  '~~~',
  '---',
  '---js',
  '<!--',
  '-->',
  '> quoted',
  '| a | b |',
  '[link](#x)',
  '',
  '\t\tindented',
  'plain text?',
];

const markdownish = fc.string({
  unit: fc.constantFrom(
    '#',
    '*',
    '_',
    '`',
    '-',
    '>',
    '1',
    '.',
    ')',
    ' ',
    '\n',
    '\t',
    '[',
    ']',
    '(',
    '<',
    '/',
    '?',
    'a',
    'Q',
    '!',
    '&',
    '|',
    '~',
    ':',
    '\r',
    '\u0000',
    '\uFEFF',
    '\u2028',
    'é',
    '<details>',
    '</details>',
    '<summary>',
    '</summary>',
  ),
  maxLength: 400,
});

const lineSoup = fc.array(fc.constantFrom(...snippets), { maxLength: 60 }).map((lines) => lines.join('\n'));

type Mutation = { at: number; length: number; kind: 'delete' | 'duplicate' | 'insert'; text: string };
const mutation = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 400 }),
  kind: fc.constantFrom<Mutation['kind']>('delete', 'duplicate', 'insert'),
  text: fc.oneof(markdownish, fc.constantFrom(...snippets.map((s) => `\n${s}\n`))),
});

function mutate(text: string, mutations: Mutation[]): string {
  let result = text;
  for (const { at, length, kind, text: inserted } of mutations) {
    const start = at % (result.length + 1);
    const end = Math.min(result.length, start + length);
    if (kind === 'delete') result = result.slice(0, start) + result.slice(end);
    else if (kind === 'duplicate') result = result.slice(0, end) + result.slice(start, end) + result.slice(end);
    else result = result.slice(0, start) + inserted + result.slice(start);
  }
  return result;
}

const nesting = fc
  .tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('- ', '> ', '1. ', '* > ', '  '), fc.boolean())
  .map(([depth, marker, perLine]) =>
    perLine
      ? Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}${marker}item`).join('\n')
      : `1. **Q?**\n   - A\n${marker.repeat(depth)}x`,
  );

describe('parseDeck on random and mutated Markdown', () => {
  it('returns a consistent deck or throws a DeckError for mutations of the seed', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => parsesOrRefuses(mutate(seed, mutations))),
      { numRuns: 120 },
    );
  });

  it('returns a consistent deck or throws a DeckError for Markdown-ish noise', () => {
    fc.assert(fc.property(markdownish, parsesOrRefuses), { numRuns: 300 });
  });

  it('returns a consistent deck or throws a DeckError for shuffled deck lines', () => {
    fc.assert(fc.property(lineSoup, parsesOrRefuses), { numRuns: 300 });
  });

  it('returns a consistent deck or throws a DeckError for deep nesting', () => {
    fc.assert(fc.property(nesting, parsesOrRefuses), { numRuns: 60 });
  });
});
