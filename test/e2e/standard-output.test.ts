// Off a terminal kfq writes stdout straight to descriptor 1 (src/ui/standardOutput.ts)
// and asks node:tty nothing (src/ui/isTerminal.ts): a start whose output is a pipe
// loads none of Node's network modules. What it writes is what process.stdout wrote:
// every byte in order, also to a reader that stalls, and a reader that leaves early is no error.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kfqBin, kfqEnv, repoRoot, runKfq, tempHome } from './run.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-stdout-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A deck whose `list --json` is far more than a pipe holds. */
function bigDeck(): string {
  const file = join(temp, 'big.md');
  const questions = Array.from(
    { length: 3000 },
    (_, i) =>
      `## Q${i + 1}. What does step ${i + 1} of the pipeline do?\n\nStep ${i + 1} ${'trains, tunes and serves the model; '.repeat(6)}\n`,
  );
  writeFileSync(file, `# Big deck\n\n${questions.join('\n')}`);
  return file;
}

/** Runs kfq with stdout and stderr pipes; NODE_OPTIONS may preload a script. */
function runAsync(
  args: string[],
  env: NodeJS.ProcessEnv,
  read: (stdout: NodeJS.ReadableStream, chunks: Buffer[]) => void,
): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [kfqBin, ...args], { cwd: repoRoot, env: kfqEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end();
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('error', () => undefined);
    read(child.stdout, chunks);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks), stderr }));
  });
}

describe('the Node modules a start loads when stdout and stderr are pipes', () => {
  const preload = join(temp, 'modules.cjs');
  writeFileSync(
    preload,
    "process.on('exit', () => require('node:fs').writeFileSync(process.env.KFQ_TEST_MODULES, JSON.stringify(process.moduleLoadList)));\n",
  );
  const home = tempHome();

  it.each([[['--help']], [['show', '1']], [['list', '--json']], [['search', 'katib']]])(
    'kfq %j loads neither node:net nor node:tty',
    (args) => {
      expect(runKfq(args, { env: { KFQ_HOME: home } }).code).toBe(0); // The deck cache exists from here on, as in the benchmark.
      const modules = join(temp, `modules-${args.join('-')}.json`);
      const result = runKfq(args, { env: { KFQ_HOME: home, KFQ_TEST_MODULES: modules, NODE_OPTIONS: `--require ${preload}` } });
      expect(result.code, result.stderr).toBe(0);
      const loaded: string[] = JSON.parse(readFileSync(modules, 'utf8'));
      expect(loaded.filter((name) => /^NativeModule (net|tty)$/.test(name))).toEqual([]);
    },
  );
});

describe('stdout off a terminal', () => {
  const deck = bigDeck();
  const home = tempHome();
  const whole = runKfq(['--deck', deck, 'list', '--json'], { env: { KFQ_HOME: home }, maxBuffer: 64 << 20 });

  it('when the reader stalls on a descriptor left non-blocking, then every byte still arrives in order, exit 0', async () => {
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout.length).toBeGreaterThan(1 << 20);
    // Making process.stdout first leaves descriptor 1 non-blocking, as some parents pass it: writes meet EAGAIN.
    const preload = join(temp, 'nonblocking.cjs');
    writeFileSync(preload, 'process.stdout;\n');
    const result = await runAsync(
      ['--deck', deck, 'list', '--json'],
      { KFQ_HOME: home, NODE_OPTIONS: `--require ${preload}` },
      (stdout, chunks) => {
        stdout.pause();
        setTimeout(() => {
          stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
          stdout.resume();
        }, 1000);
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.toString('utf8')).toBe(whole.stdout);
  });

  it('when the reader leaves after the first bytes (kfq list | head), then kfq exits 0 and says nothing', async () => {
    const result = await runAsync(['--deck', deck, 'list', '--json'], { KFQ_HOME: home }, (stdout, chunks) => {
      stdout.once('data', (chunk: Buffer) => {
        chunks.push(chunk);
        (stdout as NodeJS.ReadableStream & { destroy(): void }).destroy();
      });
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.length).toBeGreaterThan(0);
  });
});
