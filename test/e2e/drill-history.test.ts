// kfq history and kfq paths: the review log and where kfq keeps its files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKfq, tempHome } from './run.js';

function logLine(n: number, rating: number, reviewedAt: string, mode = 'drill'): string {
  return JSON.stringify({
    questionId: `kubeflow/${n}`,
    deck: 'kubeflow',
    number: n,
    question: `Question number ${n}?`,
    rating,
    reviewedAt,
    durationMs: 1000 * n,
    answer: `typed ${n}`,
    mode,
  });
}

describe('kfq history', () => {
  it('says how to start when there is no history, on stderr; --json prints []', () => {
    const home = tempHome();
    const human = runKfq(['history'], { env: { KFQ_HOME: home } });
    expect(human).toMatchObject({ code: 0, stdout: '', stderr: 'No reviews yet. Start practising with: kfq drill\n' });
    expect(runKfq(['history', '--json'], { env: { KFQ_HOME: home } })).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('prints reviews newest first, up to the limit, as JSON with exactly the documented fields', () => {
    const home = tempHome();
    const lines = [
      '{"kfq":"review-log","version":1}',
      logLine(1, 3, '2025-01-01T10:00:00.000Z'),
      logLine(2, 1, '2025-01-03T10:00:00.000Z', 'mock'),
      logLine(3, 4, '2025-01-02T10:00:00.000Z'),
    ];
    writeFileSync(join(home, 'reviews.jsonl'), `${lines.join('\n')}\n`);
    const { code, stdout } = runKfq(['history', '--json', '--limit', '2'], { env: { KFQ_HOME: home } });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      {
        id: 'kubeflow/2@2025-01-03T10:00:00.000Z',
        questionId: 'kubeflow/2',
        number: 2,
        deck: 'kubeflow',
        question: 'Question number 2?',
        rating: 1,
        reviewedAt: '2025-01-03T10:00:00.000Z',
        mode: 'mock',
        durationMs: 2000,
        answer: 'typed 2',
      },
      {
        id: 'kubeflow/3@2025-01-02T10:00:00.000Z',
        questionId: 'kubeflow/3',
        number: 3,
        deck: 'kubeflow',
        question: 'Question number 3?',
        rating: 4,
        reviewedAt: '2025-01-02T10:00:00.000Z',
        mode: 'drill',
        durationMs: 3000,
        answer: 'typed 3',
      },
    ]);

    const human = runKfq(['history'], { env: { KFQ_HOME: home, COLUMNS: '100' } });
    const rows = human.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^2025-01-0\d \d\d:\d\d Again mock  kubeflow\/2 Question number 2\?$/);
    expect(rows[2]).toMatch(/Good  drill kubeflow\/1 Question number 1\?$/);
  });

  it('warns about damaged lines with their line numbers and still prints the rest, leaving the file as it was', () => {
    const home = tempHome();
    const file = join(home, 'reviews.jsonl');
    const text = `{"kfq":"review-log","version":1}\n${logLine(1, 3, '2025-01-01T10:00:00.000Z')}\n{"broken\n${logLine(2, 2, '2025-01-02T10:00:00.000Z')}\n{"questionI`;
    writeFileSync(file, text);
    const { code, stdout, stderr } = runKfq(['history', '--json'], { env: { KFQ_HOME: home } });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { number: number }[]).map((r) => r.number)).toEqual([2, 1]);
    expect(stderr).toContain(`warning: ${file}:3: not valid JSON (edited by hand?), skipped`);
    expect(stderr).toContain(`warning: ${file}:5: incomplete line (cut short by a crash?), skipped`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses a log from a newer kfq with exit code 3 and one clear line', () => {
    const home = tempHome();
    writeFileSync(join(home, 'reviews.jsonl'), '{"kfq":"review-log","version":2}\n');
    const { code, stderr } = runKfq(['history'], { env: { KFQ_HOME: home } });
    expect(code).toBe(3);
    expect(stderr).toMatch(
      /^kfq: the review log .*reviews\.jsonl was written by a newer kfq \(format version 2; this kfq reads up to version 1\); it was left unchanged\nhint: /,
    );
  });
});

describe('kfq paths', () => {
  it('prints every location as JSON, under KFQ_HOME, creating nothing', () => {
    const home = join(tempHome(), 'not-yet');
    const config = join(tempHome(), 'config');
    const { code, stdout } = runKfq(['paths', '--json'], { env: { KFQ_HOME: home, KFQ_CONFIG_HOME: config } });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      home,
      config,
      decks: join(home, 'decks'),
      history: join(home, 'reviews.jsonl'),
      reports: join(home, 'reports'),
      cache: join(home, 'cache'),
    });
    expect(() => readFileSync(home)).toThrow(/ENOENT/);
  });

  it('prints one location a line for people', () => {
    const home = tempHome();
    const { stdout } = runKfq(['paths'], { env: { KFQ_HOME: home } });
    expect(stdout).toContain(`history ${join(home, 'reviews.jsonl')}`);
    expect(stdout.split('\n').filter((line) => line.startsWith('decks   '))).toEqual([`decks   ${join(home, 'decks')}`]);
    expect(stdout).toContain('home is set by KFQ_HOME');
  });
});
