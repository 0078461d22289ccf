// The terminal while drill, mock or show's pager runs: raw keys in, whole
// frames out. One session shows one screen at a time; a screen draws a frame
// from its state and reacts to keys. Drawing is coalesced (a paste of any
// size redraws once), so the event loop stays free for Ctrl+C, signals and
// the countdown. A terminal that cannot move the cursor (TERM=dumb or unset)
// gets a plain session: screens print lines as they go, no escape sequence at all.
import { InterruptedError } from '../errors.js';
import { watchInterrupts, type InterruptSource, type StopSignal } from './interrupts.js';
import { KeyReader, type Key } from './keys.js';
import { fitColumns } from './text.js';
import { terminalClosed } from './tty.js';

export interface Size {
  cols: number;
  rows: number;
}

export interface Frame {
  lines: string[];
  /** Where the cursor shows (0-based); hidden when absent. */
  cursor?: { row: number; col: number };
}

export interface ScreenControl<T> {
  /** True on a terminal that cannot move the cursor: print as you go, never draw. */
  readonly plain: boolean;
  done(value: T): void;
  fail(error: unknown): void;
  /** Draws the frame again (soon, once, however often it is asked). */
  redraw(): void;
  /** Plain sessions: writes text as it is. */
  print(text: string): void;
  /** Drops keys that arrived before the screen changed under them (the rest of this input, and what is waiting to be read). */
  fresh(): void;
  size(): Size;
}

export interface Screen<T> {
  /** Called once when the screen appears; may start timers and print (plain). Returns a cleanup. */
  start?(control: ScreenControl<T>): (() => void) | void;
  /** The frame on a full terminal. */
  draw(size: Size): Frame;
  key(key: Key, control: ScreenControl<T>): void;
}

export type { StopSignal };

/** How long a lone Esc waits for the rest of a key's sequence. */
const ESCAPE_WAIT_MS = 50;
const ENTER_FULL = '\u001b[?1049h\u001b[?2004h\u001b[?25l';
const LEAVE_FULL = '\u001b[?2004l\u001b[?25h\u001b[?1049l';
const ANY_ESCAPE = /\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;

/** Terminals that cannot move the cursor (TERM=dumb, or no TERM outside Windows) get plain, line-by-line screens. */
export function cursorMovesOn(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  const term = env.TERM ?? '';
  return term === '' ? platform === 'win32' : term !== 'dumb';
}

interface Mounted {
  screen: Screen<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  cleanup?: () => void;
}

export class TerminalSession {
  readonly plain: boolean;
  private readonly reader = new KeyReader();
  private current: Mounted | undefined;
  private stopped: StopSignal | undefined;
  private readonly stopListeners: ((signal: StopSignal) => void)[] = [];
  private armed = false;
  /** Bumped whenever input before this point is to be dropped. */
  private generation = 0;
  private drawPending = false;
  private escapeTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly detach: (() => void)[] = [];

  private constructor(
    private readonly input: NodeJS.ReadStream,
    private readonly output: NodeJS.WriteStream,
    plain: boolean,
    private readonly signals: InterruptSource,
  ) {
    this.plain = plain;
  }

  static open(
    options: { input?: NodeJS.ReadStream; output?: NodeJS.WriteStream; plain?: boolean; signals?: InterruptSource } = {},
  ): TerminalSession {
    const session = new TerminalSession(
      options.input ?? process.stdin,
      options.output ?? process.stdout,
      options.plain ?? !cursorMovesOn(),
      options.signals ?? process,
    );
    session.attach();
    return session;
  }

  /** Called at once (before anything is drawn) when Ctrl+C, a signal or a closed terminal stops the session. */
  onStop(listener: (signal: StopSignal) => void): () => void {
    this.stopListeners.push(listener);
    return () => {
      const at = this.stopListeners.indexOf(listener);
      if (at >= 0) this.stopListeners.splice(at, 1);
    };
  }

  /** Shows a screen until it is done; rejects with InterruptedError when the session is stopped. */
  show<T>(screen: Screen<T>): Promise<T> {
    if (this.stopped) return Promise.reject(new InterruptedError(this.stopped));
    return new Promise<T>((resolve, reject) => {
      const mounted: Mounted = { screen: screen as Screen<unknown>, resolve: resolve as (value: unknown) => void, reject };
      this.current = mounted;
      this.dropPending();
      const control = this.control(mounted);
      mounted.cleanup = screen.start?.(control as ScreenControl<T>) ?? undefined;
      if (this.current === mounted) this.scheduleDraw();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.escapeTimer);
    for (const undo of this.detach.splice(0)) undo();
    if (!this.plain) this.write(LEAVE_FULL);
    try {
      if (this.input.isTTY) this.input.setRawMode(false);
    } catch {
      // The terminal is gone.
    }
    this.input.pause();
  }

  private attach(): void {
    if (this.input.isTTY) this.input.setRawMode(true);
    this.input.setEncoding('utf8');
    const onData = (chunk: string): void => this.onData(chunk);
    const onEnd = (): void => this.stop('SIGHUP');
    const onResize = (): void => {
      // Terminals that reflow text leave pieces of the old frame: start from a clean screen.
      if (!this.plain) this.write('\u001b[2J');
      this.scheduleDraw();
    };
    this.input.on('data', onData);
    this.input.on('end', onEnd);
    this.input.on('error', onEnd);
    this.output.on('resize', onResize);
    this.detach.push(() => {
      this.input.off('data', onData);
      this.input.off('end', onEnd);
      this.input.off('error', onEnd);
      this.output.off('resize', onResize);
    });
    // The end of stdin is watched above, on the session's own input; the signals through the one interrupts module.
    const interrupts = watchInterrupts({ onStop: (signal) => this.stop(signal), source: this.signals });
    this.detach.push(() => interrupts.dispose());
    this.input.resume();
    if (!this.plain) this.write(ENTER_FULL);
  }

  private control(mounted: Mounted): ScreenControl<unknown> {
    const active = (): boolean => this.current === mounted;
    return {
      plain: this.plain,
      done: (value) => {
        if (!active()) return;
        this.unmount();
        mounted.resolve(value);
      },
      fail: (error) => {
        if (!active()) return;
        this.unmount();
        mounted.reject(error);
      },
      redraw: () => {
        if (active()) this.scheduleDraw();
      },
      print: (text) => {
        if (active()) this.write(this.plain ? text.replace(ANY_ESCAPE, '') : text);
      },
      fresh: () => {
        if (active()) this.dropPending();
      },
      size: () => this.size(),
    };
  }

  private unmount(): void {
    const mounted = this.current;
    this.current = undefined;
    mounted?.cleanup?.();
    this.dropPending();
  }

  /** Input already received or waiting in the terminal is dropped: it was typed for what was on screen before. */
  private dropPending(): void {
    this.generation++;
    this.armed = false;
    const generation = this.generation;
    // setImmediate runs after the pending input has been read (and dropped).
    setImmediate(() => {
      if (this.generation === generation) this.armed = true;
    });
  }

  private onData(chunk: string): void {
    clearTimeout(this.escapeTimer);
    this.dispatch(this.reader.read(chunk));
    // A lone Esc with nothing after it soon is the Escape key, not the start of an arrow key's sequence.
    if (this.reader.pending) this.escapeTimer = setTimeout(() => this.dispatch(this.reader.flush()), ESCAPE_WAIT_MS);
  }

  private dispatch(keys: Key[]): void {
    const generation = this.generation;
    for (const key of keys) {
      // Ctrl+C and Ctrl+D (on any screen) stop the session, whenever they arrive.
      if (key.name === 'ctrl-c' || key.name === 'ctrl-d') return this.stop('SIGINT');
      if (!this.armed || this.generation !== generation) continue;
      const mounted = this.current;
      if (!mounted) continue;
      try {
        mounted.screen.key(key, this.control(mounted));
      } catch (error) {
        this.control(mounted).fail(error);
      }
    }
  }

  private stop(signal: StopSignal): void {
    if (this.stopped) return;
    this.stopped = signal;
    for (const listener of [...this.stopListeners]) listener(signal);
    const mounted = this.current;
    this.unmount();
    mounted?.reject(new InterruptedError(signal));
  }

  private size(): Size {
    const cols = this.output.columns || Number(process.env.COLUMNS) || 80;
    const rows = this.output.rows || Number(process.env.LINES) || 24;
    return { cols: Math.max(20, cols), rows: Math.max(8, rows) };
  }

  private scheduleDraw(): void {
    if (this.plain || this.drawPending) return;
    this.drawPending = true;
    setImmediate(() => {
      this.drawPending = false;
      this.draw();
    });
  }

  private draw(): void {
    const mounted = this.current;
    if (!mounted || this.closed) return;
    const size = this.size();
    const frame = mounted.screen.draw(size);
    const lines = frame.lines.slice(0, size.rows).map((line) => `${fitColumns(line, size.cols)}\u001b[K`);
    let text = `\u001b[H${lines.join('\r\n')}\u001b[J`;
    text += frame.cursor ? `\u001b[${frame.cursor.row + 1};${Math.min(frame.cursor.col, size.cols - 1) + 1}H\u001b[?25h` : '\u001b[?25l';
    this.write(text);
  }

  private write(text: string): void {
    if (this.stopped === 'SIGHUP' || terminalClosed()) return;
    try {
      this.output.write(text);
    } catch {
      // A terminal closing under the write: the hang-up ends the session.
    }
  }
}
