// marked's block tokens, flattened into the few things a deck is made of:
// headings, numbered items (question text plus whatever follows it inside the
// item), <details> blocks, thematic breaks, and everything else as opaque
// Markdown. Raw text is kept so answers stay Markdown.
import { Lexer, type Token, type Tokens } from 'marked';
import { DeckError } from '../errors.js';
import { startsAnswer } from './answer.js';
import { isLinkOnly, isWhollyBold, markdownText } from './markdownText/index.js';
import { LEX_BUDGET_BASE_MS, LEX_BUDGET_MS_PER_MB } from './limits.js';
import { countNewlines } from './lines.js';
import type { Piece } from './pieces.js';

interface Located {
  /** The element's source Markdown. */
  raw: string;
  /** 1-based line of the deck file where it starts. */
  line: number;
}

export interface HeadingElement extends Located {
  kind: 'heading';
  level: number;
  /** Plain text of the heading. */
  text: string;
  /** The heading's inline Markdown, as written. */
  markdown: string;
}

export interface ItemElement extends Located {
  kind: 'item';
  /** The number written before the item, like 12 in `12. `. */
  number: number | undefined;
  /** Plain question text; empty when the item does not start with text. */
  question: string;
  /** The question's Markdown, without the bold that marks it as a question. */
  prompt: string;
  bold: boolean;
  linkOnly: boolean;
  /** Markdown inside the item after the question text (may be empty). */
  answer: string;
  /** 1-based line where the answer text starts. */
  answerLine: number;
}

export interface DetailsElement extends Located {
  kind: 'details';
  /** Plain text of the <summary>; empty when there is none. */
  question: string;
  /** The <summary>'s content as written (Markdown, maybe with HTML). */
  summary: string;
  summaryLine: number;
  answer: string;
  answerLine: number;
}

export interface OtherElement extends Located {
  kind: 'rule' | 'block';
  /** marked's token type: paragraph, list (unordered), code, space, table... */
  type: string;
}

export type Element = HeadingElement | ItemElement | DetailsElement | OtherElement;

export function readElements(pieces: Piece[], file: string, budgetMs = lexBudget(pieces)): Element[] {
  // CPU time, not wall-clock time: on a busy machine kfq waits for a core, and a big deck must not be refused for that.
  // The CPU clock is slow to read, so it is read only when the wall clock says the budget may be spent.
  const startCpu = cpuMs();
  let checkAt = performance.now() + budgetMs;
  const elements: Element[] = [];
  for (const piece of pieces) {
    if (piece.kind === 'details') elements.push(detailsElement(piece));
    else if (!pushPlainItem(elements, piece)) for (const element of markedElements(piece, file)) elements.push(element);
    if (performance.now() < checkAt) continue;
    const spent = cpuMs() - startCpu;
    checkAt = performance.now() + budgetMs - spent;
    if (spent > budgetMs) {
      throw new DeckError(file, piece.line, 'reading this deck takes too long: its Markdown is unusually complex', {
        hint: 'split the deck into smaller files or simplify the Markdown near this line',
      });
    }
  }
  return elements;
}

/** The CPU time this process has used so far, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function lexBudget(pieces: Piece[]): number {
  const megabytes = pieces.reduce((sum, piece) => sum + piece.text.length, 0) / 1024 / 1024;
  return LEX_BUDGET_BASE_MS + LEX_BUDGET_MS_PER_MB * megabytes;
}

/** The elements of a Markdown piece as marked's tokens give them. */
export function markedElements(piece: Piece, file: string): Element[] {
  const elements: Element[] = [];
  pushTokens(elements, lex(piece, file), piece.line);
  return elements;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
/** A numbered bold question: the item's marker and the question. */
const PLAIN_QUESTION = /^(\d{1,9})\. (\*\*[^\s\\`<>[\]!*_~&|](?:[^\n\\`<>[\]!*_~&|]*[^\s\\`<>[\]!*_~&|])?\*\*)\n/;
/** An answer line: a bullet of plain text, without tabs or trailing space. */
const PLAIN_ANSWER_LINE = /^- [^\s\t][^\t]*[^\s]$|^- [^\s]$/;

/**
 * The seed's own shape, a numbered bold question over one or more `- `
 * bullets indented to its text, read without marked, which takes most of a
 * big deck's first read for it. Gives exactly the elements marked's tokens
 * would (a test compares the two); false, having pushed nothing, for any other piece.
 */
function pushPlainItem(elements: Element[], piece: Piece): boolean {
  const text = piece.text;
  const head = PLAIN_QUESTION.exec(text);
  if (!head) return false;
  const indent = head[1]!.length + 2;
  // The answer lines without their indentation, read in place rather than cut into lines first.
  let answer: string | undefined;
  let answerLines = 0;
  let at = head[0].length;
  while (at < text.length && text.charCodeAt(at) !== NEWLINE) {
    for (let k = at; k < at + indent; k++) if (text.charCodeAt(k) !== SPACE) return false;
    const end = text.indexOf('\n', at);
    const line = text.slice(at + indent, end === -1 ? text.length : end);
    if (!PLAIN_ANSWER_LINE.test(line)) return false;
    answer = answer === undefined ? line : `${answer}\n${line}`;
    answerLines++;
    at = end === -1 ? text.length : end + 1;
  }
  if (answer === undefined) return false;
  for (let k = at; k < text.length; k++) if (text.charCodeAt(k) !== NEWLINE) return false;
  const raw = text.slice(0, text.charCodeAt(at - 1) === NEWLINE ? at - 1 : at);
  const question = head[2]!;
  // What itemElement makes of such an item, known without its checks: one line of bold, markup-free text, its ends not blank.
  const element: ItemElement = {
    kind: 'item',
    number: Number(head[1]),
    question: markdownText(question),
    prompt: question.slice(2, -2),
    bold: true,
    linkOnly: false,
    answer,
    answerLine: piece.line + 1,
    raw,
    line: piece.line,
  };
  elements.push(element);
  // What follows the item's last line: marked adds a lone line break to the item, and makes more a space token.
  const after = text.slice(raw.length);
  if (after === '\n') element.raw += after;
  else if (after !== '') elements.push({ kind: 'block', type: 'space', raw: after, line: piece.line + answerLines });
  return true;
}

function lex(piece: Piece, file: string): Token[] {
  try {
    // Own options, so a marked.use() elsewhere cannot change how decks are read.
    return new Lexer({ gfm: true }).blockTokens(piece.text, []);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new DeckError(file, piece.line, 'the Markdown here is nested too deeply to read', { hint: 'flatten the nesting' });
    }
    throw new DeckError(file, piece.line, `the Markdown here cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

function pushTokens(elements: Element[], tokens: Token[], firstLine: number): void {
  let line = firstLine;
  for (const token of tokens) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      elements.push({
        kind: 'heading',
        level: heading.depth,
        text: markdownText(heading.text),
        markdown: heading.text,
        raw: heading.raw,
        line,
      });
    } else if (token.type === 'list' && (token as Tokens.List).ordered) {
      pushItems(elements, token as Tokens.List, line);
    } else {
      elements.push({ kind: token.type === 'hr' ? 'rule' : 'block', type: token.type, raw: token.raw, line });
    }
    line += countNewlines(token.raw);
  }
}

function pushItems(elements: Element[], list: Tokens.List, firstLine: number): void {
  let line = firstLine;
  let consumed = 0;
  let last: ItemElement | undefined;
  for (const item of list.items) {
    last = itemElement(item, line);
    elements.push(last);
    line += countNewlines(item.raw);
    consumed += item.raw.length;
  }
  // The list's raw text can end with a newline that its last item's does not.
  if (last) last.raw += list.raw.slice(consumed);
}

function itemElement(item: Tokens.ListItem, line: number): ItemElement {
  const digits = /^[ \t]*(\d{1,9})/.exec(item.raw)?.[1];
  const first = item.tokens[0];
  const lines = item.text.split('\n');
  const startsWithText = first !== undefined && (first.type === 'paragraph' || first.type === 'text');
  const paragraphLines = startsWithText ? countNewlines(first.raw.replace(/\n+$/, '')) + 1 : 0;
  const { question, answer, questionLines } = splitQuestion(lines, paragraphLines);
  const bold = isWhollyBold(question);
  return {
    kind: 'item',
    number: digits === undefined ? undefined : Number(digits),
    question: markdownText(question),
    prompt: bold ? unwrapBold(question) : question.trim(),
    bold,
    linkOnly: isLinkOnly(question),
    answer,
    answerLine: line + questionLines,
    raw: item.raw,
    line,
  };
}

/** `**What is X?**` to `What is X?` (a trailing `?`, `:` or `.` after the bold stays). */
function unwrapBold(markdown: string): string {
  const match = /^(\*\*|__)([\s\S]+)\1([?:.]?)$/.exec(markdown.trim())!;
  return (match[2]! + match[3]!).trim();
}

/**
 * Splits an item's text into question and answer. The question is its first
 * paragraph, up to a line that ends like a question (`?` or a closing `**`),
 * and never includes a following line that starts an answer (a bullet, a code
 * fence, `Answer:`), which CommonMark may have read as a lazy continuation.
 */
function splitQuestion(lines: string[], paragraphLines: number): { question: string; answer: string; questionLines: number } {
  const sameLine = /^[ \t]*(\*\*|__)((?:(?!\1).)+?[?:.])\1[ \t]+(\S.*)$/.exec(lines[0] ?? '');
  if (paragraphLines > 0 && sameLine) {
    return {
      question: `${sameLine[1]}${sameLine[2]}${sameLine[1]}`,
      answer: [sameLine[3], ...lines.slice(1)].join('\n'),
      questionLines: 0,
    };
  }
  let end = 0;
  while (end < paragraphLines && !(end > 0 && startsAnswer(lines[end]!))) {
    end++;
    if (/(?:[?？]|\*\*|__)$/.test(lines[end - 1]!.trimEnd())) break;
  }
  return { question: lines.slice(0, end).join('\n'), answer: lines.slice(end).join('\n'), questionLines: end };
}

function detailsElement(piece: Piece): DetailsElement {
  const { text, line } = piece;
  const lower = text.toLowerCase();
  const open = lower.indexOf('<summary');
  const openEnd = open === -1 ? -1 : text.indexOf('>', open);
  const close = openEnd === -1 ? -1 : lower.indexOf('</summary', openEnd);
  const closeEnd = close === -1 ? -1 : text.indexOf('>', close);
  const end = lower.lastIndexOf('</details');
  if (closeEnd === -1 || end < closeEnd)
    return { kind: 'details', question: '', summary: '', summaryLine: line, answer: '', answerLine: line, raw: text, line };
  const summary = text.slice(openEnd + 1, close);
  const answer = unwrapHtml(text.slice(closeEnd + 1, end));
  return {
    kind: 'details',
    question: markdownText(summary),
    summary,
    summaryLine: line + countNewlines(text, openEnd + 1),
    answer: answer.text,
    answerLine: line + countNewlines(text, closeEnd + 1 + answer.start),
    raw: text,
    line,
  };
}

const WRAPPER_TAG = /^<\/?(?:b|br|p|strong|em|i)\s*\/?>$/i;
const LEADING_WRAPPERS = /(?:\s|<\/?(?:b|br|p|strong|em|i)\s*\/?>)*/iy;

/** Drops the `<br><b>` ... `</b>` that wrap answers in the devops-exercises style. */
function unwrapHtml(html: string): { text: string; start: number } {
  LEADING_WRAPPERS.lastIndex = 0;
  LEADING_WRAPPERS.exec(html);
  let start = LEADING_WRAPPERS.lastIndex;
  // The first line keeps its indentation (a fence indented like the rest of the answer).
  while (start > 0 && (html[start - 1] === ' ' || html[start - 1] === '\t')) start--;
  let end = html.length;
  for (;;) {
    while (end > start && /\s/.test(html[end - 1]!)) end--;
    const tagStart = html.lastIndexOf('<', end - 1);
    if (tagStart < start || end - tagStart > 24 || !WRAPPER_TAG.test(html.slice(tagStart, end))) break;
    end = tagStart;
  }
  return { text: html.slice(start, end), start };
}
