import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { answerHtml, categoryTag, questionsToAnki } from '../../../src/export/anki.js';
import { csvField, questionsToCsv } from '../../../src/export/csv.js';
import { parseDelimited } from '../../../src/deck/import.js';

function question(overrides: Partial<Question>): Question {
  return {
    id: 'd/1',
    number: 1,
    category: 'Basics',
    question: 'What?',
    answer: 'That.',
    line: 1,
    deck: 'd',
    ...overrides,
    prompt: overrides.prompt ?? overrides.question ?? 'What?',
  };
}

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    ['=1+1', `"'=1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['\tx', `"'\tx"`],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('when raw, writes a formula cell unchanged, and numbers are never prefixed', () => {
    expect(csvField('=1+1', { raw: true })).toBe('=1+1');
    expect(csvField(-5)).toBe('-5');
  });

  it('has a header row, CRLF line ends and one record per question that a CSV reader gets back', () => {
    const questions = [
      question({ number: 7, category: 'Pipes, and more', question: 'Is "this" quoted?', answer: '- one\n- two, three' }),
      question({ id: 'd/8', number: 8, answer: 'plain' }),
    ];
    const csv = questionsToCsv(questions);
    expect(csv.startsWith('number,category,question,answer\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\r/);
    const rows = parseDelimited(csv, ',', 'x.csv').map((row) => row.cells);
    expect(rows).toEqual([
      ['number', 'category', 'question', 'answer'],
      // A cell starting with - gets a ' so spreadsheets do not run it as a formula.
      ['7', 'Pipes, and more', 'Is "this" quoted?', "'- one\n- two, three"],
      ['8', 'Basics', 'What?', 'plain'],
    ]);
  });
});

describe('Anki export', () => {
  const text = questionsToAnki(
    [
      question({ question: 'Tabs\tand "quotes" <b>', answer: '- a\n- b\n\n```\nline one\n\tindented\n```\n\n<script>alert(1)</script>' }),
      question({
        id: 'd/2',
        number: 2,
        category: 'Advanced Topics',
        answer: '[ok](https://kubeflow.org) [bad](javascript:alert(1)) ![img](http://x/y.png)',
      }),
    ],
    'My deck',
  );
  const lines = text.trimEnd().split('\n');

  it('starts with the headers Anki reads', () => {
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#tags column:3', '#deck:My deck']);
  });

  it('writes one line of exactly three fields per note', () => {
    const notes = lines.slice(4);
    expect(notes).toHaveLength(2);
    for (const note of notes) expect(note.split('\t')).toHaveLength(3);
  });

  it('renders the answer as HTML, keeps code lines as <br>, and shows raw HTML as text', () => {
    const [front, back, tag] = lines[4]!.split('\t');
    expect(front).toBe('Tabs and &quot;quotes&quot; &lt;b&gt;');
    expect(back).toContain('<ul> <li>a</li> <li>b</li> </ul>');
    expect(back).toContain('<pre><code>line one<br>&#9;indented<br></code></pre>');
    expect(back).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(back).not.toContain('<script');
    expect(tag).toBe('Basics');
  });

  it('keeps web links but not script links or remote images', () => {
    const back = lines[5]!.split('\t')[1]!;
    expect(back).toContain('<a href="https://kubeflow.org">ok</a>');
    expect(back).not.toContain('javascript:');
    expect(back).not.toContain('<img');
    expect(lines[5]!.split('\t')[2]).toBe('Advanced_Topics');
  });

  it('makes a tag without spaces or quotes', () => {
    expect(categoryTag(' Pipelines and  "Workflows" ')).toBe('Pipelines_and_Workflows_');
    expect(answerHtml('**bold**')).toBe('<p><strong>bold</strong></p>');
  });
});

describe('questionsToAnki with a rich prompt', () => {
  it('when the prompt has a code block then the front of the card is the prompt as HTML', () => {
    const rich = question({ question: 'Fix this task', prompt: 'Fix this task\n\n```\n- name: x\n```' });
    const row = questionsToAnki([rich], 'd').trimEnd().split('\n').at(-1)!;
    expect(row.split('\t')[0]).toBe('<p>Fix this task</p> <pre><code>- name: x<br></code></pre>');
  });
});
