// A deck written back as Markdown in the seed's shape: front matter, a
// `### **Category**` heading per category, `N. **Question**` with the answer
// indented beneath. kfq reads it back to the same questions.
import { startsAnswer } from '../deck/answer.js';
import type { DeckMeta } from '../model/deck.js';
import type { QuestionContent } from '../model/question.js';

export function questionsToMarkdown(questions: QuestionContent[], meta: Pick<DeckMeta, 'title'> & Partial<DeckMeta>): string {
  const front = (['title', 'description', 'author', 'date'] as const)
    .filter((key) => meta[key])
    // A JSON string is a valid YAML double-quoted scalar, whatever it holds.
    .map((key) => `${key}: ${JSON.stringify(meta[key]!.replace(/\s+/g, ' ').trim())}`);
  const lines = ['---', ...front, '---', ''];
  let category: string | undefined;
  for (const q of questions) {
    if (q.category !== category) {
      category = q.category;
      lines.push(`### **${escapeInline(q.category)}**`, '');
    }
    const marker = `${q.number}. `;
    const indent = ' '.repeat(marker.length);
    lines.push(`${marker}**${escapeInline(q.question)}**`);
    const answer = q.answer.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
    if (answer !== '') {
      // A plain paragraph right under the question would read as more of the question.
      if (!startsAnswer(answer)) lines.push('');
      lines.push(...answer.split('\n').map((line) => (line.trim() === '' ? '' : indent + line)));
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** Plain text made safe inside `**…**`: Markdown punctuation is backslash-escaped, line breaks become spaces. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>~&|#]/g, (ch) => `\\${ch}`);
}
