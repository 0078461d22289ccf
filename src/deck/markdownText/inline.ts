// Inline Markdown to plain text by CommonMark's rules, for markdownText's
// 'inline' reading (index.ts). marked's inline lexer is quadratic on some inputs (a
// long run of `*a` takes minutes), so this is a small linear pass: code spans
// keep their content, links keep their text, paired emphasis markers and HTML
// tags go, entities are decoded.

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const MAX_TAG_CHARS = 200;

interface Delimiter {
  index: number;
  char: string;
  canOpen: boolean;
  canClose: boolean;
}

/** Where the scan is: the text, the pieces of plain text so far, and what later pieces depend on. */
interface Scan {
  s: string;
  parts: string[];
  delimiters: Delimiter[];
  find: (char: string, from: number) => number;
  /** For each run of backticks, where its closing run starts (-1 if none). */
  tickCloser: Map<number, number>;
  /** The `](url)` or `][ref]` tail of the link being read, skipped when reached. */
  linkTailStart: number;
  linkTailEnd: number;
}

export function plainInline(markdown: string): string {
  return withoutMarkup(markdown) ?? readInline(markdown);
}

/**
 * Most question texts are plain words, maybe in one bold span (`**What is
 * X?**`): their plain text is found without the full pass, which a big deck
 * would run hundreds of thousands of times.
 */
function withoutMarkup(s: string): string | undefined {
  const bold = s.length > 4 && s.startsWith('**') && s.endsWith('**') && !/\s/.test(s[2]!) && !/\s/.test(s[s.length - 3]!);
  const inner = bold ? s.slice(2, -2) : s;
  if (ANY_SPECIAL.test(inner)) return undefined;
  return FOLDED_SPACE.test(inner) ? inner.replace(/\s+/g, ' ').trim() : inner.trim();
}

/** The full pass of plainInline; exported for the test that it agrees with the shortcut. */
export function readInline(markdown: string): string {
  const scan: Scan = {
    s: markdown,
    parts: [],
    delimiters: [],
    find: indexFinder(markdown),
    tickCloser: markdown.includes('`') ? tickRunClosers(markdown) : new Map<number, number>(),
    linkTailStart: -1,
    linkTailEnd: -1,
  };
  const s = markdown;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (i === scan.linkTailStart) i = scan.linkTailEnd;
    else if (c === '\\' && i + 1 < s.length && ASCII_PUNCTUATION.test(s[i + 1]!)) {
      scan.parts.push(s[i + 1]!);
      i += 2;
    } else if (c === '`') i = codeSpan(scan, i);
    else if (c === '<') i = angleBrackets(scan, i);
    else if ((c === '[' || (c === '!' && s[i + 1] === '[')) && scan.linkTailStart < i) i = linkStart(scan, i);
    else if (c === '*' || c === '_' || c === '~') i = delimiterRun(scan, i);
    else if (c === '&') i = entity(scan, i);
    else i = textRun(scan, i);
  }
  for (const index of pairedDelimiters(scan.delimiters)) scan.parts[index] = '';
  return scan.parts.join('').replace(/\s+/g, ' ').trim();
}

// Each step reads what starts at `i`, pushes its plain text and returns where the next step starts.

function codeSpan(scan: Scan, i: number): number {
  const run = runLength(scan.s, i);
  const close = scan.tickCloser.get(i) ?? -1;
  if (close === -1) {
    scan.parts.push(scan.s.slice(i, i + run));
    return i + run;
  }
  scan.parts.push(codeSpanText(scan.s.slice(i + run, close)));
  return close + run;
}

/** An autolink keeps its address, an HTML tag goes (a line break becomes a space), a lone `<` stays. */
function angleBrackets(scan: Scan, i: number): number {
  const end = scan.find('>', i + 1);
  const tag = end !== -1 && end - i <= MAX_TAG_CHARS ? scan.s.slice(i, end + 1) : '';
  if (/^<(?:https?|ftp|mailto):[^\s<>]*>$/i.test(tag)) {
    scan.parts.push(tag.slice(1, -1));
    return end + 1;
  }
  if (/^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>$/.test(tag)) {
    scan.parts.push(/^<br\b/i.test(tag) ? ' ' : '');
    return end + 1;
  }
  scan.parts.push('<');
  return i + 1;
}

/** A `[` (or `![`) that opens a link: its text is read on, its tail skipped when reached. */
function linkStart(scan: Scan, i: number): number {
  const open = scan.s[i] === '!' ? i + 1 : i;
  const tail = linkTail(scan.s, open, scan.find);
  if (!tail) {
    scan.parts.push(scan.s[i]!);
    return i + 1;
  }
  [scan.linkTailStart, scan.linkTailEnd] = tail;
  return open + 1;
}

/** A run of `*`, `_` or `~~`, kept until the runs that pair up are known. */
function delimiterRun(scan: Scan, i: number): number {
  const char = scan.s[i]!;
  const run = runLength(scan.s, i);
  if (char !== '~' || run === 2) scan.delimiters.push({ index: scan.parts.length, char, ...flanking(scan.s, i, run) });
  scan.parts.push(scan.s.slice(i, i + run));
  return i + run;
}

function entity(scan: Scan, i: number): number {
  const match = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));/.exec(scan.s.slice(i, i + 12));
  const decoded = match ? decodeEntity(match) : undefined;
  scan.parts.push(decoded ?? '&');
  return decoded === undefined ? i + 1 : i + match![0].length;
}

/** Plain text up to the next character that may start syntax (or the link tail ahead). */
function textRun(scan: Scan, i: number): number {
  const special = nextSpecial(scan.s, i + 1);
  const next = scan.linkTailStart > i ? Math.min(special, scan.linkTailStart) : special;
  scan.parts.push(scan.s.slice(i, next));
  return next;
}

function runLength(s: string, start: number): number {
  let end = start + 1;
  while (s[end] === s[start]) end++;
  return end - start;
}

/** For each run of backticks, where the next run of the same length starts (-1 if none). */
function tickRunClosers(s: string): Map<number, number> {
  const runs: Array<[start: number, length: number]> = [];
  for (let at = s.indexOf('`'); at !== -1;) {
    const length = runLength(s, at);
    runs.push([at, length]);
    at = s.indexOf('`', at + length);
  }
  const closers = new Map<number, number>();
  const nextOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    const [start, length] = runs[k]!;
    closers.set(start, nextOfLength.get(length) ?? -1);
    nextOfLength.set(length, start);
  }
  return closers;
}

function codeSpanText(content: string): string {
  const text = content.replace(/\n/g, ' ');
  return /^ .*[^ ].* $/.test(text) ? text.slice(1, -1) : text;
}

/** For a `[` at `open` that starts a link, the range of its `](url)` or `][ref]` tail. */
function linkTail(s: string, open: number, find: (char: string, from: number) => number): [number, number] | undefined {
  const close = find(']', open + 1);
  if (close === -1) return undefined;
  const after = s[close + 1];
  const end = after === '(' ? find(')', close + 2) : after === '[' ? find(']', close + 2) : -1;
  return end === -1 ? undefined : [close, end + 1];
}

/** indexOf with a memo, so scans over many unmatched brackets stay linear. */
function indexFinder(s: string): (char: string, from: number) => number {
  const memo = new Map<string, { from: number; at: number }>();
  return (char, from) => {
    const known = memo.get(char);
    if (known && from >= known.from && (known.at === -1 || from <= known.at)) return known.at;
    const at = s.indexOf(char, from);
    memo.set(char, { from, at });
    return at;
  };
}

const SPECIAL = /[\\`<[!*_~&]/g;
const ANY_SPECIAL = /[\\`<[!*_~&]/;
/** White space that plain text folds into one space: any but a lone space. */
const FOLDED_SPACE = /[^\S ]| {2}/;

function nextSpecial(s: string, from: number): number {
  SPECIAL.lastIndex = from;
  return SPECIAL.exec(s)?.index ?? s.length;
}

// CommonMark's flanking rules, simplified to ASCII punctuation.
function flanking(s: string, start: number, run: number): { canOpen: boolean; canClose: boolean } {
  const before = s[start - 1] ?? ' ';
  const after = s[start + run] ?? ' ';
  const spaceBefore = /\s/.test(before);
  const spaceAfter = /\s/.test(after);
  const punctBefore = ASCII_PUNCTUATION.test(before);
  const punctAfter = ASCII_PUNCTUATION.test(after);
  const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
  const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
  if (s[start] === '_') return { canOpen: left && (!right || punctBefore), canClose: right && (!left || punctAfter) };
  return { canOpen: left, canClose: right };
}

/** Indexes of delimiter runs that pair up (opener before closer, same character). */
function pairedDelimiters(delimiters: Delimiter[]): number[] {
  const paired: number[] = [];
  const open = new Map<string, Delimiter[]>();
  for (const delimiter of delimiters) {
    const stack = open.get(delimiter.char) ?? [];
    open.set(delimiter.char, stack);
    const opener = delimiter.canClose ? stack.pop() : undefined;
    if (opener) paired.push(opener.index, delimiter.index);
    else if (delimiter.canOpen) stack.push(delimiter);
  }
  return paired;
}

/** The named character references decks use; others stay as they are written. */
export const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntity([, decimal, hex, name]: RegExpExecArray): string | undefined {
  if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined;
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
}
