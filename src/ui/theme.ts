// Colour policy in one place: colour only on a TTY, off with NO_COLOR (which
// chalk ignores by itself), on with FORCE_COLOR.
import { Chalk, supportsColor, type ChalkInstance } from 'chalk';
import { isTerminal } from './isTerminal.js';

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
  return supportsColor ? supportsColor.level : 1;
}

/** Styles for data written to stdout. */
export const out: ChalkInstance = new Chalk({ level: colorLevel({ isTTY: isTerminal(1) }) });
/** Styles for messages written to stderr. */
export const err: ChalkInstance = new Chalk({ level: colorLevel({ isTTY: isTerminal(2) }) });

/** A grade's colour, in drills and the history: 1 Again red … 4 Easy cyan. */
export const RATING_COLOURS = { 1: out.red, 2: out.yellow, 3: out.green, 4: out.cyan } as const;
