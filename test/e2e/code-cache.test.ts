// The built kfq starts from V8's code cache (src/boot.ts); a cache that does not
// fit the bundle, or arrived damaged, is never given to V8, and kfq still runs.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trainCodeCache } from '../../scripts/codeCache.js';
import { repoRoot, tempHome } from './run.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-code-cache-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A private copy of the built kfq, as the benchmark makes. */
function copyOfKfq(name: string): string {
  const dir = join(temp, name);
  for (const part of ['bin', 'dist', 'data', 'package.json']) cpSync(join(repoRoot, part), join(dir, part), { recursive: true });
  return dir;
}

type Bundle = 'start.cjs' | 'main.cjs';
/** The bundles, and start.cjs's commands with a code cache of their own. */
const STARTS: { bundle: Bundle; command?: string }[] = [
  { bundle: 'start.cjs' },
  { bundle: 'start.cjs', command: 'list' },
  { bundle: 'start.cjs', command: 'show' },
  { bundle: 'start.cjs', command: 'search' },
  { bundle: 'main.cjs' },
];

/** Whether boot gives V8 a cache for one of dir's bundles (or commands), and whether V8 takes it. */
function cacheUse(
  dir: string,
  home = tempHome(),
  start: { bundle: Bundle; command?: string } = { bundle: 'start.cjs' },
): { given: boolean; rejected: boolean } {
  const script = `const { cachedData, script } = require(${JSON.stringify(join(dir, 'dist', 'boot.cjs'))}).loadKfq(${JSON.stringify(join(dir, 'dist'))}, ${JSON.stringify(start)}); console.log(JSON.stringify({ given: cachedData !== undefined, rejected: script.cachedDataRejected === true }))`;
  const result = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, KFQ_HOME: home, NODE_OPTIONS: '' },
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { given: boolean; rejected: boolean };
}

function showFirst(dir: string, home = tempHome()): string {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'kfq.js'), 'show', '1', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, KFQ_HOME: home, NODE_OPTIONS: '' },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return (JSON.parse(result.stdout) as { question: string }).question;
}

/** A command main.cjs runs (start.cjs leaves it out): how many questions have been seen. */
function questionsSeen(dir: string, home = tempHome()): number {
  const result = spawnSync(process.execPath, [join(dir, 'bin', 'kfq.js'), 'stats', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, KFQ_HOME: home, NODE_OPTIONS: '' },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return (JSON.parse(result.stdout) as { questions: { seen: number } }).questions.seen;
}

describe('the code cache', () => {
  it.each(STARTS)('of $bundle $command is built with kfq, and V8 takes it', (start) => {
    expect(cacheUse(repoRoot, tempHome(), start)).toEqual({ given: true, rejected: false });
  });

  it('is not used for a copy of dist/ in another place (its code would name the old path) until trained there', () => {
    const dir = copyOfKfq('moved');
    expect(cacheUse(dir).given).toBe(false);
    expect(showFirst(dir)).toBe('What is Kubeflow?');
    trainCodeCache(join(dir, 'dist'));
    expect(cacheUse(dir)).toEqual({ given: true, rejected: false });
  });

  it('that does not fit (another place, another Node) is made anew for this Node in the cache folder by the first run, and used from then on', () => {
    const dir = copyOfKfq('installed');
    const home = tempHome();
    expect(cacheUse(dir, home).given).toBe(false);
    expect(showFirst(dir, home)).toBe('What is Kubeflow?');
    expect(readdirSync(join(home, 'cache', 'code'))).toEqual([
      expect.stringMatching(new RegExp(`^start-${process.version.replace(/\./g, '\\.')}-[0-9a-f]+\\.cache$`)),
    ]);
    expect(cacheUse(dir, home)).toEqual({ given: true, rejected: false });
    expect(showFirst(dir, home)).toBe('What is Kubeflow?');
    // The other bundle gets its own, beside it.
    expect(cacheUse(dir, home, { bundle: 'main.cjs' }).given).toBe(false);
    expect(questionsSeen(dir, home)).toBe(0);
    expect(readdirSync(join(home, 'cache', 'code')).map((name) => name.split('-')[0])).toEqual(['main', 'start']);
    expect(cacheUse(dir, home, { bundle: 'main.cjs' })).toEqual({ given: true, rejected: false });
    expect(cacheUse(dir, home)).toEqual({ given: true, rejected: false });
  });

  it('is not needed: a home that cannot be written only means no cache', () => {
    const dir = copyOfKfq('unwritable-home');
    const file = join(temp, 'a-file');
    writeFileSync(file, 'x');
    expect(showFirst(dir, file)).toBe('What is Kubeflow?');
  });

  it.each([
    [
      'a flipped byte',
      (file: string) => {
        const bytes = readFileSync(file);
        const middle = bytes.length >> 1;
        bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
        writeFileSync(file, bytes);
      },
    ],
    ['a truncated file', (file: string) => truncateSync(file, 1000)],
    ['an empty file', (file: string) => writeFileSync(file, '')],
  ])('with %s is ignored', (_, damage) => {
    const dir = copyOfKfq(`damaged-${Math.random().toString(36).slice(2)}`);
    trainCodeCache(join(dir, 'dist'));
    const caches = readdirSync(join(dir, 'dist')).filter((name) => name.endsWith('.cache'));
    expect(caches).toHaveLength(STARTS.length);
    for (const name of caches) damage(join(dir, 'dist', name));
    for (const start of STARTS) expect(cacheUse(dir, tempHome(), start).given).toBe(false);
    expect(showFirst(dir)).toBe('What is Kubeflow?');
    expect(questionsSeen(dir)).toBe(0);
  });

  it('made for another bundle of the same length is ignored', () => {
    const dir = copyOfKfq('edited');
    trainCodeCache(join(dir, 'dist'));
    const bundle = join(dir, 'dist', 'start.cjs');
    // Same length, other code: V8's own check (the length) would pass it.
    writeFileSync(
      bundle,
      readFileSync(bundle, 'utf8').replace('show a question and its reference answer', 'SHOW A QUESTION AND ITS REFERENCE ANSWER'),
    );
    expect(cacheUse(dir).given).toBe(false);
    expect(cacheUse(dir, tempHome(), { bundle: 'main.cjs' })).toEqual({ given: true, rejected: false });
    const help = spawnSync(process.execPath, [join(dir, 'bin', 'kfq.js'), '--help'], { encoding: 'utf8' });
    expect(help.stdout).toContain('SHOW A QUESTION AND ITS REFERENCE ANSWER');
  });
});
