// Shared pieces of the hostile-input suite: fixtures, the one shape every
// failure must have, and a review log written by hand.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { kfqEnv, repoRoot, runKfq, tempHome, type RunResult } from '../e2e/run.js';

export { runKfq, tempHome, type RunResult };

export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

export function tempDir(prefix = 'kfq-hostile-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const STACK_LINE = /^\s+at .+[:)]/m;

/**
 * A failure the way kfq promises it: the exit code, nothing on stdout, one
 * `kfq: …` line (optionally followed by `hint: …` lines), no stack trace.
 */
export function expectCleanFailure(result: RunResult, code: number, message?: string | RegExp): void {
  const context = `exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
  expect(result.code, context).toBe(code);
  expect(result.stdout, context).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines[0], context).toMatch(/^kfq: \S/);
  expect(
    lines.slice(1).every((line) => line.startsWith('hint: ')),
    context,
  ).toBe(true);
  expect(result.stderr, context).not.toMatch(STACK_LINE);
  expect(result.stderr, context).not.toContain('this is a bug');
  if (message !== undefined) expect(lines[0], context).toMatch(message);
}

/** No stack trace and no "this is a bug" line, whatever the outcome. */
export function expectNoCrash(result: RunResult): void {
  const context = `exit ${result.code}\nstderr: ${result.stderr.slice(0, 2000)}`;
  expect(result.code, context).not.toBeNull();
  expect([0, 1, 2], context).toContain(result.code);
  expect(result.stderr, context).not.toMatch(STACK_LINE);
  expect(result.stderr, context).not.toContain('this is a bug');
}

/** Runs the built bin like runKfq, with room for huge output, and measures how long it took. */
export function timedKfq(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): RunResult & { ms: number } {
  const start = performance.now();
  const result = runKfq(args, { env: options.env, timeoutMs: options.timeoutMs ?? 25_000, maxBuffer: 512 * 1024 * 1024 });
  return { ...result, ms: performance.now() - start };
}

export interface ReviewRecord {
  questionId: string;
  deck: string;
  number: number;
  question: string;
  rating: 1 | 2 | 3 | 4;
  reviewedAt: string;
  durationMs: number;
  answer: string;
  mode: 'drill' | 'mock';
}

export const LOG_HEADER = JSON.stringify({ kfq: 'review-log', version: 1 });

/** A valid review of a built-in deck question, reviewed `daysAgo` days ago. */
export function review(number: number, daysAgo = 2, rating: ReviewRecord['rating'] = 3): ReviewRecord {
  return {
    questionId: `kubeflow/${number}`,
    deck: 'kubeflow',
    number,
    question: `question ${number}`,
    rating,
    reviewedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
    durationMs: 1000,
    answer: '',
    mode: 'drill',
  };
}

export function historyJson(home: string): ReviewRecord[] {
  const result = runKfq(['history', '--json', '--limit', '100000'], { env: { KFQ_HOME: home } });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ReviewRecord[];
}

/** True when this process may mount file systems (root in a permissive container). */
export const canMount: boolean = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = tempDir('kfq-mount-probe-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (mounted) spawnSync('umount', [dir]);
  return mounted;
})();

export function mount(args: string[]): void {
  const result = spawnSync('mount', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`mount ${args.join(' ')} failed: ${result.stderr}`);
}

export function unmount(dir: string): void {
  spawnSync('umount', ['-l', dir]);
}

/** The uid and gid of "nobody": a user who may read only what everybody may. */
export const NOBODY = 65534;

let nobodyInstall: string | undefined;

/**
 * Runs the built kfq as nobody. The checkout may sit in a folder only its owner
 * can enter (a clone in root's home, or in a mktemp folder), so kfq runs from a
 * copy of what an installed kfq consists of, in a folder everybody may read.
 */
export function runKfqAsNobody(args: string[], env: NodeJS.ProcessEnv): RunResult {
  if (nobodyInstall === undefined) {
    const install = tempDir('kfq-nobody-');
    for (const part of ['bin', 'dist', 'data', 'package.json']) cpSync(join(repoRoot, part), join(install, part), { recursive: true });
    spawnSync('chmod', ['-R', 'a+rX', install]);
    chmodSync(install, 0o755);
    nobodyInstall = install;
  }
  // An empty config folder the unprivileged user may read, as a user's own config folder is.
  const config = tempDir('kfq-nobody-config-');
  chmodSync(config, 0o755);
  const result = spawnSync(process.execPath, [join(nobodyInstall, 'bin', 'kfq.js'), ...args], {
    cwd: nobodyInstall,
    uid: NOBODY,
    gid: NOBODY,
    env: kfqEnv({ KFQ_CONFIG_HOME: config, ...env }),
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
