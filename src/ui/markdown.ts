// Markdown to terminal text, from marked's tokens (marked-terminal misnumbers
// nested lists and is slow to import). Deck text is sanitised here.
import { Lexer, type Token, type Tokens } from 'marked';
import { out } from './theme.js';
import { safeText, wrap } from './text.js';

export function renderMarkdown(markdown: string, width: number): string {
  return renderBlocks(Lexer.lex(markdown), width, '').join('\n');
}

function renderBlocks(tokens: Token[], width: number, indent: string): string[] {
  const lines: string[] = [];
  for (const token of tokens) {
    const block = renderBlock(token, width, indent);
    if (block.length === 0) continue;
    // Loose content (paragraphs, code) is separated by a blank line; list items are not.
    if (lines.length > 0 && token.type !== 'list') lines.push('');
    lines.push(...block);
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
    lines.push(`${indent}${out.dim(marker)} ${checkbox}${first}`, ...body.slice(1));
  });
  return lines;
}

function renderTable(table: Tokens.Table, width: number, indent: string): string[] {
  const row = (cells: Tokens.TableCell[]): string => cells.map((cell) => renderInline(cell.tokens)).join(out.dim(' │ '));
  return [
    ...wrap(out.bold(row(table.header)), width, indent),
    ...table.rows.flatMap((cells) => wrap(row(cells), width, indent)),
  ];
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
      return out.cyan(safeText(unescapeEntities((token as Tokens.Codespan).text)));
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
      return text.tokens ? renderInline(text.tokens) : safeText(unescapeEntities(text.text));
    }
    case 'escape':
      return safeText((token as Tokens.Escape).text);
    case 'html':
      return safeText((token as Tokens.HTML).text);
    default:
      return 'raw' in token && typeof token.raw === 'string' ? safeText(token.raw) : '';
  }
}

// marked's lexer leaves entities encoded in text tokens.
function unescapeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
