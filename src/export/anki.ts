// Anki's "Notes in Plain Text" import format: a few `#` header lines, then one
// note a line, fields separated by tabs, fields as HTML. Deck text is
// untrusted, so raw HTML in it is shown as text and only web links survive.
import { Marked, type Tokens } from 'marked';
import type { Question } from '../model/question.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const SAFE_HREF = /^(https?:|mailto:)/i;

const markdownToHtml = new Marked({
  gfm: true,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, tokens }: Tokens.Link): string {
      const text = this.parser.parseInline(tokens);
      return SAFE_HREF.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
    // Anki would fetch remote images when the card is shown; keep the words.
    image({ text }: Tokens.Image): string {
      return escapeHtml(text);
    },
  },
});

/** Markdown to one line of HTML: line breaks kept as <br> inside code blocks, spaces elsewhere. */
export function answerHtml(markdown: string): string {
  const html = markdownToHtml.parse(markdown, { async: false });
  return oneLine(html);
}

function oneLine(html: string): string {
  return html
    .replace(/<pre>[\s\S]*?<\/pre>/g, (block) => block.replace(/\r\n|\r|\n/g, '<br>'))
    .replace(/\t/g, '&#9;')
    .replace(/\s*[\r\n]\s*/g, ' ')
    .trim();
}

/** An Anki tag: no spaces (Anki splits tags on them) and nothing that could end the field. */
export function categoryTag(category: string): string {
  return category.trim().replace(/["\s]+/g, '_') || 'uncategorised';
}

export function questionsToAnki(questions: Question[], deckName: string): string {
  const header = ['#separator:tab', '#html:true', '#tags column:3', `#deck:${deckName.replace(/[\t\r\n]+/g, ' ').trim() || 'kfq'}`];
  // A prompt with code or a list goes on the card whole.
  const front = (q: Question): string =>
    q.prompt === q.question ? escapeHtml(q.question.replace(/\s+/g, ' ').trim()) : answerHtml(q.prompt);
  const rows = questions.map((q) => [front(q), answerHtml(q.answer), categoryTag(q.category)].join('\t'));
  return `${[...header, ...rows].join('\n')}\n`;
}
