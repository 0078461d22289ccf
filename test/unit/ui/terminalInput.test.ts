// The pieces under drill's and mock's screens: keys from raw input, the
// answer buffer, the scrolling page and the countdown's milestones.
import { describe, expect, it } from 'vitest';
import { isClockMilestone } from '../../../src/ui/countdown.js';
import { KeyReader } from '../../../src/ui/keys.js';
import { LineInput, MAX_ANSWER_CHARS } from '../../../src/ui/lineInput.js';
import { cursorMovesOn } from '../../../src/ui/terminalSession.js';
import { Scroller } from '../../../src/ui/viewport.js';

describe('KeyReader', () => {
  it('when a chunk holds a long run of text then it is one text key, whatever its size', () => {
    const text = 'a'.repeat(100_000);
    const start = performance.now();
    expect(new KeyReader().read(text)).toEqual([{ name: 'text', text }]);
    expect(performance.now() - start).toBeLessThan(200);
  });

  it('when keys and text are mixed then each key comes in order', () => {
    const reader = new KeyReader();
    expect(reader.read('ab\r\u007f\u001b[A\u001b[6~\u001bOB\u0003\u001b')).toEqual([
      { name: 'text', text: 'ab' },
      { name: 'enter' },
      { name: 'backspace' },
      { name: 'up' },
      { name: 'pagedown' },
      { name: 'down' },
      { name: 'ctrl-c' },
    ]);
    expect(reader.flush()).toEqual([{ name: 'escape' }]);
  });

  it('when an arrow key is split across two reads then it is still one arrow key, not Escape', () => {
    const reader = new KeyReader();
    expect(reader.read('x\u001b')).toEqual([{ name: 'text', text: 'x' }]);
    expect(reader.pending).toBe(true);
    expect(reader.read('[B')).toEqual([{ name: 'down' }]);
    expect(reader.flush()).toEqual([]);
  });

  it('when a bracketed paste spans chunks then it arrives as one pasted text, newlines and all', () => {
    const reader = new KeyReader();
    expect(reader.read('x\u001b[200~one\r')).toEqual([{ name: 'text', text: 'x' }]);
    expect(reader.read('two\u001b[201~\r')).toEqual([{ name: 'text', text: 'one\rtwo', paste: true }, { name: 'enter' }]);
  });
});

describe('LineInput', () => {
  it('when input passes the maximum then it keeps the first MAX_ANSWER_CHARS characters and counts what it cut', () => {
    const input = new LineInput();
    input.insert('x'.repeat(MAX_ANSWER_CHARS - 2));
    expect(input.insert('abcd')).toBe('ab');
    expect(input.value).toHaveLength(MAX_ANSWER_CHARS);
    expect(input.cut).toBe(2);
  });

  it('when a paste has line breaks then they become spaces; backspace and Ctrl+W edit the end', () => {
    const input = new LineInput();
    input.insert('one\ntwo\r\nthree');
    expect(input.value).toBe('one two three');
    input.deleteWord();
    expect(input.value).toBe('one two ');
    input.insert('😀');
    input.backspace();
    expect(input.value).toBe('one two ');
  });
});

describe('Scroller', () => {
  const body = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`);
  const page = { header: ['HEADER'], body, footer: ['KEYS'] };

  it('when the body is taller than the screen then header and footer stay and the body scrolls to its end', () => {
    const scroller = new Scroller();
    let frame = scroller.layout(page, { cols: 40, rows: 15 });
    expect(frame.lines).toHaveLength(15);
    expect(frame.lines[0]).toBe('HEADER');
    expect(frame.lines.at(-1)).toBe('KEYS');
    expect(frame.lines).toContain('line 1');
    for (let n = 0; n < 20; n++) scroller.key({ name: 'pagedown' });
    frame = scroller.layout(page, { cols: 40, rows: 15 });
    expect(frame.lines[0]).toBe('HEADER');
    expect(frame.lines.at(-1)).toBe('KEYS');
    expect(frame.lines).toContain('line 100');
    expect(frame.lines.join('\n')).toMatch(/of 100 lines · end/);
  });

  it('when Space scrolls only where asked then it is a key like any other elsewhere', () => {
    const scroller = new Scroller();
    scroller.layout(page, { cols: 40, rows: 15 });
    expect(scroller.key({ name: 'text', text: ' ' })).toBe(false);
    expect(scroller.key({ name: 'text', text: ' ' }, { space: true })).toBe(true);
    expect(scroller.offset).toBeGreaterThan(0);
  });

  it('when the header is taller than half the screen then it goes on in the body, nothing lost', () => {
    const scroller = new Scroller();
    const tall = { header: Array.from({ length: 20 }, (_, i) => `question ${i + 1}`), body: ['answer'], footer: ['KEYS'] };
    const frame = scroller.layout(tall, { cols: 40, rows: 15 });
    expect(frame.lines).toHaveLength(15);
    expect(frame.lines.at(-1)).toBe('KEYS');
    for (let n = 0; n < 10; n++) scroller.key({ name: 'pagedown' });
    expect(scroller.layout(tall, { cols: 40, rows: 15 }).lines).toContain('answer');
  });
});

describe('terminals that cannot redraw', () => {
  it('when TERM is dumb or unset then the screens are plain (except on Windows, where no TERM is usual)', () => {
    expect(cursorMovesOn({ TERM: 'dumb' }, 'linux')).toBe(false);
    expect(cursorMovesOn({}, 'linux')).toBe(false);
    expect(cursorMovesOn({}, 'win32')).toBe(true);
    expect(cursorMovesOn({ TERM: 'xterm-256color' }, 'linux')).toBe(true);
  });

  it('when the countdown runs then it prints at each minute, 30 s and 10 s only', () => {
    const printed = Array.from({ length: 130 }, (_, i) => 130 - i).filter(isClockMilestone);
    expect(printed).toEqual([120, 60, 30, 10]);
  });
});
