// A deck can carry code: gray-matter evaluates `---js` front matter with eval,
// and js-yaml has tags for functions. kfq must never run any of it, whichever
// command reads the deck. Each fixture writes a marker file if it ever runs.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanFailure, fixture, runKfq, tempDir, tempHome } from './helpers.js';
import { hasTmux, Terminal } from './terminal.js';

const CODE_DECKS = ['js-front-matter-js.md', 'js-front-matter-javascript.md', 'js-front-matter-coffee.md'];
const REFUSAL = /JavaScript front matter is not supported; kfq never runs code from a deck/;

function setup(): { home: string; marker: string; env: NodeJS.ProcessEnv } {
  const home = tempHome();
  const marker = join(tempDir(), 'marker');
  return { home, marker, env: { KFQ_HOME: home, KFQ_HOSTILE_MARKER: marker } };
}

// Every language through list; the rest of the commands with the `---js` deck.
describe.each(CODE_DECKS)('%s is refused by list, never run', (name) => {
  it('exit 2, one line, no marker', () => {
    const { marker, env } = setup();
    expectCleanFailure(runKfq(['--deck', fixture(name), 'list'], { env }), 2, REFUSAL);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('the ---js deck is refused by every command, never run', () => {
  const deck = fixture('js-front-matter-js.md');

  it.each([
    ['show', ['show', '1']],
    ['search', ['search', 'pod']],
    ['stats', ['stats']],
    ['export csv', ['export', '--format', 'csv']],
    ['export md', ['export', '--format', 'md']],
    ['list --json', ['list', '--json']],
  ])('by %s: exit 2, one line, no marker', (_, args) => {
    const { marker, env } = setup();
    expectCleanFailure(runKfq(['--deck', deck, ...args], { env }), 2, REFUSAL);
    expect(existsSync(marker)).toBe(false);
  });

  it('when chosen through KFQ_DECK', () => {
    const { marker, env } = setup();
    expectCleanFailure(runKfq(['list'], { env: { ...env, KFQ_DECK: deck } }), 2, REFUSAL);
    expect(existsSync(marker)).toBe(false);
  });

  it('by export to a file: nothing written', () => {
    const { marker, env } = setup();
    const output = join(tempDir(), 'out.json');
    expectCleanFailure(runKfq(['--deck', deck, 'export', '--format', 'json', '-o', output], { env }), 2, REFUSAL);
    expect(existsSync(output)).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it('by deck add: exit 2, nothing installed', () => {
    const { home, marker, env } = setup();
    expectCleanFailure(runKfq(['deck', 'add', deck, '--name', 'evil'], { env }), 2, REFUSAL);
    expect(existsSync(join(home, 'decks', 'evil.md'))).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it('by validate: reported as a problem (exit 1), not run', () => {
    const { marker, env } = setup();
    const result = runKfq(['validate', deck], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(REFUSAL);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(marker)).toBe(false);
  });

  it('by deck list and shell completion when it sits among the installed decks', () => {
    const { home, marker, env } = setup();
    mkdirSync(join(home, 'decks'), { recursive: true });
    copyFileSync(deck, join(home, 'decks', 'evil.md'));
    const listed = runKfq(['deck', 'list', '--json'], { env });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ name: 'evil', questions: 0, error: expect.stringMatching(REFUSAL) }),
    ]);
    expectCleanFailure(runKfq(['--deck', 'evil', '__complete', 'categories'], { env }), 2, REFUSAL);
    expect(existsSync(marker)).toBe(false);
  });
});

describe('YAML tags that would build functions', () => {
  it('are a YAML error (exit 2), never run', () => {
    const { marker, env } = setup();
    expectCleanFailure(runKfq(['--deck', fixture('yaml-js-tags.md'), 'list'], { env }), 2, /front matter is not valid YAML: unknown tag/);
    expect(existsSync(marker)).toBe(false);
  });
});

describe.skipIf(!hasTmux)('interactive commands on a deck with code', () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.dispose());

  it.each([
    ['drill', ['drill']],
    ['mock', ['mock', '-n', '1']],
  ])('%s stops before any screen, exit 2, marker absent', async (_, args) => {
    const { marker, env } = setup();
    terminal = Terminal.start({ args: ['--deck', fixture('js-front-matter-js.md'), ...args], env, hangup: 'absorb' });
    expect(await terminal.exitCode()).toBe(2);
    expect(terminal.stderr()).toMatch(new RegExp(`^kfq: .*${REFUSAL.source}\\nhint: .*\\n$`));
    expect(terminal.screen()).not.toMatch(/1\/|Mock interview/);
    expect(existsSync(marker)).toBe(false);
  });
});
