// Durations typed on the command line, and the interview clock.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { formatDuration, parseDuration } from '../../../src/practice/time.js';
import { secondsLeft, styleClock } from '../../../src/ui/countdown.js';
import { formatClock } from '../../../src/practice/time.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90],
    ['2m', 120],
    ['1m30s', 90],
    ['1h', 3600],
    ['1h5m', 3900],
    ['5s', 5],
    [' 2M ', 120],
  ])('%j is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '90', '2 m', '1.5m', '30s1m', 'm', '-5s', '0s', '2min', 'abc', '25h'])(
    '%j is a usage error that shows the accepted forms',
    (text) => {
      let error: unknown;
      try {
        parseDuration(text, '--per-question');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toContain('--per-question');
      expect((error as UsageError).hint).toMatch(/90s.*2m.*1m30s/);
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [90, '1m30s'],
    [120, '2m'],
    [5, '5s'],
    [3600, '1h'],
    [0, '0s'],
  ])('%i → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('the countdown', () => {
  it('rounds the time left up to whole seconds, from the wall clock', () => {
    const deadline = 1_000_000;
    expect(secondsLeft(deadline, deadline - 5000)).toBe(5);
    expect(secondsLeft(deadline, deadline - 4001)).toBe(5);
    expect(secondsLeft(deadline, deadline - 4000)).toBe(4);
    expect(secondsLeft(deadline, deadline - 1)).toBe(1);
    expect(secondsLeft(deadline, deadline)).toBe(0);
    expect(secondsLeft(deadline, deadline + 3000)).toBe(0);
  });

  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [90, '1:30'],
    [600, '10:00'],
    [3725, '1:02:05'],
  ])('shows %i seconds as %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });

  it('turns yellow in the last 30 seconds and red in the last 10, only with colour', () => {
    const colour = new Chalk({ level: 1 });
    expect(styleClock(31, colour)).not.toMatch(/\u001b\[3[13]m/);
    expect(styleClock(30, colour)).toContain('\u001b[33m');
    expect(styleClock(11, colour)).toContain('\u001b[33m');
    expect(styleClock(10, colour)).toContain('\u001b[31m');
    expect(styleClock(0, colour)).toContain('\u001b[31m');
    expect(styleClock(5, new Chalk({ level: 0 }))).toBe('0:05');
  });
});
