// Cutting a deck body into pieces cheaply before marked reads them: at
// headings and numbered lines that start at column 0, and around whole
// <details> blocks. marked reads each piece on its own, which is faster than
// one pass over a large deck and keeps any slow spot small. Cuts are never
// made inside a fenced code block or an HTML comment.
import { HARD_PIECE_CHARS, SOFT_PIECE_CHARS } from './limits.js';

export interface Piece {
  kind: 'markdown' | 'details';
  text: string;
  /** 1-based line of the deck file where the piece starts. */
  line: number;
}

const BOUNDARY = /^(?:#{1,6}(?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const DETAILS_OPEN = /^ {0,3}<details\b/i;
const DETAILS_TAG = /<(\/?)details\b/gi;
/** Tells a line with text from a blank one without trimming (a copy) per line. */
const NOT_BLANK = /\S/;

/** `lines` is `body` split at its line breaks. */
export function splitPieces(body: string, lines: string[], firstLine: number): Piece[] {
  const pieces: Piece[] = [];
  const details = detailsBlocks(lines);
  const raw = new RawBlockTracker();
  const starts = new Uint32Array(lines.length + 1);
  for (let k = 0; k < lines.length; k++) starts[k + 1] = starts[k]! + lines[k]!.length + 1;
  const flush = (kind: Piece['kind'], from: number, to: number): void => {
    if (to <= from) return;
    // Pieces add up to the body, line breaks included; slices of it, not copies, for a big deck's sake.
    const text = body.slice(starts[from], to < lines.length ? starts[to] : body.length);
    pieces.push({ kind, text, line: firstLine + from });
  };

  let start = 0;
  let size = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const blank = !NOT_BLANK.test(line);
    if (!raw.inside) {
      const close = blank ? undefined : details.get(k);
      if (close !== undefined) {
        flush('markdown', start, k);
        flush('details', k, close + 1);
        start = close + 1;
        size = 0;
        k = close;
        continue;
      }
      const cut = size > HARD_PIECE_CHARS || (!blank && (BOUNDARY.test(line) || (size > SOFT_PIECE_CHARS && startsBlock(lines, k))));
      if (cut && k > start) {
        flush('markdown', start, k);
        start = k;
        size = 0;
      }
    }
    if (!blank) raw.update(line);
    size += line.length + 1;
  }
  flush('markdown', start, lines.length);
  return pieces;
}

/** True for a non-blank line at column 0 after a blank line: a new top-level block. */
function startsBlock(lines: string[], k: number): boolean {
  return lines[k - 1]?.trim() === '' && /^\S/.test(lines[k]!);
}

/** Line of each top-level `<details>` opening mapped to the line that closes it. */
function detailsBlocks(lines: string[]): Map<number, number> {
  const blocks = new Map<number, number>();
  const raw = new RawBlockTracker();
  const open: number[] = [];
  lines.forEach((line, k) => {
    if (line === '') return;
    const inside = raw.inside;
    raw.update(line);
    if (inside || !line.includes('<') || !line.includes('details')) return;
    for (const tag of line.matchAll(DETAILS_TAG)) {
      if (tag[1] === '/') {
        const first = open.pop();
        if (first !== undefined && open.length === 0) blocks.set(first, k);
      } else if (open.length > 0 || (tag.index === line.search(/\S/) && DETAILS_OPEN.test(line))) {
        open.push(k);
      }
    }
  });
  return blocks;
}

/** Tracks whether a line is inside a fenced code block or a multi-line HTML comment. */
class RawBlockTracker {
  private fence: string | undefined;
  private comment = false;

  get inside(): boolean {
    return this.fence !== undefined || this.comment;
  }

  /** Call with each non-empty line in turn. */
  update(line: string): void {
    // A line without a fence or comment mark changes nothing outside them; inside a fence it cannot close it.
    if (!this.comment && !line.includes('`') && !line.includes('~') && !line.includes('<!--')) return;
    if (this.comment) {
      if (line.includes('-->')) this.comment = false;
      return;
    }
    const fence = /^[ \t]*(`{3,}|~{3,})(.*)$/.exec(line);
    if (this.fence !== undefined) {
      const closes = fence && fence[1]![0] === this.fence[0] && fence[1]!.length >= this.fence.length && fence[2]!.trim() === '';
      if (closes) this.fence = undefined;
    } else if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
      this.fence = fence[1];
    } else if (/^ {0,3}<!--/.test(line) && !line.slice(line.indexOf('<!--') + 4).includes('-->')) {
      this.comment = true;
    }
  }
}
