// The one way kfq runs an interactive prompt: Ctrl+C (inquirer's
// ExitPromptError), SIGTERM and SIGHUP all become an InterruptedError with the
// right exit code, so every command stops the same way.
import { InterruptedError } from '../errors.js';

/** A prompt made with @inquirer/core's createPrompt. */
type Prompt<Value, Config> = (config: Config, context?: { signal?: AbortSignal; clearPromptOnDone?: boolean }) => Promise<Value>;

type Signal = 'SIGTERM' | 'SIGHUP';
const SIGNALS: readonly Signal[] = ['SIGTERM', 'SIGHUP'];

export async function runPrompt<Value, Config>(prompt: Prompt<Value, Config>, config: Config, options: { clearOnDone?: boolean } = {}): Promise<Value> {
  const controller = new AbortController();
  let received: Signal | undefined;
  // Our own listeners also keep inquirer's signal-exit from re-raising the signal
  // and killing the process before the command has wound down.
  const listeners = SIGNALS.map((signal) => {
    const listener = (): void => {
      received ??= signal;
      controller.abort(new InterruptedError(signal));
    };
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  try {
    return await prompt(config, { signal: controller.signal, clearPromptOnDone: options.clearOnDone ?? false });
  } catch (error) {
    if (received) throw new InterruptedError(received);
    if (error instanceof Error && error.name === 'ExitPromptError') throw new InterruptedError('SIGINT');
    throw error;
  } finally {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  }
}
