// A command context for unit tests of commands: a real temporary KFQ_HOME,
// captured stdout and stderr, a fixed clock, no terminal.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CommandContext } from '../../src/commands/context.js';
import { kfqPaths } from '../../src/store/paths.js';

export interface FakeContext extends CommandContext {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export function fakeContext(options: { deckSpecs?: string[]; now?: Date; width?: number; home?: string } = {}): FakeContext {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'kfq-command-'));
  const env: NodeJS.ProcessEnv = { KFQ_HOME: home, KFQ_CONFIG_HOME: join(home, 'config') };
  const stdout = capture();
  const stderr = capture();
  const now = options.now ?? new Date('2025-03-10T09:00:00Z');
  return {
    deckSpecs: options.deckSpecs ?? [],
    paths: kfqPaths(env),
    now: () => now,
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stdout: stdout.stream,
    stderr: stderr.stream,
    width: options.width,
    isTTY: false,
    env,
    out: stdout.text,
    err: stderr.text,
  };
}
