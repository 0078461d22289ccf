import { describe, expect, it } from 'vitest';
import { startFor } from '../../src/boot.js';

const START = ['list', 'show', 'search'];

describe('startFor', () => {
  it('when the arguments name a command of start.cjs, after any --deck, then start.cjs runs it, with that command’s code cache', () => {
    expect(startFor(['show', '1'], START)).toEqual({ bundle: 'start.cjs', command: 'show' });
    expect(startFor(['--deck', 'drill.md', 'list', '--json'], START)).toEqual({ bundle: 'start.cjs', command: 'list' });
    expect(startFor(['--deck=x.md', 'search', 'drill'], START)).toEqual({ bundle: 'start.cjs', command: 'search' });
  });

  it('when they name any other command then main.cjs runs it, whatever options come first', () => {
    for (const args of [['drill'], ['--deck', 'list', 'drill'], ['-V', 'mock', 'list'], ['help', 'show'], ['shwo']])
      expect(startFor(args, START)).toEqual({ bundle: 'main.cjs' });
  });

  it('when they name no command (help, the version, a usage error) then start.cjs, which has every command’s help', () => {
    for (const args of [[], ['--help'], ['-V'], ['--deck', 'x.md'], ['--bogus']])
      expect(startFor(args, START)).toEqual({ bundle: 'start.cjs' });
  });
});
