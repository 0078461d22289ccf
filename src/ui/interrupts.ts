// What stops an interactive session, in one place: SIGINT, SIGTERM, SIGHUP, the
// end of stdin (a closed terminal ends it before SIGHUP arrives) and a prompt's
// own Ctrl+C (inquirer's ExitPromptError) all become one InterruptedError with
// the signal's exit code. The process comes in as a parameter, so tests hand in
// an emitter of their own.
import { InterruptedError } from '../errors.js';

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** The part of `process` this module listens to. */
export interface InterruptSource {
  on(event: StopSignal, listener: () => void): unknown;
  off(event: StopSignal, listener: () => void): unknown;
  stdin: { on(event: 'end', listener: () => void): unknown; off(event: 'end', listener: () => void): unknown };
}

export interface Interrupts {
  /** The first stop received, if any. */
  readonly received: StopSignal | undefined;
  /** Aborted at the first stop: hand it to the prompt. */
  readonly signal: AbortSignal;
  /** The InterruptedError an error thrown by a prompt stands for (its own Ctrl+C counts as SIGINT); undefined for any other error. */
  interruption(error: unknown): InterruptedError | undefined;
  /** Stops listening. */
  dispose(): void;
}

export interface WatchOptions {
  /** The signals to catch; SIGINT is left out where the prompt sees Ctrl+C as a key. */
  signals?: readonly StopSignal[];
  /** Whether the end of stdin counts as a hang-up. */
  stdinEnd?: boolean;
  /** Called once, at the first stop, before the prompt is aborted: the place to save. */
  onStop?: (signal: StopSignal) => void;
  source?: InterruptSource;
}

/** Inquirer's Ctrl+C or closed-input error, and its abort, recognised by name so inquirer is not loaded to check. */
export function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

export function watchInterrupts({
  signals = ['SIGINT', 'SIGTERM', 'SIGHUP'],
  stdinEnd = false,
  onStop,
  source = process,
}: WatchOptions = {}): Interrupts {
  const controller = new AbortController();
  let received: StopSignal | undefined;
  const stop = (signal: StopSignal): void => {
    if (received) return;
    received = signal;
    onStop?.(signal);
    controller.abort(new InterruptedError(signal));
  };
  // Our own listeners also keep inquirer's signal-exit from re-raising the signal
  // and killing the process before the command has wound down.
  const listeners = signals.map((signal) => [signal, () => stop(signal)] as const);
  for (const [signal, listener] of listeners) source.on(signal, listener);
  const hangUp = (): void => stop('SIGHUP');
  if (stdinEnd) source.stdin.on('end', hangUp);
  return {
    get received() {
      return received;
    },
    signal: controller.signal,
    interruption(error) {
      if (!received && isPromptExit(error)) stop('SIGINT');
      return received ? new InterruptedError(received) : undefined;
    },
    dispose() {
      for (const [signal, listener] of listeners) source.off(signal, listener);
      if (stdinEnd) source.stdin.off('end', hangUp);
    },
  };
}
