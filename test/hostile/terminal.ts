// A pseudo-terminal session (tmux) for what test/e2e/pty.ts does not cover:
// closing the terminal under kfq, resizing it, reading its title, piping
// stdout. kfq runs under a small sh wrapper that survives the hang-up, so its
// exit code and its stderr (in a file) can be read afterwards.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kfqBin, repoRoot } from '../e2e/run.js';
import { shellQuote, sleep, TmuxPane } from '../e2e/pty.js';

export { hasTmux, sleep } from '../e2e/pty.js';

export interface TerminalOptions {
  args: string[];
  env?: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
  /**
   * What the shell does when the terminal closes: 'forward' passes SIGHUP on to
   * kfq, as bash does to its jobs; 'absorb' keeps it, so kfq only sees its input end.
   */
  hangup?: 'forward' | 'absorb';
  /** Pipe kfq's stdout into cat, so stdin is a terminal but stdout is not (with hangup 'absorb'). */
  pipeStdout?: boolean;
  /** Record every byte kfq writes to the terminal (see raw()). */
  record?: boolean;
}

export class Terminal extends TmuxPane {
  private constructor(
    socket: string,
    private readonly folder: string,
  ) {
    super(socket);
  }

  static start({
    args,
    env = {},
    cols = 80,
    rows = 30,
    hangup = 'forward',
    pipeStdout = false,
    record = false,
  }: TerminalOptions): Terminal {
    const folder = mkdtempSync(join(tmpdir(), 'kfq-hostile-pty-'));
    const q = shellQuote;
    const command = [process.execPath, kfqBin, ...args].map(q).join(' ');
    const stderr = q(join(folder, 'stderr'));
    const exit = q(join(folder, 'exit'));
    const pid = q(join(folder, 'pid'));
    const run =
      hangup === 'forward'
        ? // A background job of a non-interactive sh gets /dev/null as stdin unless it is given the terminal explicitly.
          [
            `trap 'kill -HUP $kfq 2>/dev/null' HUP`,
            'exec 3<&0',
            `${command} 0<&3 3<&- 2>${stderr} &`,
            'kfq=$!',
            'exec 3<&-',
            `echo $kfq > ${pid}`,
            'while :; do wait $kfq; code=$?; kill -0 $kfq 2>/dev/null || break; done',
          ]
        : pipeStdout
          ? // sh has no pipefail: the subshell records kfq's own status.
            [
              `trap ':' HUP`,
              `(${command} 2>${stderr}; echo $? > ${q(join(folder, 'status'))}) | cat`,
              `code=$(cat ${q(join(folder, 'status'))})`,
            ]
          : [`trap ':' HUP`, `${command} 2>${stderr}`, 'code=$?'];
    const script = join(folder, 'run.sh');
    const go = join(folder, 'go');
    // When recording, kfq waits until the recording has started.
    const wait = record ? [`while [ ! -f ${q(go)} ]; do sleep 0.02; done`] : [];
    // tmux sets TERM in its panes; a TERM asked for is set again inside.
    const term = env.TERM === undefined ? [] : [`export TERM=${q(env.TERM)}`];
    // The pane stays open after kfq exits (for its last screen) only while the terminal is alive.
    writeFileSync(
      script,
      [
        `cd ${q(repoRoot)}`,
        ...term,
        ...wait,
        ...run,
        `echo $code > ${exit}.tmp && mv ${exit}.tmp ${exit}`,
        'if [ -t 0 ]; then exec sleep 600; fi',
        '',
      ].join('\n'),
    );
    const terminal = new Terminal(TmuxPane.open(folder, script, { env, cols, rows, config: 'set -g allow-rename on\n' }), folder);
    if (record) {
      terminal.tmux('pipe-pane', '-o', '-t', 'kfq', `cat >> ${q(join(folder, 'raw'))}`);
      writeFileSync(go, '');
    }
    return terminal;
  }

  /** Everything written to the terminal so far, escape sequences and all (with record). */
  raw(): string {
    const file = join(this.folder, 'raw');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** The terminal's title, which an OSC 0/2 sequence would change. */
  title(): string {
    return this.tmux('display-message', '-p', '-t', 'kfq', '#{pane_title}').trim();
  }

  resize(cols: number, rows: number): void {
    this.tmux('resize-window', '-t', 'kfq', '-x', String(cols), '-y', String(rows));
  }

  async exitCode(timeoutMs = 10_000): Promise<number> {
    const file = join(this.folder, 'exit');
    const start = Date.now();
    while (!existsSync(file)) {
      if (Date.now() - start > timeoutMs) throw new Error(`kfq did not exit; stderr:\n${this.stderr()}`);
      await sleep(50);
    }
    return Number(readFileSync(file, 'utf8').trim());
  }

  stderr(): string {
    const file = join(this.folder, 'stderr');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /**
   * Ends the session for good. A kfq stuck in a loop never reads the closed
   * terminal and may never get its SIGHUP (the shell takes it), so it is killed.
   */
  dispose(): void {
    const pidFile = join(this.folder, 'pid');
    let pid: number | undefined;
    try {
      pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : this.pid();
    } catch {
      // The pane or kfq is gone already.
    }
    if (pid !== undefined && !existsSync(join(this.folder, 'exit'))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Exited meanwhile.
      }
    }
    this.close();
  }
}
