// Markdown to terminal text, from marked's tokens (marked-terminal misnumbers
// nested lists and is slow to import). Deck text is sanitised here.
import { Lexer, type Token, type Tokens } from 'marked';
import { markdownText, markedTokenText } from '../deck/markdownText/index.js';
import { renderPlainMarkdown } from './plainMarkdown.js';
import { out } from './theme.js';
import { safeText, wrap } from './text.js';

/**
 * Characters of inline text per answer that marked's inline lexer may read.
 * It is quadratic on runs like `_a_a_a…` (16 KB: a quarter of a second; 1 MB:
 * minutes), so text past this budget is shown plain, by the loader's linear pass.
 */
const MARKED_INLINE_BUDGET = 16 * 1024;

/** Past this size an answer is shown as its Markdown source: lexing and styling a million lines takes many seconds. */
const MAX_RENDERED_CHARS = 1024 * 1024;

export function renderMarkdown(markdown: string, width: number): string {
  return renderPlainMarkdown(markdown, width) ?? renderMarkedMarkdown(markdown, width);
}

/** renderMarkdown through marked's tokens, whatever the text. */
export function renderMarkedMarkdown(markdown: string, width: number): string {
  if (markdown.length > MAX_RENDERED_CHARS)
    return markdown
      .split('\n')
      .flatMap((line) => wrap(safeText(line), width))
      .join('\n');
  return renderBlocks(lex(markdown), width, '').join('\n');
}

/** Lexer.lex, with the inline pass bounded by MARKED_INLINE_BUDGET. */
function lex(markdown: string): Token[] {
  const lexer = new Lexer();
  const tokens = lexer.blockTokens(markdown.replace(/\r\n?/g, '\n'));
  let budget = MARKED_INLINE_BUDGET;
  for (const { src, tokens: inline } of lexer.inlineQueue) {
    lexer.state.inRawBlock = false;
    if (src.length <= budget) {
      budget -= src.length;
      lexer.inlineTokens(src, inline);
    } else {
      // `&` encoded again: text tokens are decoded when rendered, since marked leaves them encoded.
      inline.push({ type: 'text', raw: src, text: markdownText(src).replace(/&/g, '&amp;') });
    }
  }
  return tokens;
}

function renderBlocks(tokens: Token[], width: number, indent: string): string[] {
  const lines: string[] = [];
  for (const token of tokens) {
    const block = renderBlock(token, width, indent);
    if (block.length === 0) continue;
    // Loose content (paragraphs, code) is separated by a blank line; list items are not.
    if (lines.length > 0 && token.type !== 'list') lines.push('');
    // Not push(...block): an answer of a million lines would overflow the call stack.
    for (const line of block) lines.push(line);
  }
  return lines;
}

function renderBlock(token: Token, width: number, indent: string): string[] {
  switch (token.type) {
    case 'space':
    case 'def':
      return [];
    case 'heading':
      return wrap(out.bold(renderInline((token as Tokens.Heading).tokens)), width, indent);
    case 'paragraph':
      return wrap(renderInline((token as Tokens.Paragraph).tokens), width, indent);
    case 'text': {
      const text = token as Tokens.Text;
      return wrap(text.tokens ? renderInline(text.tokens) : safeText(text.text), width, indent);
    }
    case 'code':
      return (token as Tokens.Code).text.split('\n').map((line) => `${indent}  ${out.cyan(safeText(line))}`);
    case 'blockquote':
      return renderBlocks((token as Tokens.Blockquote).tokens, width, `${indent}${out.dim('│')} `);
    case 'hr':
      return [indent + out.dim('─'.repeat(Math.max(3, Math.min(40, width - indent.length))))];
    case 'list':
      return renderList(token as Tokens.List, width, indent);
    case 'table':
      return renderTable(token as Tokens.Table, width, indent);
    case 'html':
      return wrap(safeText((token as Tokens.HTML).text.trim()), width, indent);
    default:
      return 'raw' in token && typeof token.raw === 'string' ? wrap(safeText(token.raw.trim()), width, indent) : [];
  }
}

function renderList(list: Tokens.List, width: number, indent: string): string[] {
  const lines: string[] = [];
  const start = typeof list.start === 'number' ? list.start : 1;
  list.items.forEach((item, index) => {
    const marker = list.ordered ? `${start + index}.` : '•';
    const checkbox = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
    const body = renderBlocks(item.tokens, width, `${indent}${' '.repeat(marker.length + 1)}`);
    const first = body[0]?.slice(indent.length + marker.length + 1) ?? '';
    lines.push(`${indent}${out.dim(marker)} ${checkbox}${first}`);
    for (const line of body.slice(1)) lines.push(line);
  });
  return lines;
}

function renderTable(table: Tokens.Table, width: number, indent: string): string[] {
  const row = (cells: Tokens.TableCell[]): string => cells.map((cell) => renderInline(cell.tokens)).join(out.dim(' │ '));
  return [...wrap(out.bold(row(table.header)), width, indent), ...table.rows.flatMap((cells) => wrap(row(cells), width, indent))];
}

export function renderInline(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  return tokens.map(renderInlineToken).join('');
}

function renderInlineToken(token: Token): string {
  switch (token.type) {
    case 'strong':
      return out.bold(renderInline((token as Tokens.Strong).tokens));
    case 'em':
      return out.italic(renderInline((token as Tokens.Em).tokens));
    case 'del':
      return out.strikethrough(renderInline((token as Tokens.Del).tokens));
    case 'codespan':
      return out.cyan(safeText(markedTokenText((token as Tokens.Codespan).text)));
    case 'br':
      return '\n';
    case 'link': {
      const link = token as Tokens.Link;
      const text = renderInline(link.tokens);
      return link.href && link.href !== link.text ? `${text} ${out.dim(`(${safeText(link.href)})`)}` : text;
    }
    case 'image':
      return `[image: ${safeText((token as Tokens.Image).text)}]`;
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? renderInline(text.tokens) : safeText(markedTokenText(text.text));
    }
    case 'escape':
      return safeText((token as Tokens.Escape).text);
    case 'html':
      return safeText((token as Tokens.HTML).text);
    default:
      return 'raw' in token && typeof token.raw === 'string' ? safeText(token.raw) : '';
  }
}
