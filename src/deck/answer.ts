// Turning the raw Markdown after a question into a clean reference answer.
import { THEMATIC_BREAK } from './lines.js';

const ANSWER_LABEL = /^([-*+][ \t]+)?(?:\*\*|__|\*|_)?answer(?:\*\*|__|\*|_)?[ \t]*:(?:\*\*|__|\*|_)?[ \t]*/i;

/**
 * The answer as Markdown: common indentation removed, blank lines and
 * thematic breaks (`---`) around it dropped, and an `Answer:` label removed.
 */
export function cleanAnswer(markdown: string): string {
  const text = withoutTrailingNewlines(markdown);
  // Most answers: lines that start flush, text on the first line and the last; then only the ends' space goes.
  if (startsAndEndsFlush(text) && !THEMATIC_BREAK.test(text.slice(text.lastIndexOf('\n') + 1)) && !ANSWER_LABEL.test(text)) {
    return text.trimEnd();
  }
  const lines = dedent(markdown.split('\n'));
  let end = lines.length;
  while (end > 0 && (lines[end - 1]!.trim() === '' || THEMATIC_BREAK.test(lines[end - 1]!))) end--;
  let start = 0;
  while (start < end && lines[start]!.trim() === '') start++;
  if (start === end) return '';

  const first = lines[start]!;
  const label = ANSWER_LABEL.exec(first);
  if (label) {
    const rest = (label[1] ?? '') + first.slice(label[0].length);
    if (rest.trim() === '') start++;
    else lines[start] = rest;
    while (start < end && lines[start]!.trim() === '') start++;
  }
  return lines.slice(start, end).join('\n').trimEnd();
}

/** Markdown with its common indentation and the blank lines around it removed. */
export function trimBlock(markdown: string): string {
  // One line (most questions, many answers): its indentation and blank space are its ends.
  if (!markdown.includes('\n')) return markdown.trim();
  if (startsAndEndsFlush(markdown)) return markdown.trimEnd();
  const lines = dedent(markdown.split('\n'));
  let start = 0;
  while (start < lines.length && lines[start]!.trim() === '') start++;
  let end = lines.length;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end).join('\n').trimEnd();
}

/** True for a line that starts an answer when it follows the question text directly. */
export function startsAnswer(line: string): boolean {
  return /^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|```|~~~|>)/.test(line) || ANSWER_LABEL.test(line.trimStart());
}

/**
 * True when no line starts with white space and the first and last lines are
 * not empty: then there is no indentation to remove and no blank line at
 * either end.
 */
function startsAndEndsFlush(text: string): boolean {
  if (text === '' || text[0] === '\n' || text[text.length - 1] === '\n') return false;
  for (let at = 0; ; at++) {
    if (startsWithSpace(text, at)) return false;
    at = text.indexOf('\n', at);
    if (at === -1) return true;
  }
}

/** Whether white space (as `trim` counts it) other than a line break is at `at`. */
function startsWithSpace(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d && code !== 0x0a);
  return WHITE_SPACE_START.test(text[at]!);
}

function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '\n') end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Lines without their common indentation; lines of nothing but spaces and tabs become empty. */
function dedent(lines: string[]): string[] {
  // Most answers: no line starts with white space, so there is nothing to remove.
  if (lines.every(startsFlush)) return lines;
  const expanded = lines.map((line) => (line.trim() === '' ? '' : expandLeadingTabs(line)));
  let indent = Infinity;
  for (const line of expanded) {
    const width = line.length - line.trimStart().length;
    if (width < line.length) indent = Math.min(indent, width);
  }
  return indent === Infinity || indent === 0 ? expanded : expanded.map((line) => line.slice(indent));
}

/** An empty line, or one whose first character is not white space (as `trim` counts it). */
function startsFlush(line: string): boolean {
  return line === '' || !WHITE_SPACE_START.test(line);
}

const WHITE_SPACE_START = /^\s/;

function expandLeadingTabs(line: string): string {
  if (!/^ *\t/.test(line)) return line;
  const indent = /^[ \t]*/.exec(line)![0];
  let width = 0;
  for (const c of indent) width = c === '\t' ? width + 4 - (width % 4) : width + 1;
  return ' '.repeat(width) + line.slice(indent.length);
}
