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

/** The environment kfq runs in under test: no colour and no KFQ_DECK from the developer's shell, unless given. */
export function kfqEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { KFQ_DECK: _, KFQ_SYNC_DIR: __, ...inherited } = process.env;
  return { ...inherited, FORCE_COLOR: '0', KFQ_CONFIG_HOME: emptyConfigHome(), ...env };
}

let configHome: string | undefined;
/** A config folder with no config.toml, so the developer's own settings never reach a test. */
function emptyConfigHome(): string {
  return (configHome ??= mkdtempSync(join(tmpdir(), 'kfq-e2e-config-')));
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
