import { closeSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { isTerminal } from './isTerminal.js';

/** Interactive commands call this first: inquirer would wait on a pipe, then fail late. */
export function requireInteractiveTerminal(command: string): void {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(`${command} is interactive and needs a terminal (stdin and stdout must be a TTY)`, {
      hint: 'run it directly in a terminal; for scripts use kfq list, kfq show or kfq search with --json',
    });
  }
}

const STDIO = [0, 1, 2] as const;
const startedOnTerminal = STDIO.filter((fd) => isTerminal(fd));

/** True once the terminal kfq started on has gone away (window closed, ssh dropped): a hung-up TTY is no longer a TTY. */
export function terminalClosed(): boolean {
  return startedOnTerminal.some((fd) => !isTerminal(fd));
}

/**
 * Node restores the terminal's mode at exit and aborts (exit code 134) when
 * the terminal has gone; closing the dead descriptors first makes it skip them.
 */
export function releaseClosedTerminal(): void {
  if (!terminalClosed()) return;
  for (const fd of startedOnTerminal) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}
