// Real public question banks of four shapes, each with the exact question,
// prompt and answer of every question (written from reading the source, see
// test/fixtures/banks/SOURCES.md) and the warnings validate must show.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDeckFile } from '../../../src/deck/index.js';

const banks = join(import.meta.dirname, '..', '..', 'fixtures', 'banks');

interface Expected {
  questions: Array<{ number: number; category: string; question: string; prompt: string; answer: string }>;
  warnings: Array<{ line: number; message: string; conversion: boolean }>;
}

const BANKS = [
  ['devops-exercises-ansible', '<details><summary> questions with code and lists in their summaries'],
  ['devinterview-sql-ml', '`## N. Question` sections with code blocks, a table and the site footer'],
  ['k8s-numbered-loose', 'numbered questions with answers on continuation lines and a stray link paragraph'],
  ['k8s-question-headings', '`### Question?` headings with fenced answers'],
  ['terraform-headings', '`#### N. Question?` headings with answers indented by spaces or tabs'],
] as const;

describe.each(BANKS)('the %s bank (%s)', (name) => {
  const expected = JSON.parse(readFileSync(join(banks, 'expected', `${name}.json`), 'utf8')) as Expected;
  const { deck, warnings } = readDeckFile(join(banks, `${name}.md`));

  it('when loaded then has exactly the expected questions, in order', () => {
    expect(deck.questions.map((q) => q.question)).toEqual(expected.questions.map((q) => q.question));
  });

  it.each(expected.questions.map((q, index) => [index + 1, q] as const))(
    'when loaded then question %i has its whole prompt and answer',
    (index, want) => {
      const got = deck.questions[index - 1]!;
      expect({ number: got.number, category: got.category, question: got.question, prompt: got.prompt, answer: got.answer }).toEqual(want);
    },
  );

  it('when loaded then warns about every conversion and drop, with its line', () => {
    expect(warnings.map(({ line, message, conversion }) => ({ line, message, conversion: conversion === true }))).toEqual(
      expected.warnings,
    );
    for (const warning of warnings) expect(warning.file).toBe(join(banks, `${name}.md`));
  });
});
