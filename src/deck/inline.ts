// Inline Markdown to plain text, for question and category text. marked's
// inline lexer is quadratic on some inputs (a 1 MB run of `*a` takes minutes),
// so this is a small linear pass: code spans keep their content, links keep
// their text, paired emphasis markers and HTML tags go, entities are decoded.

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const MAX_TAG_CHARS = 200;

interface Delimiter {
  index: number;
  char: string;
  canOpen: boolean;
  canClose: boolean;
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
  const s = markdown;
  const parts: string[] = [];
  const delimiters: Delimiter[] = [];
  const find = indexFinder(s);
  const tickCloser = s.includes('`') ? tickRunClosers(s) : new Map<number, number>();
  let linkTailStart = -1;
  let linkTailEnd = -1;

  let i = 0;
  while (i < s.length) {
    if (i === linkTailStart) {
      i = linkTailEnd;
      continue;
    }
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && ASCII_PUNCTUATION.test(s[i + 1]!)) {
      parts.push(s[i + 1]!);
      i += 2;
    } else if (c === '`') {
      const run = runLength(s, i);
      const close = tickCloser.get(i) ?? -1;
      if (close === -1) {
        parts.push(s.slice(i, i + run));
        i += run;
      } else {
        parts.push(codeSpanText(s.slice(i + run, close)));
        i = close + run;
      }
    } else if (c === '<') {
      const end = find('>', i + 1);
      const tag = end !== -1 && end - i <= MAX_TAG_CHARS ? s.slice(i, end + 1) : '';
      if (/^<(?:https?|ftp|mailto):[^\s<>]*>$/i.test(tag)) {
        parts.push(tag.slice(1, -1));
        i = end + 1;
      } else if (/^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>$/.test(tag)) {
        parts.push(/^<br\b/i.test(tag) ? ' ' : '');
        i = end + 1;
      } else {
        parts.push(c);
        i++;
      }
    } else if ((c === '[' || (c === '!' && s[i + 1] === '[')) && linkTailStart < i) {
      const open = c === '!' ? i + 1 : i;
      const tail = linkTail(s, open, find);
      if (tail) {
        [linkTailStart, linkTailEnd] = tail;
        i = open + 1;
      } else {
        parts.push(c);
        i++;
      }
    } else if (c === '*' || c === '_' || c === '~') {
      const run = runLength(s, i);
      const flank = flanking(s, i, run);
      if (c !== '~' || run === 2) delimiters.push({ index: parts.length, char: c, ...flank });
      parts.push(s.slice(i, i + run));
      i += run;
    } else if (c === '&') {
      const entity = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));/.exec(s.slice(i, i + 12));
      const decoded = entity ? decodeEntity(entity) : undefined;
      parts.push(decoded ?? c);
      i += decoded === undefined ? 1 : entity![0].length;
    } else {
      const special = nextSpecial(s, i + 1);
      const next = linkTailStart > i ? Math.min(special, linkTailStart) : special;
      parts.push(s.slice(i, next));
      i = next;
    }
  }

  for (const index of pairedDelimiters(delimiters)) parts[index] = '';
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** True when the whole text is one bold span, like the seed's `**What is X?**`. */
export function isWhollyBold(markdown: string): boolean {
  return /^(\*\*|__)(?:(?!\1)[\s\S])+\1[?:.]?$/.test(markdown.trim());
}

/** True when the text is nothing but links: a table-of-contents entry. */
export function isLinkOnly(markdown: string): boolean {
  return /^[\s*_]*(?:!?\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?[\s*_,;|·-]*)+$/.test(markdown);
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

/** Text or code from marked's lexer, which leaves these five entities encoded. */
export function unescapeMarkedText(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function decodeEntity([, decimal, hex, name]: RegExpExecArray): string | undefined {
  if (name !== undefined) return Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : undefined;
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
}
