// Writing to the terminal: data to stdout, messages to stderr. Commands use
// these with the streams of their context instead of console.*, so the streams stay apart.
import { err } from './theme.js';
import { safeJson, safeLine } from './text.js';

type Stream = Pick<NodeJS.WritableStream, 'write'>;

// The newline goes on before the text is first read through: a long output is then
// made one flat string once, not again (a copy as big) when it is written.
export function printJson(stdout: Stream, value: unknown): void {
  stdout.write(safeJson(`${JSON.stringify(value, null, 2)}\n`));
}

export function printLines(stdout: Stream, lines: string[]): void {
  if (lines.length > 0) stdout.write([...lines, ''].join('\n'));
}

/** A non-fatal problem, on stderr. */
export function warn(stderr: Stream, message: string): void {
  stderr.write(`${err.yellow('warning:')} ${safeLine(message)}\n`);
}

/** Each problem as a warning naming the file (and line) it was found in. */
export function warnProblems(stderr: Stream, problems: Iterable<{ file: string; line?: number; message: string }>): void {
  for (const { file, line, message } of problems) warn(stderr, `${file}${line === undefined ? '' : `:${line}`}: ${message}`);
}

/** A status message for people (not data), on stderr. */
export function note(stderr: Stream, message: string): void {
  stderr.write(`${message}\n`);
}
