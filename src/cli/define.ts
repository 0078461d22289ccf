// What every command definition shares: the argument parsers, the examples
// block of --help, and the runner that builds a command's context when it runs.
import { InvalidArgumentError, type Command } from 'commander';
import type { CommandContext } from '../commands/context.js';

export interface GlobalOptions {
  deck: string[];
}

/** What a command's action is given: its context, made when it runs, and where its exit code goes. */
export interface CommandRunner {
  context(): CommandContext;
  exit(code: number): void;
}

/** Adds one top-level command (and its subcommands) to the program. */
export type DefineCommand = (program: Command, runner: CommandRunner) => void;

export const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return n;
}

export function integer(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

export function retention(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError('expected a number between 0 and 1, such as 0.9.');
  return n;
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
