// A question's two faces: the prompt (the whole question as Markdown, code
// and lists included) and the one line of plain text drawn from it for lists,
// search and headers.
import { Lexer } from 'marked';
import { markdownText } from './markdownText/index.js';

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'text']);

/** The prompt's prose (paragraphs and headings, not code, lists or tables) as one line of plain text. */
export function questionLine(prompt: string): string {
  if (!prompt.includes('\n')) return markdownText(prompt);
  const tokens = new Lexer({ gfm: true }).blockTokens(prompt, []);
  const prose = tokens
    .filter((token) => TEXT_BLOCKS.has(token.type))
    .map((token) => markdownText('text' in token ? token.text : token.raw));
  const line = prose.join(' ').trim();
  return line !== '' ? line : markdownText(prompt.split('\n').find((text) => text.trim() !== '') ?? '');
}
