import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kfqBin, runKfq, tempHome } from './run.js';

let script: string;
let binDir: string;
const home = tempHome();

beforeAll(() => {
  const result = runKfq(['completion', 'bash']);
  expect(result.code).toBe(0);
  script = join(mkdtempSync(join(tmpdir(), 'kfq-completion-')), 'kfq.bash');
  writeFileSync(script, result.stdout);
  // The script calls `kfq __complete …` for categories and numbers: put a kfq on PATH.
  binDir = mkdtempSync(join(tmpdir(), 'kfq-bin-'));
  writeFileSync(join(binDir, 'kfq'), `#!/bin/sh\nexec "${process.execPath}" "${kfqBin}" "$@"\n`);
  chmodSync(join(binDir, 'kfq'), 0o755);
});

/** Sources the script in a real bash, completes `words` (the last is the one being typed) and returns COMPREPLY. */
function completeBash(...words: string[]): string[] {
  const quoted = words.map((word) => `'${word.replace(/'/g, "'\\''")}'`).join(' ');
  const program = `source '${script}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _kfq; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '--noprofile', '-c', program], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, KFQ_HOME: home, FORCE_COLOR: '0' },
  });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('kfq completion bash', () => {
  it('is valid bash', () => {
    const result = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('completes command names, and not hidden ones', () => {
    expect(completeBash('kfq', 'dr')).toEqual(['drill']);
    expect(completeBash('kfq', 's').sort()).toEqual(['search', 'show', 'stats', 'sync']);
    expect(completeBash('kfq', '')).not.toContain('__complete');
  });

  it('completes subcommands, options and option choices', () => {
    expect(completeBash('kfq', 'deck', 're')).toEqual(['remove']);
    expect(completeBash('kfq', 'export', '--fo')).toEqual(['--format', '--force']);
    expect(completeBash('kfq', 'export', '--format', '')).toEqual(['anki', 'csv', 'json', 'md']);
    expect(completeBash('kfq', '--deck', 'x.md', 'drill', '--order', 'r')).toEqual(['random']);
    expect(completeBash('kfq', 'completion', 'f')).toEqual(['fish']);
  });

  it('completes category names (quoted) and question numbers from the deck', () => {
    expect(completeBash('kfq', 'list', '-c', 'Bas')).toEqual(['Basic\\ Concepts']);
    expect(completeBash('kfq', 'drill', '--category', 'Adv')).toEqual(['Advanced\\ Topics', 'Advanced\\ and\\ Deployment\\ Topics']);
    expect(completeBash('kfq', 'show', '10')).toEqual(['10', '100']);
  });
});

describe('kfq completion zsh and fish', () => {
  it.each(['zsh', 'fish'])('prints a %s script that knows every command', (shell) => {
    const { code, stdout } = runKfq(['completion', shell]);
    expect(code).toBe(0);
    for (const command of ['list', 'show', 'search', 'drill', 'mock', 'stats', 'export', 'deck', 'completion'])
      expect(stdout).toContain(command);
    expect(stdout).not.toContain("'__complete'");
    expect(stdout).toMatch(shell === 'fish' ? /__complete categories/ : /_kfq_dynamic categories/);
  });

  it('lists categories for the scripts through the hidden command', () => {
    const { code, stdout } = runKfq(['__complete', 'categories']);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toContain('Basic Concepts');
    expect(runKfq(['__complete', 'numbers']).stdout.split('\n')[0]).toBe('1\tWhat is Kubeflow?');
  });
});
