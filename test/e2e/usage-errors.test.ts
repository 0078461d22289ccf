// Every failure has one style, commander's usage errors included: `kfq: <what>`,
// a hint naming the right --help, exit 2, nothing on stdout.
import { describe, expect, it } from 'vitest';
import { runKfq } from './run.js';

describe('when the command line is wrong', () => {
  it.each([
    [['drill', '--cont', '3'], "kfq: unknown option '--cont' (did you mean --count?)", 'kfq drill'],
    [['dril'], "kfq: unknown command 'dril' (did you mean drill?)", 'kfq'],
    [['show'], "kfq: missing required argument 'number|id'", 'kfq show'],
    [['deck', 'add'], "kfq: missing required argument 'path'", 'kfq deck add'],
    [['drill', '-n', 'x'], "kfq: option '-n, --count <n>' argument 'x' is invalid. expected a whole number of at least 1.", 'kfq drill'],
    [
      ['export', '--format', 'pdf'],
      "kfq: option '--format <format>' argument 'pdf' is invalid. Allowed choices are anki, csv, json, md.",
      'kfq export',
    ],
  ])('kfq %j says what is wrong in one line and which --help to read, exit 2', (args, message, command) => {
    const result = runKfq(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\nhint: run '${command} --help' for usage\n`);
  });
});
