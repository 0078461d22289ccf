import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKfq, tempHome } from './run.js';

const ANSI = /\u001b\[/;
const DAY = 86_400_000;

function review(questionId: string, number: number, question: string, rating: number, reviewedAt: Date): string {
  return JSON.stringify({
    questionId,
    deck: 'kubeflow',
    number,
    question,
    rating,
    reviewedAt: reviewedAt.toISOString(),
    durationMs: 4000,
    answer: '',
    mode: 'drill',
  });
}

/** A home with a few days of reviews (days are UTC: the runs below set TZ=UTC) and one mock interview. */
function homeWithHistory(): string {
  const home = tempHome();
  const now = Date.now() - 1000;
  const lines = [
    JSON.stringify({ kfq: 'review-log', version: 1 }),
    review('kubeflow/2', 2, 'Why is Kubeflow needed in ML workflows?', 1, new Date(now - 3 * DAY)),
    review('kubeflow/1', 1, 'What is Kubeflow?', 3, new Date(now - DAY)),
    review('kubeflow/2', 2, 'Why is Kubeflow needed in ML workflows?', 1, new Date(now - DAY)),
    review('kubeflow/1', 1, 'What is Kubeflow?', 4, new Date(now)),
    review('kubeflow/11', 11, 'What are the different ways to install Kubeflow?', 3, new Date(now)),
  ];
  writeFileSync(join(home, 'reviews.jsonl'), `${lines.join('\n')}\n`);
  mkdirSync(join(home, 'reports'));
  const report = {
    kfq: 'interview-report',
    version: 1,
    id: '20250101-100000',
    startedAt: new Date(now - 2 * DAY).toISOString(),
    finishedAt: new Date(now - 2 * DAY + 60_000).toISOString(),
    status: 'completed',
    perQuestionSeconds: 120,
    totalSeconds: null,
    seed: 1,
    planned: 1,
    score: 60,
    questions: [
      {
        id: 'kubeflow/1',
        deck: 'kubeflow',
        number: 1,
        category: 'Basic Concepts',
        question: 'What is Kubeflow?',
        answer: 'a platform',
        reference: '- Kubeflow is…',
        covered: ['platform'],
        missed: [],
        coverage: 0.6,
        secondsUsed: 30,
        timedOut: false,
        rating: 3,
      },
    ],
  };
  writeFileSync(join(home, 'reports', `${report.id}.json`), JSON.stringify(report));
  return home;
}

describe('kfq stats', () => {
  it('says how to start when there is no history, and still prints well-formed JSON', () => {
    const home = tempHome();
    const text = runKfq(['stats'], { env: { KFQ_HOME: home } });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('kfq drill');
    expect(text.stdout).not.toMatch(/Mastery/);
    const json = runKfq(['stats', '--json'], { env: { KFQ_HOME: home } });
    expect(json.code).toBe(0);
    const stats = JSON.parse(json.stdout);
    expect(stats.reviews.total).toBe(0);
    expect(stats.questions).toEqual({ total: 100, seen: 0, new: 100, learning: 0, mature: 0 });
    expect(stats.retention.rate).toBeNull();
  });

  it('when interviews were taken but nothing graded yet, then it still shows their scores', () => {
    const home = homeWithHistory();
    writeFileSync(join(home, 'reviews.jsonl'), `${JSON.stringify({ kfq: 'review-log', version: 1 })}\n`);
    const { code, stdout } = runKfq(['stats'], { env: { KFQ_HOME: home } });
    expect(code).toBe(0);
    expect(stdout).toContain('No reviews yet');
    expect(stdout).toMatch(/Mock interviews .*last 60% · best 60% · 1 taken/);
  });

  it('reports streaks, counts and scores as JSON', () => {
    const { code, stdout } = runKfq(['stats', '--json'], { env: { KFQ_HOME: homeWithHistory(), TZ: 'UTC' } });
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.reviews).toEqual({ total: 5, daysActive: 3, today: 2 });
    expect(stats.streak).toEqual({ current: 2, longest: 2 });
    // Recalls: kubeflow/1 today (Easy), kubeflow/2 yesterday (Again).
    expect(stats.retention).toEqual({ recalls: 2, passed: 1, rate: 0.5 });
    expect(stats.questions.seen).toBe(3);
    expect(stats.categories[0]).toMatchObject({ name: 'Basic Concepts', total: 10, new: 8 });
    expect(stats.calendar.days.at(-1).reviews).toBe(2);
    expect(stats.interviews).toEqual([{ id: '20250101-100000', date: expect.any(String), score: 60 }]);
    expect(stats.weakest[0]).toMatchObject({ id: 'kubeflow/2', agains: 2 });
  });

  it('draws readable charts without colour when piped, the same at any COLUMNS', () => {
    const { code, stdout } = runKfq(['stats'], { env: { KFQ_HOME: homeWithHistory(), TZ: 'UTC', COLUMNS: '80' } });
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ANSI);
    for (const text of [
      'Seen',
      'Due today',
      'Streak',
      'Retention',
      'Mastery',
      'Basic Concepts',
      'Last 12 weeks',
      'less · ░ ▒ ▓ █ more',
      'Mock interviews',
      'Weakest questions',
    ]) {
      expect(stdout).toContain(text);
    }
    expect(stdout).toMatch(/Basic Concepts +█*▒+·+ /);
    expect(stdout).toMatch(/last 60%/);
    expect(runKfq(['stats'], { env: { KFQ_HOME: homeWithHistory(), TZ: 'UTC', COLUMNS: '40' } }).stdout).toBe(stdout);
  });

  it('narrows to one category', () => {
    const stats = JSON.parse(runKfq(['stats', '--json', '-c', 'installation'], { env: { KFQ_HOME: homeWithHistory(), TZ: 'UTC' } }).stdout);
    expect(stats.category).toBe('Installation and Setup');
    expect(stats.questions.total).toBe(10);
    expect(stats.reviews.total).toBe(1);
    expect(stats.categories.map((c: { name: string }) => c.name)).toEqual(['Installation and Setup']);
  });
});
