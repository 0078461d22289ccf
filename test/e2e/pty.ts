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

/** A tmux pane running a script, driven by keys and read back as text; each has its own tmux server. */
export class TmuxPane {
  protected constructor(private readonly socket: string) {}

  /** Starts `sh script` in a detached tmux session of the given size, with its socket and config in `folder`. */
  protected static open(
    folder: string,
    script: string,
    { env = {}, cols = 80, rows = 30, config = '' }: { env?: NodeJS.ProcessEnv; cols?: number; rows?: number; config?: string },
  ): string {
    const socket = join(folder, 'tmux.sock');
    const configFile = join(folder, 'tmux.conf');
    writeFileSync(configFile, `set -g status off\n${config}`);
    const environment = kfqEnv({ TERM: 'xterm-256color', ...env });
    delete environment.TMUX;
    execFileSync(
      'tmux',
      [
        '-S',
        socket,
        '-f',
        configFile,
        'new-session',
        '-d',
        '-s',
        'kfq',
        '-x',
        String(cols),
        '-y',
        String(rows),
        `sh ${shellQuote(script)}`,
      ],
      {
        env: environment,
      },
    );
    return socket;
  }

  /** Types literal text. */
  typeText(text: string): void {
    this.tmux('send-keys', '-t', 'kfq', '-l', text);
  }

  /** Pastes text the way a terminal does: all at once, bracketed when kfq asked for bracketed paste (unless `raw`). */
  paste(text: string, { raw = false }: { raw?: boolean } = {}): void {
    const file = join(mkdtempSync(join(tmpdir(), 'kfq-paste-')), 'buffer');
    writeFileSync(file, text);
    this.tmux('load-buffer', '-b', 'kfq-paste', file);
    this.tmux('paste-buffer', '-d', '-b', 'kfq-paste', '-t', 'kfq', ...(raw ? [] : ['-p']));
  }

  /** Presses named keys (tmux names): Enter, Escape, C-c, BSpace, Up … */
  sendKeys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'kfq', ...keys);
  }

  /** The visible screen as plain text, trailing blanks trimmed. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'kfq')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** Waits until the screen shows the text (or matches, or passes the test), then returns the screen. */
  async waitFor(expected: string | RegExp | ((screen: string) => boolean), timeoutMs = 10_000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const screen = this.screen();
      if (
        typeof expected === 'string' ? screen.includes(expected) : typeof expected === 'function' ? expected(screen) : expected.test(screen)
      )
        return screen;
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(expected)}; the screen shows:\n${screen}`);
      await sleep(50);
    }
  }

  /** The process id of kfq itself, found among the pane's descendants. */
  pid(): number {
    const root = Number(this.tmux('display-message', '-p', '-t', 'kfq', '#{pane_pid}').trim());
    return kfqPidUnder(root);
  }

  /** Closes the terminal (its tmux server) under whatever runs in it. */
  close(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server']);
  }

  protected tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, ...args], { encoding: 'utf8' });
  }
}

export class PtySession extends TmuxPane {
  private constructor(
    socket: string,
    private readonly exitFile: string,
  ) {
    super(socket);
  }

  /** Starts `node bin/kfq.js <args>` in a detached tmux session of the given size. */
  static start({ args, env, cols, rows }: PtyOptions): PtySession {
    const folder = mkdtempSync(join(tmpdir(), 'kfq-pty-'));
    const exitFile = join(folder, 'exit-code');
    const script = join(folder, 'run.sh');
    const command = [process.execPath, kfqBin, ...args].map(shellQuote).join(' ');
    // After kfq exits, record its code and keep the pane (and its last screen) untouched.
    const exit = shellQuote(exitFile);
    writeFileSync(script, `cd ${shellQuote(repoRoot)}\n${command}\necho $? > ${exit}.tmp && mv ${exit}.tmp ${exit}\nexec sleep 3600\n`);
    return new PtySession(TmuxPane.open(folder, script, { env, cols, rows }), exitFile);
  }

  /** On a drill question: Enter reveals the answer, then the grade key (1–4). */
  async revealAndGrade(rating: '1' | '2' | '3' | '4'): Promise<void> {
    this.sendKeys('Enter');
    await this.waitFor('Reference answer');
    this.sendKeys(rating);
  }

  /** Waits for kfq to exit and returns its exit code. */
  async exitCode(timeoutMs = 10_000): Promise<number> {
    const start = Date.now();
    for (;;) {
      if (existsSync(this.exitFile)) return Number(readFileSync(this.exitFile, 'utf8').trim());
      if (Date.now() - start > timeoutMs) throw new Error(`kfq did not exit; the screen shows:\n${this.screen()}`);
      await sleep(50);
    }
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
  for (let grew = true; grew;) {
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
