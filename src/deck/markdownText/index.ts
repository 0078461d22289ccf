// Markdown to plain text: the one module every layer turns deck text into
// words with, each caller naming the reading it needs. It loads no Markdown
// library, so the commands that only list or show plain text stay light.
// inline.ts is the linear inline scanner; plainLine.ts tells a line that needs
// no Markdown parser (a renderer's fast path imports it alone).
import { NAMED_ENTITIES, plainInline } from './inline.js';

export { NAMED_ENTITIES };
export { plainSpans, type PlainSpan } from './plainLine.js';

/**
 * How to read the Markdown:
 * - `inline` one line of inline Markdown (a question, a heading, a prompt's
 *   prose): CommonMark's inline rules in one linear pass, for showing. Code
 *   spans keep their content, links their text; entities are decoded.
 * - `words` a whole answer, flattened to one line for matching words in
 *   (search): a cheap pass that drops block markers, emphasis and code marks,
 *   links' targets and anything in angle brackets; snake_case stays.
 * - `lines` a whole answer with its lines kept and only the emphasis and code
 *   marks dropped: for reading a phrase and what follows it on the same line
 *   (the aliases a deck defines in passing).
 */
export type MarkdownReading = 'inline' | 'words' | 'lines';

export function markdownText(markdown: string, reading: MarkdownReading = 'inline'): string {
  switch (reading) {
    case 'inline':
      return plainInline(markdown);
    case 'words':
      return wordsText(markdown);
    case 'lines':
      return markdown.replace(/[*_`]/g, '');
  }
}

function wordsText(markdown: string): string {
  // Each step only where its marker occurs: a regular expression costs a compilation the first time, and most answers are plain.
  let text = markdown;
  if (text.includes('<')) text = text.replace(/<[^>\n]{1,200}>/g, ' ');
  if (text.includes('](')) text = text.replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1');
  text = text.replace(/^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/gm, '');
  if (text.includes('#')) text = text.replace(/^\s{0,3}#{1,6}\s+/gm, '');
  if (text.includes('>')) text = text.replace(/^\s{0,3}>\s?/gm, '');
  if (text.includes('```') || text.includes('~~~')) text = text.replace(/```[^\n]*|~~~[^\n]*/g, '');
  if (text.includes('*') || text.includes('`') || text.includes('~')) text = text.replace(/\*\*|[*`~]/g, '');
  // Underscores mark emphasis only at word edges; snake_case stays.
  if (text.includes('_')) text = text.replace(/(^|\W)_{1,2}(?=\S)|(?<=\S)_{1,2}(?=\W|$)/g, '$1');
  return text.replace(/\s+/g, ' ').trim();
}

/** The text of a text or code token from marked's lexer, which leaves these five entities encoded. */
export function markedTokenText(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** True when the whole text is one bold span, like the seed's `**What is X?**`. */
export function isWhollyBold(markdown: string): boolean {
  return /^(\*\*|__)(?:(?!\1)[\s\S])+\1[?:.]?$/.test(markdown.trim());
}

/** True when the text is nothing but links: a table-of-contents entry. */
export function isLinkOnly(markdown: string): boolean {
  return /^[\s*_]*(?:!?\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?[\s*_,;|·-]*)+$/.test(markdown);
}
