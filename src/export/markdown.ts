// A deck written back as Markdown in the seed's shape: front matter, a
// `### **Category**` heading per category, `N. **Question**` with the answer
// indented beneath. A prompt that is more than one line of text (a code block,
// a list) is written as `<details><summary>N.` prompt `</summary>` answer
// `</details>` instead. kfq reads it back to the same questions, prompts and answers.
import { startsAnswer } from '../deck/answer.js';
import { explicitIdComment } from '../deck/explicitIds.js';
import { isWhollyBold } from '../deck/markdownText/index.js';
import type { DeckMeta } from '../model/deck.js';
import type { Question, QuestionContent } from '../model/question.js';

export type DeckEntry = QuestionContent & Partial<Pick<Question, 'prompt' | 'explicitId'>>;

export function questionsToMarkdown(questions: DeckEntry[], meta: Pick<DeckMeta, 'title'> & Partial<DeckMeta>): string {
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
    const answer = q.answer.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
    const prompt = q.prompt === undefined || q.prompt === q.question ? escapeInline(q.question) : q.prompt.replace(/\r\n?/g, '\n');
    // The author's id, where they gave one, so the deck read back keeps each question's history.
    if (q.explicitId !== undefined) lines.push(explicitIdComment(q.explicitId));
    if (!fitsInBold(prompt)) {
      lines.push('<details>', `<summary>${q.number}.`, prompt, '</summary>', '', answer, '', '</details>', '');
      continue;
    }
    const marker = `${q.number}. `;
    const indent = ' '.repeat(marker.length);
    lines.push(`${marker}**${prompt}**`);
    if (answer !== '') {
      // A plain paragraph right under the question would read as more of the question.
      if (!startsAnswer(answer)) lines.push('');
      lines.push(...answer.split('\n').map((line) => (line.trim() === '' ? '' : indent + line)));
    }
    lines.push('');
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** A one-line prompt that reads back whole from `N. **prompt**`. */
function fitsInBold(prompt: string): boolean {
  return (
    prompt !== '' &&
    !/\n|(?<!\\)<|\*\*|__/.test(prompt) &&
    prompt === prompt.trim() &&
    !/^(?:[#>+*-]|\d{1,9}[.)])|\\$/.test(prompt) &&
    isWhollyBold(`**${prompt}**`)
  );
}

/** Plain text made safe inside `**…**`: Markdown punctuation is backslash-escaped, line breaks become spaces. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>~&|#]/g, (ch) => `\\${ch}`);
}
