import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKfq } from './run.js';

const ANSI = /\u001b\[/;
const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version as string;

describe('kfq as a program', () => {
  it('prints help with every command and exits 0', () => {
    const { code, stdout } = runKfq(['--help']);
    expect(code).toBe(0);
    for (const command of [
      'list',
      'show',
      'search',
      'validate',
      'drill',
      'mock',
      'history',
      'stats',
      'export',
      'deck',
      'completion',
      'paths',
      'doctor',
    ]) {
      expect(stdout).toContain(command);
    }
    expect(stdout).toContain('Examples:');
  });

  it.each([
    'list',
    'show',
    'search',
    'validate',
    'drill',
    'mock',
    'history',
    'stats',
    'export',
    'paths',
    'doctor',
    'completion',
    'deck add',
    'deck list',
    'deck remove',
  ])('shows examples in `kfq %s --help`', (command) => {
    const { code, stdout } = runKfq([...command.split(' '), '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Examples:|\$ kfq/);
  });

  it('prints the package version', () => {
    expect(runKfq(['--version']).stdout.trim()).toBe(version);
  });

  it('treats an unknown command as a usage error with a suggestion', () => {
    const { code, stderr } = runKfq(['serch', 'katib']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Did you mean search\?/i);
  });

  it('treats an unknown option as a usage error', () => {
    const { code, stderr } = runKfq(['list', '--jsn']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown option/i);
  });

  it('rejects a bad option value with exit code 2', () => {
    expect(runKfq(['search', 'katib', '--limit', 'lots']).code).toBe(2);
  });
});

describe('kfq list', () => {
  it('lists categories with counts and every question, one line each, without colour when piped', () => {
    const { code, stdout } = runKfq(['list'], { env: { COLUMNS: '40' } });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ANSI);
    expect(stdout).toMatch(/10\s+Basic Concepts/);
    expect(stdout).toMatch(/^ +1\. What is Kubeflow\?$/m);
    expect(stdout).toMatch(/^ +13\. What’s the difference between installing Kubeflow locally and on a cloud provider\?$/m);
  });

  it('prints an array of questions with --json', () => {
    const questions = JSON.parse(runKfq(['list', '--json']).stdout);
    expect(questions).toHaveLength(100);
    expect(Object.keys(questions[0]).sort()).toEqual([
      'answer',
      'category',
      'deck',
      'due',
      'id',
      'line',
      'number',
      'prompt',
      'question',
      'state',
    ]);
    expect(questions[41]).toMatchObject({ id: 'kubeflow/42', number: 42, category: 'Advanced Topics', state: 'new', due: null });
  });

  it('narrows to a category by a case-insensitive prefix', () => {
    const questions = JSON.parse(runKfq(['list', '--category', 'pipelines', '--json']).stdout);
    expect(questions).toHaveLength(10);
    expect(questions.every((q: { category: string }) => q.category === 'Pipelines and Workflows')).toBe(true);
  });

  it('names the categories when the category is unknown', () => {
    const { code, stderr } = runKfq(['list', '--category', 'nope']);
    expect(code).toBe(2);
    expect(stderr).toContain('Basic Concepts');
  });

  it('keeps colour off with NO_COLOR and on with FORCE_COLOR', () => {
    expect(runKfq(['list'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(runKfq(['list'], { env: { FORCE_COLOR: undefined, NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
  });
});

describe('kfq show', () => {
  it('shows a question and its rendered answer', () => {
    const { code, stdout } = runKfq(['show', '15']);
    expect(code).toBe(0);
    expect(stdout).toContain('How do you troubleshoot Kubeflow installation issues?');
    expect(stdout).toContain('kubectl logs');
    expect(stdout).not.toContain('`');
  });

  it('accepts an id and prints one question with --json', () => {
    const question = JSON.parse(runKfq(['show', 'kubeflow/100', '--json']).stdout);
    expect(question.question).toBe('How does Kubeflow support model interpretability?');
    expect(question.answer).toContain('Use SHAP or LIME with Kubeflow pipelines');
  });

  it('exits 1 for a question that does not exist', () => {
    const { code, stderr } = runKfq(['show', '999']);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')[0]).toMatch(/^kfq: /);
  });
});

describe('kfq search', () => {
  it('finds the Katib questions', () => {
    const { code, stdout } = runKfq(['search', 'katib']);
    expect(code).toBe(0);
    expect(stdout).toContain('What is Katib, and how does it help in ML workflows?');
    expect(stdout).not.toMatch(ANSI);
  });

  it('tolerates typos', () => {
    expect(runKfq(['search', 'cannary', 'deploymnet']).stdout).toContain('What is a canary deployment in KFServing?');
  });

  it('prints questions with scores, best first, with --json', () => {
    const hits = JSON.parse(runKfq(['search', 'istio', 'traffic', 'split', '--limit', '3', '--json']).stdout);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits[0]).toMatchObject({ id: 'kubeflow/56', number: 56 });
    expect(typeof hits[0].score).toBe('number');
    expect(hits.map((h: { score: number }) => h.score)).toEqual([...hits.map((h: { score: number }) => h.score)].sort((a, b) => a - b));
  });

  it('exits 1 with a message on stderr when nothing matches, like grep', () => {
    const { code, stdout, stderr } = runKfq(['search', 'zzqxjv']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no question matches/);
  });

  it('when the query is off-topic for the deck ("feature store", "gpu") then it says so and exits 1', () => {
    for (const words of [['feature', 'store'], ['gpu']]) {
      const { code, stdout, stderr } = runKfq(['search', ...words]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/no question matches/);
    }
  });

  it('when nothing matches then --json still prints an array, [], and exits 1', () => {
    const { code, stdout, stderr } = runKfq(['search', 'zzqxjv', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(stderr).toMatch(/no question matches/);
  });

  it('when the query has filler words ("kubeflow vs mlflow") then the question comparing the two comes first', () => {
    const hits = JSON.parse(runKfq(['search', 'kubeflow', 'vs', 'mlflow', '--json']).stdout);
    expect(hits[0]).toMatchObject({ id: 'kubeflow/9', score: 0 });
  });

  it('never writes control characters of the query to stderr, not even in the KFQ_DEBUG stack trace', () => {
    for (const env of [{}, { KFQ_DEBUG: '1' }]) {
      const { code, stderr } = runKfq(['search', '\u001b[2Jzzqxjv'], { env });
      expect(code).toBe(1);
      expect(stderr).toContain('no question matches "\\x1b[2Jzzqxjv"');
      expect(stderr).not.toContain('\u001b');
    }
    expect(runKfq(['search', 'zzqxjv'], { env: { KFQ_DEBUG: '1' } }).stderr).toMatch(/\n\s+at /);
  });
});

describe('kfq validate', () => {
  it('passes the built-in deck', () => {
    const { code, stderr } = runKfq(['validate']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/no problems/);
  });

  it('reports problems as file:line: message and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kfq-validate-'));
    const file = join(dir, 'broken.md');
    writeFileSync(file, '# Intro\n\nJust some text, no questions here.\n');
    const { code, stdout } = runKfq(['validate', file]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file}`);
  });
});

describe('decks from elsewhere', () => {
  it('reads a deck given with --deck and with KFQ_DECK', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kfq-deck-'));
    const file = join(dir, 'mini.md');
    writeFileSync(file, '### **Mini**\n\n1. **What is a pod?**\n   - The smallest deployable unit.\n');
    expect(JSON.parse(runKfq(['--deck', file, 'list', '--json']).stdout)).toHaveLength(1);
    expect(JSON.parse(runKfq(['list', '--json'], { env: { KFQ_DECK: file } }).stdout)[0].id).toBe('mini/1');
  });

  it('fails with one line and exit 2 for a missing deck', () => {
    const { code, stderr } = runKfq(['--deck', '/nonexistent/deck.md', 'list']);
    expect(code).toBe(2);
    expect(stderr).toContain('/nonexistent/deck.md');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
