// Output to a pipe is data: one record per line, whole, whatever COLUMNS says;
// only a terminal gets wrapped or cut lines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKfq, tempHome } from './run.js';

const LONG_QUESTION = 'What’s the difference between installing Kubeflow locally and on a cloud provider?';

function homeWithHistory(): string {
  const home = tempHome();
  const review = (number: number, question: string, minutesAgo: number) =>
    JSON.stringify({
      questionId: `kubeflow/${number}`,
      deck: 'kubeflow',
      number,
      question,
      rating: 1,
      reviewedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
      durationMs: 1000,
      answer: '',
      mode: 'drill',
    });
  writeFileSync(
    join(home, 'reviews.jsonl'),
    [JSON.stringify({ kfq: 'review-log', version: 1 }), review(13, LONG_QUESTION, 5), review(1, 'What is Kubeflow?', 4)].join('\n') + '\n',
  );
  return home;
}

describe('piped output', () => {
  const home = homeWithHistory();
  expect(
    runKfq(['deck', 'add', join(repoRoot, 'test/fixtures/import/devops.md'), '--name', 'devops'], { env: { KFQ_HOME: home } }).code,
  ).toBe(0);

  it.each([
    ['list', ['list'], LONG_QUESTION],
    ['search', ['search', 'cloud', 'provider', 'locally'], LONG_QUESTION],
    ['history', ['history'], LONG_QUESTION],
    ['stats', ['stats'], LONG_QUESTION],
    ['deck list', ['deck', 'list'], 'devops'],
    ['due', ['due'], 'Hyperparameter Tuning and Experimentation'],
  ])('%s: the same at any COLUMNS, nothing wrapped or cut', (_, args, whole) => {
    const outputs = ['20', '40', '80', '300'].map((columns) => runKfq(args, { env: { KFQ_HOME: home, COLUMNS: columns } }));
    for (const result of outputs) expect(result.code, result.stderr).toBe(0);
    const [first] = outputs;
    for (const result of outputs) expect(result.stdout).toBe(first!.stdout);
    expect(first!.stdout.split('\n').some((line) => line.includes(whole))).toBe(true);
    expect(first!.stdout).not.toContain('…');
  });
});
