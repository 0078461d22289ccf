// Most answers are a short "- item" list of plain text and `code`. Those are
// rendered here exactly as ui/markdown.ts renders them from marked's tokens,
// without loading marked: its regular expressions take 30 ms to build and run
// the first time, a third of a `kfq show`. Anything else is left to marked.
import { out } from './theme.js';
import { safeText, wrap } from './text.js';

/** What can start Markdown syntax inside a line (emphasis, links, HTML, entities, escapes, tables, autolinks), and control characters, which marked may rewrite. */
const MARKDOWN_INLINE = /[\\*_[\]<>&~|@\u0000-\u001f\u007f]|:\/\/|www\./i;
/** Line starts that open another block: headings, quotes, lists, fences, rules, setext underlines, indented code. */
const BLOCK_START = /^(?:\s|#|>|[-+*=]|\d{1,9}[.)]|`{3}|~{3})/;
/** A code span of single backticks (not part of a longer run) with no space just inside them. */
const CODE_SPAN = /(?<!`)`([^`\s](?:[^`]*[^`\s])?)`(?!`)/g;

/** The answer rendered for the terminal, or undefined if it has Markdown beyond a tight list (or one line) of text and `code`. */
export function renderPlainMarkdown(markdown: string, width: number): string | undefined {
  const lines = markdown.split('\n');
  if (lines.every((line) => line.startsWith('- '))) {
    const items = lines.map((line) => line.slice(2));
    if (!items.every(isPlainLine)) return undefined;
    return items
      .map((item) => {
        const body = wrap(styleCode(item), width, '  ');
        return [`${out.dim('•')} ${body[0]?.slice(2) ?? ''}`, ...body.slice(1)].join('\n');
      })
      .join('\n');
  }
  if (lines.length !== 1 || !isPlainLine(markdown)) return undefined;
  return wrap(styleCode(markdown), width).join('\n');
}

function isPlainLine(line: string): boolean {
  if (line.length === 0 || BLOCK_START.test(line) || /\s$/.test(line) || MARKDOWN_INLINE.test(line)) return false;
  // Every backtick must belong to a simple code span.
  return !line.replace(CODE_SPAN, '').includes('`');
}

function styleCode(line: string): string {
  let result = '';
  let cursor = 0;
  for (const match of line.matchAll(CODE_SPAN)) {
    result += safeText(line.slice(cursor, match.index)) + out.cyan(safeText(match[1]!));
    cursor = match.index + match[0].length;
  }
  return result + safeText(line.slice(cursor));
}
