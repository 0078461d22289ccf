import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinDeckPath, parseDeck } from '../../../src/deck/index.js';
import type { Question } from '../../../src/model/question.js';
import { questionsToMarkdown } from '../../../src/export/markdown.js';
import { type QuestionContent } from '../../../src/model/question.js';

const content = (q: QuestionContent): QuestionContent => ({ number: q.number, category: q.category, question: q.question, answer: q.answer });

function roundTrip(entries: QuestionContent[]): { questions: Question[]; warnings: unknown[] } {
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
    const entries: QuestionContent[] = [
      { number: 1, category: 'Odd *category* & <things>', question: 'What does `kubectl get pods -n *` do with <none> & _x_ #1 | [a](b)?', answer: '- Lists pods.' },
      { number: 2, category: 'Code', question: 'Show a spec', answer: 'Like this:\n\n```yaml\napiVersion: v1\nkind: Pod\n\n# comment\n```\n\nThen apply it.' },
      { number: 3, category: 'Code', question: 'Nested?', answer: '- one\n  - two\n- three' },
      { number: 4, category: 'Code', question: 'Quote?', answer: '> quoted\n> text' },
    ];
    const { questions, warnings } = roundTrip(entries);
    expect(warnings).toEqual([]);
    expect(questions.map(content)).toEqual(entries);
  });
});
