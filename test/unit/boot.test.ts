import { describe, expect, it } from 'vitest';
import { bundleFor } from '../../src/boot.js';

const START = ['list', 'show', 'search'];

describe('bundleFor', () => {
  it('when the arguments name a command of start.cjs, after any --deck, then start.cjs runs it', () => {
    expect(bundleFor(['show', '1'], START)).toBe('start.cjs');
    expect(bundleFor(['--deck', 'drill.md', 'list', '--json'], START)).toBe('start.cjs');
    expect(bundleFor(['--deck=x.md', 'search', 'drill'], START)).toBe('start.cjs');
  });

  it('when they name any other command then main.cjs runs it, whatever options come first', () => {
    expect(bundleFor(['drill'], START)).toBe('main.cjs');
    expect(bundleFor(['--deck', 'list', 'drill'], START)).toBe('main.cjs');
    expect(bundleFor(['-V', 'mock', 'list'], START)).toBe('main.cjs');
    expect(bundleFor(['help', 'show'], START)).toBe('main.cjs');
    expect(bundleFor(['shwo'], START)).toBe('main.cjs');
  });

  it('when they name no command (help, the version, a usage error) then start.cjs, which has every command’s help', () => {
    for (const args of [[], ['--help'], ['-V'], ['--deck', 'x.md'], ['--bogus']]) expect(bundleFor(args, START)).toBe('start.cjs');
  });
});
