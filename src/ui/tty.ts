import { UsageError } from '../errors.js';

/** Interactive commands call this first: inquirer would wait on a pipe, then fail late. */
export function requireInteractiveTerminal(command: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(`${command} is interactive and needs a terminal (stdin and stdout must be a TTY)`, {
      hint: 'run it directly in a terminal; for scripts use kfq list, kfq show or kfq search with --json',
    });
  }
}
