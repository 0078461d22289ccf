// Drives the built kfq in a real pseudo-terminal through tmux, the way a
// person would: start it at a given size, type keys, read the screen. Each
// session gets its own tmux server, on a socket in its temp folder (-S), so
// tests never touch anyone's tmux and leave nothing in /tmp/tmux-*.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kfqBin, kfqEnv, repoRoot } from './run.js';

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

export interface PtyOptions {
  args: string[];
  env?: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
}

export class PtySession {
  private constructor(
    private readonly socket: string,
    private readonly exitFile: string,
  ) {}

  /** Starts `node bin/kfq.js <args>` in a detached tmux session of the given size. */
  static start({ args, env = {}, cols = 80, rows = 30 }: PtyOptions): PtySession {
    const folder = mkdtempSync(join(tmpdir(), 'kfq-pty-'));
    const socket = join(folder, 'tmux.sock');
    const exitFile = join(folder, 'exit-code');
    const config = join(folder, 'tmux.conf');
    writeFileSync(config, 'set -g status off\n');
    const script = join(folder, 'run.sh');
    const command = [process.execPath, kfqBin, ...args].map(shellQuote).join(' ');
    // After kfq exits, record its code and keep the pane (and its last screen) untouched.
    const exit = shellQuote(exitFile);
    writeFileSync(script, `cd ${shellQuote(repoRoot)}\n${command}\necho $? > ${exit}.tmp && mv ${exit}.tmp ${exit}\nexec sleep 3600\n`);
    const environment = kfqEnv({ TERM: 'xterm-256color', ...env });
    delete environment.TMUX;
    execFileSync('tmux', ['-S', socket, '-f', config, 'new-session', '-d', '-s', 'kfq', '-x', String(cols), '-y', String(rows), `sh ${shellQuote(script)}`], {
      env: environment,
    });
    return new PtySession(socket, exitFile);
  }

  /** Types literal text. */
  typeText(text: string): void {
    this.tmux('send-keys', '-t', 'kfq', '-l', text);
  }

  /** Presses named keys (tmux names): Enter, Escape, C-c, BSpace, Up … */
  sendKeys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'kfq', ...keys);
  }

  /** The visible screen as plain text, trailing blanks trimmed. */
  capturePane(): string {
    return this.tmux('capture-pane', '-p', '-t', 'kfq')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** On a drill question: Enter reveals the answer, then the grade key (1–4). */
  async revealAndGrade(rating: '1' | '2' | '3' | '4'): Promise<void> {
    this.sendKeys('Enter');
    await this.waitFor('Reference answer');
    this.sendKeys(rating);
  }

  /** Waits until the screen shows the text (or matches), then returns the screen. */
  async waitFor(expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const screen = this.capturePane();
      if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) return screen;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(expected)}; the screen shows:\n${screen}`);
      await sleep(50);
    }
  }

  /** Waits for kfq to exit and returns its exit code. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const start = Date.now();
    for (;;) {
      if (existsSync(this.exitFile)) return Number(readFileSync(this.exitFile, 'utf8').trim());
      if (Date.now() - start > timeoutMs) throw new Error(`kfq did not exit; the screen shows:\n${this.capturePane()}`);
      await sleep(50);
    }
  }

  /** The process id of kfq itself, found among the pane's descendants. */
  pid(): number {
    const root = Number(this.tmux('display-message', '-p', '-t', 'kfq', '#{pane_pid}').trim());
    return kfqPidUnder(root);
  }

  kill(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }
}

export const startKfq = (options: PtyOptions): PtySession => PtySession.start(options);

export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The pid of the kfq process among the descendants of `root` (a pane's shell). */
export function kfqPidUnder(root: number): number {
  const processes = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), args: match[3]! }));
  const family = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of processes) {
      if (family.has(p.ppid) && !family.has(p.pid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  const kfq = processes.find((p) => family.has(p.pid) && p.args.includes(kfqBin));
  if (!kfq) throw new Error('kfq is not running in the pane');
  return kfq.pid;
}
