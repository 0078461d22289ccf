// Typed errors: thrown anywhere, turned into one stderr line and an exit code
// once, in src/cli.ts.

export const ExitCode = {
  ok: 0,
  /** A search with no hit or a validation that found problems, like grep. */
  notFound: 1,
  usage: 2,
  storage: 3,
  internal: 70,
  sighup: 129,
  interrupted: 130,
  sigterm: 143,
} as const;

export abstract class KfqError extends Error {
  abstract readonly exitCode: number;
  /** What the user can do about it; printed after the message. */
  readonly hint?: string;

  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options?.hint;
  }
}

/** Bad arguments, options or environment: exit 2. */
export class UsageError extends KfqError {
  readonly exitCode = ExitCode.usage;
}

/** A deck that cannot be read or has no usable questions: exit 2. */
export class DeckError extends KfqError {
  readonly exitCode = ExitCode.usage;
  readonly file: string;
  readonly line: number | undefined;
  /** The message without its `file:line: ` prefix. */
  readonly reason: string;

  constructor(file: string, line: number | undefined, message: string, options?: { hint?: string; cause?: unknown }) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`, options);
    this.file = file;
    this.line = line;
    this.reason = message;
  }
}

/** The history, reports or cache cannot be read or written safely: exit 3. */
export class StorageError extends KfqError {
  readonly exitCode = ExitCode.storage;
}

/** A lookup that found nothing (no such question, no search hit): exit 1. */
export class NotFoundError extends KfqError {
  readonly exitCode = ExitCode.notFound;
}

/** The user stopped an interactive session (Ctrl+C, a closed terminal, a signal). */
export class InterruptedError extends KfqError {
  readonly exitCode: number;
  constructor(signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP' = 'SIGINT') {
    super(`interrupted by ${signal}`);
    this.exitCode = signal === 'SIGHUP' ? ExitCode.sighup : signal === 'SIGTERM' ? ExitCode.sigterm : ExitCode.interrupted;
  }
}
