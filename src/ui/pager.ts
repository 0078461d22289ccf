// A read-only page on the whole terminal (kfq show when the answer is taller
// than the screen): the header stays, the body scrolls, q or Esc leaves.
import type { Key } from './keys.js';
import { TerminalSession, type Screen } from './terminalSession.js';

export { cursorMovesOn } from './terminalSession.js';
import { out } from './theme.js';
import { wrap } from './text.js';
import { Scroller } from './viewport.js';

export function pagerScreen(content: { header: string[]; body: string[] }): Screen<void> {
  const scroller = new Scroller();
  const leaves = (key: Key): boolean => key.name === 'escape' || (key.name === 'text' && key.text === 'q');
  return {
    draw(size) {
      return scroller.layout({ ...content, footer: wrap(out.dim('q quits'), size.cols) }, size, '↑↓ PgUp/PgDn Space');
    },
    key(key, control) {
      if (leaves(key)) return control.done();
      if (scroller.key(key, { space: true })) control.redraw();
    },
  };
}

/** Shows the page until q; the terminal is left as it was. */
export async function page(content: { header: string[]; body: string[] }): Promise<void> {
  const terminal = TerminalSession.open();
  try {
    await terminal.show(pagerScreen(content));
  } finally {
    terminal.close();
  }
}
