import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import { afterAll, describe, expect, it } from 'vitest';
import { isTerminal } from '../../../src/ui/isTerminal.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-is-terminal-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('isTerminal', () => {
  it('when the descriptor is a file or /dev/null (a character device, not a terminal), then no, as tty.isatty says', () => {
    for (const path of [join(temp, 'file'), '/dev/null']) {
      const fd = openSync(path, 'w');
      try {
        expect(isTerminal(fd)).toBe(false);
        expect(isTerminal(fd)).toBe(isatty(fd));
      } finally {
        closeSync(fd);
      }
    }
  });

  it('when the descriptor is not open, then no', () => {
    expect(isTerminal(9999)).toBe(false);
  });

  it('gives tty.isatty’s answer for this process’s own stdin, stdout and stderr', () => {
    for (const fd of [0, 1, 2]) expect(isTerminal(fd)).toBe(isatty(fd));
  });
});
