// A page with a pinned header, a body that scrolls and a pinned footer: how
// drill, mock and show stay readable at any length. The header (what you are
// looking at) and the footer (the keys that act) never scroll away; a header
// too tall for the screen keeps its first lines and goes on in the body.
import type { Key } from './keys.js';
import { out } from './theme.js';
import { fitColumns, visibleWidth } from './text.js';
import type { Frame, Size } from './terminalSession.js';

export interface Page {
  header: string[];
  body: string[];
  /** The keys that act, and the typed answer when there is one. */
  footer: string[];
  /** The footer line that ends with the typed answer: the cursor shows at its end. */
  cursorLine?: number;
}

/** Scrolling state of one page: the first body line shown. */
export class Scroller {
  offset = 0;
  /** Body rows shown at the last layout, for page-wise keys. */
  private rows = 1;
  private max = 0;

  /** Scrolls for ↑/↓, PgUp/PgDn, Home/End (and Space when `space`); returns false for any other key. */
  key(key: Key, options: { space?: boolean } = {}): boolean {
    const page = Math.max(1, this.rows - 1);
    if (key.name === 'up') this.offset--;
    else if (key.name === 'down') this.offset++;
    else if (key.name === 'pageup') this.offset -= page;
    else if (key.name === 'pagedown' || (options.space && key.name === 'text' && key.text === ' ')) this.offset += page;
    else if (key.name === 'home') this.offset = 0;
    else if (key.name === 'end') this.offset = this.max;
    else return false;
    this.offset = Math.max(0, Math.min(this.offset, this.max));
    return true;
  }

  reset(): void {
    this.offset = 0;
  }

  /** Lays the page out in `size`; nothing is padded, so a short page ends where its text ends. */
  layout(page: Page, size: Size, hint = '↑↓ PgUp/PgDn'): Frame {
    const footer = page.footer;
    const headerRoom = Math.max(2, Math.floor((size.rows - footer.length) / 2));
    let header = page.header;
    let body = page.body;
    const fits = header.length + body.length + footer.length <= size.rows;
    if (!fits && header.length > headerRoom) {
      body = [...header.slice(headerRoom - 1), '', ...body];
      header = [...header.slice(0, headerRoom - 1), out.dim('… (continued below)')];
    }
    const room = Math.max(1, size.rows - header.length - footer.length);
    let shown = body;
    let status: string[] = [];
    if (body.length > room) {
      this.rows = Math.max(1, room - 1);
      this.max = body.length - this.rows;
      this.offset = Math.min(this.offset, this.max);
      shown = body.slice(this.offset, this.offset + this.rows);
      const last = this.offset + shown.length;
      const where = last >= body.length ? 'end' : `${body.length - last} more`;
      const place = `── ${this.offset + 1}–${last} of ${body.length} lines · ${where}`;
      // The scroll keys when they fit; where you are always.
      const full = `${place} · ${hint} ──`;
      status = [out.dim(fitColumns(visibleWidth(full) <= size.cols ? full : `${place} ──`, size.cols))];
    } else {
      this.rows = room;
      this.max = 0;
      this.offset = 0;
    }
    const lines = [...header, ...shown, ...status, ...footer].slice(0, size.rows);
    const frame: Frame = { lines };
    const row = page.cursorLine === undefined ? -1 : header.length + shown.length + status.length + page.cursorLine;
    if (row >= 0 && row < lines.length) {
      frame.cursor = { row, col: Math.min(size.cols - 1, visibleWidth(lines[row]!)) };
    }
    return frame;
  }
}
