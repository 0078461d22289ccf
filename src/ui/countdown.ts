// The interview clock: time left as `m:ss`, yellow in the last 30 seconds and
// red in the last 10 (when the stream takes colour at all).
import type { ChalkInstance } from 'chalk';
import { formatClock } from '../practice/time.js';

/** Whole seconds left until `deadline`, rounded up: 0.2 s left still shows 0:01. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

export function styleClock(seconds: number, style: ChalkInstance): string {
  const text = formatClock(seconds);
  if (seconds <= 10) return style.red.bold(text);
  if (seconds <= 30) return style.yellow(text);
  return style.bold(text);
}

/** Where a terminal that cannot redraw prints the time left: each whole minute, 30 s and 10 s. */
export function isClockMilestone(seconds: number): boolean {
  return seconds > 0 && (seconds % 60 === 0 || seconds === 30 || seconds === 10);
}
