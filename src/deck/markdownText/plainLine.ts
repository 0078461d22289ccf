// A line of deck text that holds no Markdown but simple code spans: what a
// renderer can show without a Markdown parser (ui/plainMarkdown.ts).

/** A piece of a plain line: text as written, or the content of a code span. */
export interface PlainSpan {
  text: string;
  code: boolean;
}

/** What can start Markdown syntax inside a line (emphasis, links, HTML, entities, escapes, tables, autolinks), and control characters, which marked may rewrite. */
const MARKDOWN_INLINE = /[\\*_[\]<>&~|@\u0000-\u001f\u007f]|:\/\/|www\./i;
/** Line starts that open another block: headings, quotes, lists, fences, rules, setext underlines, indented code. */
const BLOCK_START = /^(?:\s|#|>|[-+*=]|\d{1,9}[.)]|`{3}|~{3})/;
/** A code span of single backticks (not part of a longer run) with no space just inside them. */
const CODE_SPAN = /(?<!`)`([^`\s](?:[^`]*[^`\s])?)`(?!`)/g;

/**
 * A line of a paragraph that holds no Markdown but simple code spans, as its
 * pieces in order; undefined for any other line (which needs a Markdown
 * parser to read). Lets a renderer skip the parser for most answers.
 */
export function plainSpans(line: string): PlainSpan[] | undefined {
  if (line.length === 0 || BLOCK_START.test(line) || /\s$/.test(line) || MARKDOWN_INLINE.test(line)) return undefined;
  // Every backtick must belong to a simple code span.
  if (line.replace(CODE_SPAN, '').includes('`')) return undefined;
  const spans: PlainSpan[] = [];
  let cursor = 0;
  for (const match of line.matchAll(CODE_SPAN)) {
    spans.push({ text: line.slice(cursor, match.index), code: false }, { text: match[1]!, code: true });
    cursor = match.index + match[0].length;
  }
  spans.push({ text: line.slice(cursor), code: false });
  return spans;
}
