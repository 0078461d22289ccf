// Colour policy in one place: colour only on a TTY, off with NO_COLOR (which
// chalk ignores by itself), on with FORCE_COLOR.
import type { ChalkInstance } from 'chalk';
import { isTerminal } from './isTerminal.js';
import { loadChalk } from './loadChalk.js';
import { plainStyles } from './plainStyles.js';

export function colorLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  // No TERM outside Windows is a terminal that knows no escape sequences, like TERM=dumb.
  if (!stream.isTTY || env.TERM === 'dumb' || (!env.TERM && process.platform !== 'win32')) return 0;
  const { supportsColor } = loadChalk();
  return supportsColor ? supportsColor.level : 1;
}

/** chalk only where there is colour: without it, loading chalk would cost every start and style nothing. */
function stylesOf(level: 0 | 1 | 2 | 3): ChalkInstance {
  return level === 0 ? plainStyles() : new (loadChalk().Chalk)({ level });
}

/** Styles for data written to stdout. */
export const out: ChalkInstance = stylesOf(colorLevel({ isTTY: isTerminal(1) }));
/** Styles for messages written to stderr. */
export const err: ChalkInstance = stylesOf(colorLevel({ isTTY: isTerminal(2) }));

/** A grade's colour, in drills and the history: 1 Again red … 4 Easy cyan. */
export const RATING_COLOURS = { 1: out.red, 2: out.yellow, 3: out.green, 4: out.cyan } as const;
