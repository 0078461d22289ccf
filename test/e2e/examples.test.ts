// Every example in README.md and in each command's --help runs as written:
// `$ kfq …` lines and the lines of sh blocks that start with kfq. They run in
// order, in one home, through a shell with `kfq` on the PATH, as a user would
// type them. Interactive commands only have to reach the point where they ask
// for a terminal; an example that shows an error must print that error.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kfqBin, kfqEnv, repoRoot } from './run.js';

interface Example {
  command: string;
  /** Output lines the README shows under a `$` example. */
  shown: string[];
}

/** `$ kfq …` lines (with the output shown under them) and the kfq lines of sh blocks. */
function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let fence: string | undefined;
  let current: Example | undefined;
  for (const line of markdown.split('\n')) {
    const opening = /^```(\w*)/.exec(line);
    if (opening) {
      fence = fence === undefined ? opening[1] : undefined;
      current = undefined;
      continue;
    }
    if (fence === undefined) continue;
    if (line.startsWith('$ kfq ')) {
      current = { command: line.slice(2), shown: [] };
      examples.push(current);
    } else if (fence === 'sh' && line.startsWith('kfq ')) {
      examples.push({ command: line.replace(/\s+#.*$/, ''), shown: [] });
    } else if (current && line.trim() !== '') {
      current.shown.push(line);
    }
  }
  return examples;
}

/**
 * A shell like a user's: `kfq` on the PATH, a home, and in the working folder
 * the files the examples name as the user's own (a deck, an Anki export, a
 * folder of decks). Each group of examples gets its own, and runs in order.
 */
function userShell(): (command: string) => { code: number | null; stdout: string; stderr: string } {
  const root = mkdtempSync(join(tmpdir(), 'kfq-examples-'));
  const bin = join(root, 'bin');
  const home = join(root, 'home');
  const work = join(root, 'work');
  for (const folder of [bin, join(home, '.config', 'fish', 'completions'), join(work, 'decks')]) mkdirSync(folder, { recursive: true });
  writeFileSync(join(bin, 'kfq'), `#!/bin/sh\nexec "${process.execPath}" "${kfqBin}" "$@"\n`);
  chmodSync(join(bin, 'kfq'), 0o755);
  copyFileSync(join(repoRoot, 'test/fixtures/import/devops.md'), join(work, 'devops.md'));
  copyFileSync(join(repoRoot, 'test/fixtures/decks/tight-plain.md'), join(work, 'my-deck.md'));
  copyFileSync(join(repoRoot, 'test/fixtures/decks/heading-questions.md'), join(work, 'decks', 'headings.md'));
  copyFileSync(join(repoRoot, 'test/fixtures/import/anki-notes.txt'), join(work, 'anki-export.txt'));
  const env = kfqEnv({
    PATH: `${bin}:${process.env.PATH}`,
    HOME: home,
    KFQ_HOME: join(root, 'kfq-home'),
    KFQ_CONFIG_HOME: join(root, 'kfq-config'),
    COLUMNS: '80',
  });
  return (command) => {
    const result = spawnSync('sh', ['-c', command], { cwd: work, env, encoding: 'utf8', input: '', timeout: 30_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
}

const INTERACTIVE = /is interactive and needs a terminal|on a terminal only|needs a terminal|no terminal to ask in/;

function expectRuns(sh: ReturnType<typeof userShell>, example: Example): void {
  const result = sh(example.command);
  const context = `$ ${example.command}\nexit ${result.code}\nstdout: ${result.stdout.slice(0, 500)}\nstderr: ${result.stderr}`;
  expect(result.stderr, context).not.toMatch(/this is a bug|\n\s+at /);
  const shownError = example.shown.filter((line) => line.startsWith('kfq: ') || line.startsWith('hint: '));
  if (shownError.length > 0) {
    expect(result.stderr.trimEnd().split('\n'), context).toEqual(shownError);
    return;
  }
  if (INTERACTIVE.test(result.stderr)) return;
  // 1 is "nothing found" (no report yet, too few reviews to fit): said in one kfq line, not a usage error.
  expect([0, 1], context).toContain(result.code);
  if (result.code === 0) expect(result.stderr, context).not.toMatch(/^kfq: /m);
}

describe('README examples', () => {
  const examples = readmeExamples(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
  const sh = userShell();
  // The README shows a deck the user added as k8s.
  expect(sh(`kfq deck add ${join(repoRoot, 'test/fixtures/banks/k8s-question-headings.md')} --name k8s`).code).toBe(0);

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((example) => [example.command, example] as const))('%s', (_, example) => expectRuns(sh, example));
});

describe('--help examples', () => {
  const sh = userShell();
  /** Every command path: `kfq`, `kfq drill`, `kfq deck add`, … from the Commands of each help. */
  function commandPaths(path: string[] = []): string[][] {
    const help = sh(['kfq', ...path, '--help'].join(' ')).stdout;
    const section = help.split(/^Commands:$/m)[1] ?? '';
    const names = [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]!).filter((name) => name !== 'help');
    return [path, ...names.flatMap((name) => commandPaths([...path, name]))];
  }

  const examples = commandPaths().flatMap((path) => {
    const help = sh(['kfq', ...path, '--help'].join(' ')).stdout;
    return [...help.matchAll(/^ {2}\$ (kfq .*)$/gm)].map((match) => match[1]!);
  });

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  it.each(examples)('%s', (command) => expectRuns(sh, { command, shown: [] }));
});
