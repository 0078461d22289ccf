// A cheap estimate of how deeply lists and block quotes nest, checked before
// marked reads a deck: marked recurses once per level (10,000 levels overflow
// the stack) and slows down sharply long before that.
import { DeckError } from '../errors.js';
import { MAX_NESTING } from './limits.js';
import { THEMATIC_BREAK } from './lines.js';

const CONTAINER_MARKER = /(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]?/y;

/** Throws a DeckError at the first line nested deeper than MAX_NESTING. */
export function checkNesting(lines: string[], firstLine: number, file: string): void {
  // Indentations of the list items and quotes still open, outermost first.
  const open: number[] = [];
  lines.forEach((line, k) => {
    const indent = indentWidth(line);
    if (indent === -1 || THEMATIC_BREAK.test(line)) return;
    while (open.length > 0 && open[open.length - 1]! >= indent) open.pop();

    let markers = 0;
    const text = line.search(/\S/);
    CONTAINER_MARKER.lastIndex = text === -1 ? line.length : text;
    while (CONTAINER_MARKER.lastIndex < line.length && CONTAINER_MARKER.test(line)) {
      if (++markers > MAX_NESTING) break;
    }
    if (markers > 0) open.push(indent);
    if (open.length + Math.max(markers - 1, 0) > MAX_NESTING) {
      throw new DeckError(file, firstLine + k, `lists or block quotes are nested more than ${MAX_NESTING} levels deep`, {
        hint: 'flatten the nesting; a question needs only a few levels',
      });
    }
  });
}

/** Width of the leading whitespace (tabs to the next multiple of 4), or -1 for a blank line. */
function indentWidth(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else return width;
  }
  return -1;
}
