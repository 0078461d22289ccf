// Runs the built kfq bin as a child process, the way a user's shell would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const kfqBin = join(repoRoot, 'bin', 'kfq.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'kfq-e2e-'));
}

export function runKfq(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', KFQ_HOME: process.env.KFQ_TEST_HOME ?? tempHome(), ...options.env };
  delete env.KFQ_DECK;
  if (options.env?.KFQ_DECK !== undefined) env.KFQ_DECK = options.env.KFQ_DECK;
  const result = spawnSync(process.execPath, [kfqBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
