import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { answerHtml, categoryTag, questionsToAnki } from '../../../src/export/anki.js';
import { csvField, questionsToCsv } from '../../../src/export/csv.js';
import { parseDelimited } from '../../../src/deck/import.js';

function question(overrides: Partial<Question>): Question {
  return { id: 'd/1', number: 1, category: 'Basics', question: 'What?', answer: 'That.', line: 1, deck: 'd', ...overrides };
}

describe('CSV export', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
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
      ['7', 'Pipes, and more', 'Is "this" quoted?', '- one\r\n- two, three'.replace('\r\n', '\n')],
      ['8', 'Basics', 'What?', 'plain'],
    ]);
  });
});

describe('Anki export', () => {
  const text = questionsToAnki(
    [
      question({ question: 'Tabs\tand "quotes" <b>', answer: '- a\n- b\n\n```\nline one\n\tindented\n```\n\n<script>alert(1)</script>' }),
      question({ id: 'd/2', number: 2, category: 'Advanced Topics', answer: '[ok](https://kubeflow.org) [bad](javascript:alert(1)) ![img](http://x/y.png)' }),
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
