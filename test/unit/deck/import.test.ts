import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, htmlToMarkdown, parseDelimited, readAnkiText, readCsv } from '../../../src/deck/import.js';
import { questionsToAnki } from '../../../src/export/anki.js';
import { questionsToCsv } from '../../../src/export/csv.js';
import type { Question } from '../../../src/model/question.js';
import { deckError } from '../../support/deckError.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'import');
const fixture = (name: string): string => readFileSync(join(fixtures, name), 'utf8');

describe('detectFormat', () => {
  it.each([
    ['deck.md', '### **A**', 'markdown'],
    ['deck.csv', 'question,answer', 'csv'],
    ['export.txt', '#separator:tab\nQ\tA', 'anki'],
    ['export.txt', 'Q\tA\n', 'anki'],
    ['notes.txt', '1. **Q**\n   - A', 'markdown'],
    ['export', '#html:true\nQ\tA', 'anki'],
  ])('reads %s (%j) as %s', (path, text, format) => {
    expect(detectFormat(path, text)).toBe(format);
  });
});

describe('parseDelimited', () => {
  it('keeps separators, line breaks and doubled quotes inside quotes, and numbers rows by their first line', () => {
    const rows = parseDelimited('a,"b,\n""c"""\n\nd,e\r\n', ',', 'f.csv');
    expect(rows).toEqual([
      { cells: ['a', 'b,\n"c"'], line: 1 },
      { cells: ['d', 'e'], line: 4 },
    ]);
  });

  it('names the line of a quote that is never closed', () => {
    const error = deckError(() => parseDelimited('a,b\nc,"never\nclosed', ',', 'f.csv'));
    expect(error.message).toBe('f.csv:2: a quoted field is never closed (missing ")');
  });
});

describe('readAnkiText', () => {
  it('reads headers, HTML fields, quoted fields and tags', () => {
    const deck = readAnkiText(fixture('anki-notes.txt'), 'anki-notes.txt');
    expect(deck.title).toBe('Basics');
    expect(deck.questions).toEqual([
      { number: 1, category: 'Workloads', question: 'What is a Pod?', answer: 'The smallest deployable unit.\nIt holds `containers`.' },
      { number: 2, category: 'kubectl', question: 'What does "kubectl apply" do?', answer: '- Creates or updates\n- from a manifest' },
      { number: 3, category: 'Basics', question: 'What is a Service?', answer: 'A stable & named endpoint for pods.' },
    ]);
  });

  it('rejects a note without a back, naming the file and line', () => {
    const error = deckError(() => readAnkiText(fixture('bad-anki.txt'), 'bad-anki.txt'));
    expect(error.message).toMatch(/^bad-anki\.txt:3: expected front and back/);
  });

  it('honours guid and notetype columns and other separators', () => {
    const deck = readAnkiText(
      '#separator:Semicolon\n#html:false\n#guid column:1\n#notetype column:2\n#tags column:5\nabc;Basic;Q one;A one;t1\n',
      'x.txt',
    );
    expect(deck.questions).toEqual([{ number: 1, category: 't1', question: 'Q one', answer: 'A one' }]);
  });

  it('reads back what `kfq export --format anki` writes', () => {
    const questions: Question[] = [
      {
        id: 'd/1',
        number: 1,
        category: 'Basic Concepts',
        question: 'What is "it" & why?',
        prompt: 'What is "it" & why?',
        answer: '- It is **bold** and `code`.',
        line: 1,
        deck: 'd',
      },
      {
        id: 'd/2',
        number: 2,
        category: 'Code',
        question: 'Show code',
        prompt: 'Show code',
        answer: 'Run:\n\n```\nkubectl get pods\n  -n kubeflow\n```',
        line: 2,
        deck: 'd',
      },
    ];
    const deck = readAnkiText(questionsToAnki(questions, 'Round trip'), 'rt.txt');
    expect(deck.title).toBe('Round trip');
    expect(deck.questions).toEqual([
      { number: 1, category: 'Basic Concepts', question: 'What is "it" & why?', answer: '- It is **bold** and `code`.' },
      { number: 2, category: 'Code', question: 'Show code', answer: 'Run:\n\n```\nkubectl get pods\n  -n kubeflow\n```' },
    ]);
  });
});

describe('htmlToMarkdown', () => {
  it('turns common formatting into Markdown and drops other tags', () => {
    expect(htmlToMarkdown('<div>one</div><div><i>two</i> <span style="x">three</span></div>')).toBe('one\n\n*two* three');
    expect(htmlToMarkdown('a&nbsp;&lt;b&gt; &#39;c&#x27;')).toBe("a <b> 'c'");
    // Names of Object's own properties are not entities either.
    expect(htmlToMarkdown('a &constructor; &toString; b')).toBe('a &constructor; &toString; b');
  });
});

describe('readCsv', () => {
  it('recognises a header row and keeps multi-line answers', () => {
    const deck = readCsv(fixture('questions.csv'), 'questions.csv');
    expect(deck.questions).toHaveLength(3);
    expect(deck.questions[1]).toEqual({
      number: 2,
      category: 'Katib',
      question: 'What does "trial" mean, exactly?',
      answer: 'One run of the model with one set of parameters.\n\n- it has a status\n- it has metrics',
    });
  });

  it('reads question,answer without a header', () => {
    const deck = readCsv(fixture('no-header.csv'), 'no-header.csv');
    expect(deck.questions.map((q) => [q.question, q.answer, q.category])).toEqual([
      ['What is a Pod?', 'The smallest deployable unit.', 'General'],
      ['What is a Node?', 'A machine, virtual or physical.', 'General'],
    ]);
  });

  it('reads back what `kfq export --format csv` writes, numbers included', () => {
    const questions: Question[] = [
      { id: 'd/5', number: 5, category: 'A, B', question: 'Q "1"', prompt: 'Q "1"', answer: 'line 1\nline 2', line: 1, deck: 'd' },
      { id: 'd/9', number: 9, category: 'C', question: 'Q2', prompt: 'Q2', answer: 'x', line: 2, deck: 'd' },
    ];
    expect(readCsv(questionsToCsv(questions), 'e.csv').questions).toEqual(
      questions.map(({ number, category, question, answer }) => ({ number, category, question, answer })),
    );
  });

  it('rejects a row without an answer, naming the file and line', () => {
    const error = deckError(() => readCsv(fixture('bad.csv'), 'bad.csv'));
    expect(error.message).toBe('bad.csv:3: expected question,answer[,category], found one field');
  });

  it('rejects an empty file', () => {
    expect(deckError(() => readCsv('\n\n', 'empty.csv')).message).toBe('empty.csv: the CSV file is empty');
  });
});
