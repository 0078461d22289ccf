// Two drills and a mock interview at once against one kfq home: every review
// and every answer is kept, and the review log stays one record per line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { historyJson, runKfq, tempHome } from './helpers.js';
import { hasTmux, Terminal } from './terminal.js';

describe.skipIf(!hasTmux)('sessions running side by side', () => {
  const terminals: Terminal[] = [];
  afterEach(() => {
    for (const terminal of terminals.splice(0)) terminal.dispose();
  });

  it('keeps all 13 grades of two drills and a mock self-review, and the mock’s answers', async () => {
    const home = tempHome();
    const start = (args: string[]): Terminal => {
      // No learning steps: each drill ends after its five cards, whatever the grade.
      const env = { KFQ_HOME: home, KFQ_DRILL_LEARNING_STEPS: 'none', KFQ_DRILL_RELEARNING_STEPS: 'none' };
      const terminal = Terminal.start({ args, env, rows: 40, hangup: 'absorb' });
      terminals.push(terminal);
      return terminal;
    };
    const first = start(['drill', '-n', '5', '--order', 'new']);
    const second = start(['drill', '-n', '5', '--order', 'random', '--seed', '9']);
    const mock = start(['mock', '-n', '3', '--per-question', '1m', '--seed', '5']);

    await mock.waitFor('Enter starts');
    mock.sendKeys('Enter');
    for (let card = 1; card <= 5; card++) {
      await Promise.all([first.waitFor(`${card}/5`), second.waitFor(`${card}/5`)]);
      // Both reveal and grade in the same instant, so their appends race.
      first.sendKeys('Enter');
      second.sendKeys('Enter');
      await Promise.all([first.waitFor('Reference answer'), second.waitFor('Reference answer')]);
      first.sendKeys(String(((card - 1) % 4) + 1));
      second.sendKeys('3');
      if (card <= 3) {
        await mock.waitFor(`Question ${card}/3`);
        mock.typeText(`mock answer ${card}`);
        mock.sendKeys('Enter');
      }
    }
    expect(await first.exitCode()).toBe(0);
    expect(await second.exitCode()).toBe(0);
    await mock.waitFor('Enter starts the self-review');
    mock.sendKeys('Enter');
    for (let answer = 1; answer <= 3; answer++) {
      await mock.waitFor(new RegExp(`Self-review ${answer}/3[^]*1 Again · 2 Hard`));
      mock.sendKeys('2');
    }
    expect(await mock.exitCode()).toBe(0);

    const lines = readFileSync(join(home, 'reviews.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(14);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();

    const reviews = historyJson(home);
    expect(reviews).toHaveLength(13);
    const drills = reviews.filter((r) => r.mode === 'drill').map((r) => [r.questionId, r.rating]);
    // The first drill took the new cards in deck order and graded them 1, 2, 3, 4, 1; the second graded five cards 3.
    expect(drills).toHaveLength(10);
    expect(drills).toEqual(
      expect.arrayContaining([
        ['kubeflow/1', 1],
        ['kubeflow/2', 2],
        ['kubeflow/3', 3],
        ['kubeflow/4', 4],
        ['kubeflow/5', 1],
      ]),
    );
    expect(drills.filter(([, rating]) => rating === 3)).toHaveLength(6);
    expect(
      reviews
        .filter((r) => r.mode === 'mock')
        .map((r) => [r.rating, r.answer])
        .sort(),
    ).toEqual([
      [2, 'mock answer 1'],
      [2, 'mock answer 2'],
      [2, 'mock answer 3'],
    ]);

    const report = JSON.parse(runKfq(['mock', '--report', 'last', '--json'], { env: { KFQ_HOME: home } }).stdout) as {
      status: string;
      questions: { answer: string; rating: number }[];
    };
    expect(report.status).toBe('completed');
    expect(report.questions.map((q) => [q.answer, q.rating])).toEqual([
      ['mock answer 1', 2],
      ['mock answer 2', 2],
      ['mock answer 3', 2],
    ]);
  });
});
