// Most answers are a short "- item" list of plain text and `code`. Those are
// rendered here exactly as ui/markdown.ts renders them from marked's tokens,
// without loading marked, whose regular expressions are costly to build and
// run the first time: much of a `kfq show`. Anything else is left to marked.
import { plainSpans, type PlainSpan } from '../deck/markdownText/plainLine.js';
import { out } from './theme.js';
import { safeText, wrap } from './text.js';

/** The answer rendered for the terminal, or undefined if it has Markdown beyond a tight list (or one line) of text and `code`. */
export function renderPlainMarkdown(markdown: string, width: number): string | undefined {
  const lines = markdown.split('\n');
  if (lines.every((line) => line.startsWith('- '))) {
    const items = lines.map((line) => plainSpans(line.slice(2)));
    if (!items.every((item) => item !== undefined)) return undefined;
    return items
      .map((item) => {
        const body = wrap(styled(item), width, '  ');
        return [`${out.dim('•')} ${body[0]?.slice(2) ?? ''}`, ...body.slice(1)].join('\n');
      })
      .join('\n');
  }
  const spans = lines.length === 1 ? plainSpans(markdown) : undefined;
  return spans && wrap(styled(spans), width).join('\n');
}

function styled(spans: PlainSpan[]): string {
  return spans.map((span) => (span.code ? out.cyan(safeText(span.text)) : safeText(span.text))).join('');
}
