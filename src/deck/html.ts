// Raw HTML in a question or answer, turned into the Markdown it stands for:
// <br> a line break, <img> `[image: alt]`, <a href> a Markdown link, other
// tags their text. Comments, scripts and styles are dropped. Code (fenced or
// in backticks) is left as it is. Every change is noted, so validate can say
// what was converted or dropped.
import { isExplicitIdComment } from './explicitIds.js';
import { countNewlines } from './lines.js';

export interface HtmlNote {
  /** Line of the text (0-based) where the change is. */
  offset: number;
  message: string;
}

export interface ConvertedHtml {
  text: string;
  notes: HtmlNote[];
}

const FENCE = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const CODE_SPAN = /(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;
const DROPPED = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*?)?)\/?>([ \t]*\n)?/g;
/** HTML elements; anything else in angle brackets (`<HOSTNAME>`) is the author's text and stays. */
const ELEMENTS = new Set(
  (
    'a abbr article aside b big blockquote br button caption center cite code col dd del details dfn div dl dt em figcaption figure font footer ' +
    'form h1 h2 h3 h4 h5 h6 header hr i iframe img input ins kbd label li main mark nav ol p picture pre q s samp section small source span strike ' +
    'strong sub summary sup table tbody td tfoot th thead tr tt u ul var video'
  ).split(' '),
);
/** Tags that hold blocks: their text goes on lines of its own, as it shows in a browser. */
const BLOCKS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'pre',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'figure',
]);
/** Tags that only format their text: they become their text without a note. */
const FORMATTING = new Set(['b', 'strong', 'i', 'em', 'u', 'p', 'div', 'span', 'center', 'code', 'sup', 'sub', 'small', 'kbd']);
/** Marks a protected code span while tags are converted; decks never hold NUL (read.ts refuses it). */
const HOLE = '\u0000';
/** Marks where HTML was removed, so a line left with nothing else can go too. */
const REMOVED = '\u0001';

export function convertHtml(markdown: string): ConvertedHtml {
  if (!markdown.includes('<')) return { text: markdown, notes: [] };
  const notes: HtmlNote[] = [];
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  let run: string[] = [];
  let runStart = 0;
  const flush = (): void => {
    if (run.length > 0) out.push(convertText(run.join('\n'), runStart, notes));
    run = [];
  };
  lines.forEach((line, k) => {
    const match = FENCE.exec(line);
    if (fence !== undefined) {
      if (match && match[1]![0] === fence[0] && match[1]!.length >= fence.length && match[2]!.trim() === '') fence = undefined;
      out.push(line);
    } else if (match && !(match[1]![0] === '`' && match[2]!.includes('`'))) {
      flush();
      fence = match[1];
      out.push(line);
    } else {
      if (run.length === 0) runStart = k;
      run.push(line);
    }
  });
  flush();
  return { text: out.join('\n'), notes: notes.sort((a, b) => a.offset - b.offset) };
}

/** Text outside fenced code: code spans kept, comments and scripts dropped, tags converted. */
function convertText(text: string, firstOffset: number, notes: HtmlNote[]): string {
  if (!text.includes('<')) return text;
  const spans: string[] = [];
  let result = text.replace(CODE_SPAN, (span) => {
    spans.push(span);
    return HOLE;
  });
  const offsetOf = (before: string): number => firstOffset + countNewlines(before);

  result = result.replace(DROPPED, (block, element: string | undefined, at: number, whole: string) => {
    if (!isExplicitIdComment(block))
      notes.push({
        offset: offsetOf(whole.slice(0, at)),
        message: `HTML block dropped (${element ? `<${element.toLowerCase()}>` : 'a comment'})`,
      });
    return block.replace(/[^\n]+/g, REMOVED);
  });

  const tags: TagConversion = { converted: new Map(), links: [], notes, offsetOf };
  result = result.replace(TAG, (tag, rawName: string, attributes: string, lineEnd: string | undefined, at: number, whole: string) =>
    convertTag(tags, { tag, name: rawName.toLowerCase(), attributes, end: lineEnd === undefined ? '' : '\n', at, whole }),
  );
  const { converted } = tags;

  for (const [name, { count, offset }] of converted) {
    const what = name === 'br' ? 'a line break' : name === 'a' ? 'a Markdown link' : name === 'li' ? 'a list item' : 'its text';
    notes.push({ offset, message: `HTML <${name}> shown as ${what}${count > 1 ? ` (${count} times)` : ''}` });
  }
  let span = 0;
  // A link whose tags stood on lines of their own: its text on one line.
  const joined = result.replace(/\n+\]\(/g, '](').replace(/\u0000/g, () => spans[span++]!);
  return withoutEmptiedLines(joined);
}

/** What converting the tags of a text keeps track of: how many of each were converted, the open links' targets. */
interface TagConversion {
  converted: Map<string, { count: number; offset: number }>;
  /** The href of each <a> still open. */
  links: string[];
  notes: HtmlNote[];
  offsetOf: (before: string) => number;
}

/** One tag (at `at` in `whole`) as the Markdown it stands for; `end` is the line break after it, if any. */
function convertTag(
  state: TagConversion,
  { tag, name, attributes, end, at, whole }: { tag: string; name: string; attributes: string; end: string; at: number; whole: string },
): string {
  if (!ELEMENTS.has(name)) return tag;
  const closing = tag.startsWith('</');
  const offset = state.offsetOf(whole.slice(0, at));
  const count = (): void => {
    if (closing && name !== 'br') return;
    const seen = state.converted.get(name);
    if (seen) seen.count++;
    else state.converted.set(name, { count: 1, offset });
  };
  if (name === 'br') {
    count();
    return '\n';
  }
  if (name === 'img') {
    const alt = attribute(attributes, 'alt')?.trim();
    const shown = alt ? `[image: ${alt}]` : '[image]';
    state.notes.push({ offset, message: `image shown as text: ${shown}` });
    return shown + end;
  }
  if (name === 'a') {
    if (closing) {
      const href = state.links.pop();
      return (href ? `](${href})` : REMOVED) + end;
    }
    const href = attribute(attributes, 'href');
    if (href === undefined || /[\s()]/.test(href)) return REMOVED + end;
    count();
    state.links.push(href);
    return '[';
  }
  if (!FORMATTING.has(name)) count();
  if (name === 'li') return closing ? REMOVED + end : '\n- ';
  return REMOVED + (BLOCKS.has(name) ? '\n' : end);
}

/** Lines that held nothing but removed HTML go, with one of the blank lines around them. */
function withoutEmptiedLines(text: string): string {
  if (!text.includes(REMOVED)) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line.includes(REMOVED) || line.replaceAll(REMOVED, '').trim() !== '') {
      kept.push(line.replaceAll(REMOVED, ''));
      continue;
    }
    if ((kept.length === 0 || kept.at(-1)!.trim() === '') && lines[k + 1]?.trim() === '') k++;
  }
  return kept.join('\n');
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}
