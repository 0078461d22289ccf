// The one way kfq runs an interactive prompt: Ctrl+C (inquirer's
// ExitPromptError), SIGTERM and SIGHUP all become an InterruptedError with the
// right exit code (see interrupts.ts), so every command stops the same way.
import { watchInterrupts, type InterruptSource } from './interrupts.js';

/** A prompt made with @inquirer/core's createPrompt. */
type Prompt<Value, Config> = (config: Config, context?: { signal?: AbortSignal; clearPromptOnDone?: boolean }) => Promise<Value>;

export async function runPrompt<Value, Config>(
  prompt: Prompt<Value, Config>,
  config: Config,
  options: { clearOnDone?: boolean; source?: InterruptSource } = {},
): Promise<Value> {
  // Ctrl+C reaches a prompt as a key (ExitPromptError), not as SIGINT.
  const interrupts = watchInterrupts({ signals: ['SIGTERM', 'SIGHUP'], source: options.source });
  try {
    return await prompt(config, { signal: interrupts.signal, clearPromptOnDone: options.clearOnDone ?? false });
  } catch (error) {
    throw interrupts.interruption(error) ?? error;
  } finally {
    interrupts.dispose();
  }
}
