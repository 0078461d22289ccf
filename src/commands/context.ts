// What every command is given instead of reaching for process: built once in cli.ts.
import type { KfqPaths } from '../store/paths.js';

export interface CommandContext {
  /** Decks named with --deck (or KFQ_DECK); empty means the built-in deck. */
  deckSpecs: string[];
  paths: KfqPaths;
  /** The clock: starts at KFQ_NOW when set, and runs on from there. */
  now: () => Date;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Terminal columns when stdout is a terminal; undefined when piped (never wrap then). */
  width: number | undefined;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}
