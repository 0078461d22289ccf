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

/**
 * The environment kfq runs in under test: no colour, no KFQ_DECK from the developer's shell and a
 * fresh config folder (never the developer's config.toml), unless given.
 */
export function kfqEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { KFQ_DECK: _, KFQ_SYNC_DIR: __, ...inherited } = process.env;
  return { ...inherited, FORCE_COLOR: '0', KFQ_CONFIG_HOME: tempHome(), ...env };
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  input?: string;
  cwd?: string;
  timeoutMs?: number;
  maxBuffer?: number;
}

export function runKfq(args: string[], options: RunOptions = {}): RunResult {
  const result = spawnSync(process.execPath, [kfqBin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: kfqEnv({ KFQ_HOME: tempHome(), ...options.env }),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 20_000,
    maxBuffer: options.maxBuffer,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
