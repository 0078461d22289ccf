import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinDeckPath, parseDeck, readDeckFile } from '../../../src/deck/index.js';
import { questionsToMarkdown, type DeckEntry } from '../../../src/export/markdown.js';
import type { Question } from '../../../src/model/question.js';

const content = (q: DeckEntry): DeckEntry => ({ number: q.number, category: q.category, question: q.question, answer: q.answer });

function roundTrip(entries: DeckEntry[]): { questions: Question[]; warnings: unknown[] } {
  const { deck, warnings } = parseDeck(questionsToMarkdown(entries, { title: 'T' }), { path: 'round-trip.md', slug: 'rt' });
  return { questions: deck.questions, warnings };
}

describe('questionsToMarkdown', () => {
  it('writes the seed shape', () => {
    const markdown = questionsToMarkdown(
      [
        { number: 1, category: 'Basics', question: 'What is it?', answer: '- A thing.' },
        { number: 12, category: 'More', question: 'And this?', answer: 'A paragraph.\n\n- with a list' },
      ],
      { title: 'My "deck"', author: 'Me' },
    );
    expect(markdown).toBe(
      '---\ntitle: "My \\"deck\\""\nauthor: "Me"\n---\n\n### **Basics**\n\n1. **What is it?**\n   - A thing.\n\n### **More**\n\n12. **And this?**\n\n    A paragraph.\n\n    - with a list\n',
    );
  });

  it('reads back to the same questions for the built-in deck', () => {
    const seed = parseDeck(readFileSync(builtinDeckPath(), 'utf8'), { path: builtinDeckPath() }).deck;
    const { questions, warnings } = roundTrip(seed.questions);
    expect(warnings).toEqual([]);
    expect(questions.map(content)).toEqual(seed.questions.map(content));
  });

  it('reads back questions with Markdown punctuation, code and multi-paragraph answers', () => {
    const entries: DeckEntry[] = [
      {
        number: 1,
        category: 'Odd *category* & <things>',
        question: 'What does `kubectl get pods -n *` do with <none> & _x_ #1 | [a](b)?',
        answer: '- Lists pods.',
      },
      {
        number: 2,
        category: 'Code',
        question: 'Show a spec',
        answer: 'Like this:\n\n```yaml\napiVersion: v1\nkind: Pod\n\n# comment\n```\n\nThen apply it.',
      },
      { number: 3, category: 'Code', question: 'Nested?', answer: '- one\n  - two\n- three' },
      { number: 4, category: 'Code', question: 'Quote?', answer: '> quoted\n> text' },
    ];
    const { questions, warnings } = roundTrip(entries);
    expect(warnings).toEqual([]);
    expect(questions.map(content)).toEqual(entries);
  });
});

describe('kfq export --format md of any loaded deck', () => {
  const folders = ['banks', 'decks'].map((folder) => join(import.meta.dirname, '..', '..', 'fixtures', folder));
  const decks = [
    builtinDeckPath(),
    ...folders.flatMap((folder) =>
      readdirSync(folder)
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(folder, name)),
    ),
  ];
  const loadable = decks.filter((file) => {
    try {
      return readDeckFile(file).deck.questions.length > 0;
    } catch {
      return false;
    }
  });
  const whole = (q: Question) => ({ number: q.number, category: q.category, question: q.question, prompt: q.prompt, answer: q.answer });

  it.each(loadable.map((file) => [basename(file), file]))(
    'when %s is exported and read back then it has the same questions, prompts and answers',
    (_name, file) => {
      const { deck, warnings } = readDeckFile(file);
      const exported = questionsToMarkdown(deck.questions, { title: deck.title || deck.slug });
      const back = parseDeck(exported, { path: 'round-trip.md', slug: deck.slug });
      // The same problems (a repeated number) and no conversions: the export is plain Markdown.
      const problems = warnings.filter((warning) => !warning.conversion && !warning.message.endsWith('has no answer; skipped'));
      expect(back.warnings).toHaveLength(problems.length);
      expect(back.deck.questions.map(whole)).toEqual(deck.questions.map(whole));
    },
  );

  it('covers the real banks and the shape fixtures', () => {
    expect(loadable.length).toBeGreaterThan(15);
  });
});
