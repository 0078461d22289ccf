// Writing to the terminal: data to stdout, messages to stderr. Commands use
// these instead of console.* so the streams stay apart.
import { err } from './theme.js';
import { safeJson, safeLine } from './text.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${safeJson(JSON.stringify(value, null, 2))}\n`);
}

export function printLines(lines: string[]): void {
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}

/** A non-fatal problem, on stderr. */
export function warn(message: string): void {
  process.stderr.write(`${err.yellow('warning:')} ${safeLine(message)}\n`);
}

/** A status message for people (not data), on stderr. */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
