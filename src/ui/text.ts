// Deck text is untrusted: before it reaches a terminal, control characters
// (escape sequences, C1 codes, bidi overrides) become visible escapes.

// C0 except tab and newline, DEL, C1, and the Unicode bidi controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function safeText(text: string): string {
  return text.replace(CONTROL, (ch) => {
    const code = ch.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// JSON.stringify escapes C0 controls but leaves DEL, C1 and the bidi controls raw.
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with every control character \u-escaped: the same value to a JSON reader, inert on a terminal. */
export function safeJson(json: string): string {
  // Tested first: replace() would copy a long listing even with nothing to escape.
  RAW_IN_JSON.lastIndex = 0;
  if (!RAW_IN_JSON.test(json)) return json;
  return json.replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Like safeText, for a single-line field: newlines and tabs become spaces. */
export function safeLine(text: string): string {
  return safeText(text.replace(/[\t\r\n]+/g, ' '));
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Display width, ignoring our own styling codes; wide (CJK, emoji) characters count two. */
export function visibleWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  let width = 0;
  // By index, not for-of: the string iterator allocates for every character, and whole answers are measured.
  for (let at = 0; at < plain.length; at++) {
    const code = plain.codePointAt(at)!;
    if (code > 0xffff) at++;
    if (code < 0x20 || (code >= 0x300 && code < 0x370) || code === 0x200b) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Cuts a plain string to at most `width` columns, ending with an ellipsis when cut. */
export function truncate(text: string, width: number): string {
  // No width (a pipe): nothing to measure, whole answers included.
  if (width === Number.POSITIVE_INFINITY || visibleWidth(text) <= width) return text;
  let result = '';
  let used = 0;
  for (const ch of text) {
    const w = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (used + w > width - 1) break;
    result += ch;
    used += w;
  }
  return `${result}…`;
}

/**
 * Word-wraps styled text to `width` columns. Styling codes are kept and do not
 * count toward the width; words longer than a line are broken.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  const limit = Math.max(10, width - visibleWidth(indent));
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      let rest = word;
      let restWidth = visibleWidth(rest);
      if (lineWidth > 0 && lineWidth + 1 + restWidth <= limit) {
        line += ` ${rest}`;
        lineWidth += 1 + restWidth;
        continue;
      }
      if (lineWidth > 0) lines.push(indent + line);
      while (restWidth > limit) {
        const head = sliceColumns(rest, limit);
        lines.push(indent + head);
        rest = rest.slice(head.length);
        // Subtracting, not measuring the rest again: a 1 MB word would take quadratic time.
        restWidth -= visibleWidth(head);
      }
      line = rest;
      lineWidth = restWidth;
    }
    lines.push(indent + line);
  }
  return lines;
}

/** Cuts styled text to at most `columns` columns, closing any style left open. */
export function fitColumns(text: string, columns: number): string {
  if (visibleWidth(text) <= columns) return text;
  const head = sliceColumns(text, columns);
  return head.includes('\u001b') ? `${head}\u001b[0m` : head;
}

function sliceColumns(text: string, columns: number): string {
  let used = 0;
  let index = 0;
  while (index < text.length) {
    ANSI.lastIndex = index;
    const escape = text.startsWith('\u001b', index) ? ANSI.exec(text) : null;
    if (escape && escape.index === index) {
      index += escape[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(index)!);
    const w = isWide(ch.codePointAt(0)!) ? 2 : 1;
    if (used + w > columns) break;
    used += w;
    index += ch.length;
  }
  return text.slice(0, index);
}

/**
 * The columns to lay text out in: the terminal's width, on a terminal. Output
 * to a pipe or a file has no width: nothing is wrapped or cut, whatever COLUMNS says.
 */
export function terminalWidth(
  stream: { columns?: number; isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (!stream.isTTY) return Number.POSITIVE_INFINITY;
  const columns = stream.columns ?? Number(env.COLUMNS);
  return Number.isFinite(columns) && columns > 0 ? Math.min(columns, 120) : 80;
}
