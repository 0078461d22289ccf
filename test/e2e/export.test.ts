import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../src/deck/import.js';
import { unneutralised } from '../../src/deck/csvFormula.js';
import { repoRoot, runKfq, tempHome } from './run.js';

interface QuestionJson {
  id: string;
  number: number;
  category: string;
  question: string;
  answer: string;
}

const content = (q: QuestionJson) => ({ number: q.number, category: q.category, question: q.question, answer: q.answer });

function listJson(args: string[], home: string): QuestionJson[] {
  const result = runKfq([...args, 'list', '--json'], { env: { KFQ_HOME: home } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  // The questions as the deck has them: list adds each card's state and due time.
  return (JSON.parse(result.stdout) as (QuestionJson & { state?: string; due?: string | null })[]).map(
    ({ state: _state, due: _due, ...question }) => question,
  );
}

describe('kfq export --format anki', () => {
  it('writes the Anki headers and one three-field line per question', () => {
    const { code, stdout } = runKfq(['export', '--format', 'anki']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:true', '#tags column:3', '#deck:Top 100 Kubeflow interview questions']);
    const notes = lines.slice(4);
    expect(notes).toHaveLength(100);
    for (const note of notes) expect(note.split('\t')).toHaveLength(3);
    expect(notes[0]).toBe(
      'What is Kubeflow?\t<ul> <li>Kubeflow is an open-source platform designed for deploying, orchestrating, and managing machine learning (ML) workflows on Kubernetes.</li> </ul>\tBasic_Concepts',
    );
  });
});

describe('kfq export --format csv', () => {
  it('writes RFC 4180 CSV that reads back to the questions', () => {
    const { code, stdout } = runKfq(['export', '--format', 'csv', '-c', 'pipelines']);
    expect(code).toBe(0);
    expect(stdout.startsWith('number,category,question,answer\r\n')).toBe(true);
    const rows = parseDelimited(stdout, ',', 'out.csv').map((row) => row.cells);
    const questions = listJson([], tempHome()).filter((q) => q.category === 'Pipelines and Workflows');
    expect(questions).toHaveLength(10);
    // Answers starting with "- " carry the formula guard: a ' in front, which kfq's CSV reader takes off again.
    expect(rows.slice(1)).toEqual(questions.map((q) => [String(q.number), q.category, q.question, `'${q.answer}`]));
    expect(rows.slice(1).map((cells) => unneutralised(cells[3]!))).toEqual(questions.map((q) => q.answer));
    // Commas in the seed's answers are quoted.
    expect(stdout).toMatch(/,"'- [^"\r\n]*, [^"\r\n]*"\r\n/);
  });
});

describe('kfq export --format json', () => {
  it('prints the question model', () => {
    const exported = JSON.parse(runKfq(['export', '--format', 'json']).stdout);
    expect(exported).toEqual(listJson([], tempHome()));
  });
});

describe('kfq export --format md', () => {
  const fixtureDecks = join(repoRoot, 'test', 'fixtures', 'decks');
  // Every shape the loader reads (the fixtures it rejects are left out).
  const shapes = existsSync(fixtureDecks)
    ? readdirSync(fixtureDecks).filter(
        (name) => name.endsWith('.md') && runKfq(['--deck', join(fixtureDecks, name), 'list', '--json']).code === 0,
      )
    : [];

  const cases: [string, string | undefined][] = [
    ['the built-in deck', undefined],
    ...shapes.map((name): [string, string] => [name, join(fixtureDecks, name)]),
  ];

  it('has decks of several shapes to try', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(8);
  });

  it.each(cases)('round-trips %s', (_, deckPath) => {
    const home = tempHome();
    const deckArgs = deckPath ? ['--deck', deckPath] : [];
    const before: QuestionJson[] = JSON.parse(runKfq([...deckArgs, 'list', '--json'], { env: { KFQ_HOME: home } }).stdout);
    const out = join(home, 'round-trip.md');
    const { code, stderr } = runKfq([...deckArgs, 'export', '--format', 'md', '-o', out], { env: { KFQ_HOME: home } });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^wrote \d+ questions to /m);
    const after: QuestionJson[] = JSON.parse(runKfq(['--deck', out, 'list', '--json'], { env: { KFQ_HOME: home } }).stdout);
    expect(after.length).toBeGreaterThan(0);
    expect(after.map(content)).toEqual(before.map(content));
  });

  it('keeps the seed shape: front matter, bold category headings, numbered bold questions', () => {
    const { stdout } = runKfq(['export', '--format', 'md', '-c', 'basic']);
    expect(stdout).toMatch(/^---\ntitle: "Top 100 Kubeflow interview questions"\n/);
    expect(stdout).toContain('### **Basic Concepts**\n\n1. **What is Kubeflow?**\n   - Kubeflow is an open-source platform');
    expect(stdout).toContain('10. **What is the role of Kubernetes in Kubeflow?**\n    - Kubernetes is');
  });
});

describe('kfq export --output', () => {
  it('refuses to replace a file without --force, and replaces it with --force', () => {
    const home = tempHome();
    const file = join(home, 'questions.csv');
    writeFileSync(file, 'keep me');
    const refused = runKfq(['export', '--format', 'csv', '-o', file], { env: { KFQ_HOME: home } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists; nothing was written/);
    expect(refused.stderr).toMatch(/--force/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');

    const forced = runKfq(['export', '--format', 'csv', '-o', file, '--force'], { env: { KFQ_HOME: home } });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe('');
    expect(forced.stderr).toBe(`wrote 100 questions to ${file}\n`);
    expect(readFileSync(file, 'utf8').startsWith('number,category,question,answer\r\n')).toBe(true);
    expect(readdirSync(home).filter((name) => name.includes('.tmp'))).toEqual([]);
  });
});

describe('kfq export --history', () => {
  function homeWithHistory(): string {
    const home = tempHome();
    const review = {
      questionId: 'kubeflow/1',
      deck: 'kubeflow',
      number: 1,
      question: 'What is Kubeflow?',
      rating: 3,
      reviewedAt: '2025-01-02T10:00:00.000Z',
      durationMs: 5000,
      answer: 'a platform, "on" k8s',
      mode: 'drill',
    };
    writeFileSync(join(home, 'reviews.jsonl'), `${JSON.stringify({ kfq: 'review-log', version: 1 })}\n${JSON.stringify(review)}\n`);
    mkdirSync(join(home, 'reports'));
    const report = {
      kfq: 'interview-report',
      version: 1,
      id: '20250103-090000',
      startedAt: '2025-01-03T09:00:00.000Z',
      finishedAt: '2025-01-03T09:05:00.000Z',
      status: 'completed',
      perQuestionSeconds: 120,
      totalSeconds: null,
      seed: 7,
      planned: 1,
      score: 75,
      questions: [
        {
          id: 'kubeflow/5',
          deck: 'kubeflow',
          number: 5,
          category: 'Basic Concepts',
          question: 'What are Kubeflow Pipelines?',
          answer: 'workflows',
          reference: '- Pipelines are…',
          covered: ['workflows'],
          missed: [],
          coverage: 0.75,
          secondsUsed: 40,
          timedOut: false,
          rating: 3,
        },
      ],
    };
    writeFileSync(join(home, 'reports', `${report.id}.json`), JSON.stringify(report));
    return home;
  }

  it('exports the review log and interview reports as JSON', () => {
    const { code, stdout } = runKfq(['export', '--history', '--format', 'json'], { env: { KFQ_HOME: homeWithHistory() } });
    expect(code).toBe(0);
    const history = JSON.parse(stdout);
    expect(history.reviews).toHaveLength(1);
    expect(history.reviews[0]).toMatchObject({ questionId: 'kubeflow/1', rating: 3, answer: 'a platform, "on" k8s' });
    expect(history.interviews).toHaveLength(1);
    expect(history.interviews[0]).toMatchObject({ id: '20250103-090000', score: 75, status: 'completed' });
  });

  it('exports them as one CSV table, a row each', () => {
    const { code, stdout } = runKfq(['export', '--history', '--format', 'csv'], { env: { KFQ_HOME: homeWithHistory() } });
    expect(code).toBe(0);
    const rows = parseDelimited(stdout, ',', 'h.csv').map((row) => row.cells);
    expect(rows[0]).toEqual([
      'record',
      'at',
      'question_id',
      'deck',
      'number',
      'question',
      'rating',
      'duration_ms',
      'mode',
      'answer',
      'interview_id',
      'finished_at',
      'status',
      'score',
    ]);
    expect(rows[1]).toEqual([
      'review',
      '2025-01-02T10:00:00.000Z',
      'kubeflow/1',
      'kubeflow',
      '1',
      'What is Kubeflow?',
      '3',
      '5000',
      'drill',
      'a platform, "on" k8s',
      '',
      '',
      '',
      '',
    ]);
    expect(rows[2]).toEqual([
      'interview',
      '2025-01-03T09:00:00.000Z',
      'kubeflow/5',
      '',
      '',
      '',
      '',
      '',
      'mock',
      '',
      '20250103-090000',
      '2025-01-03T09:05:00.000Z',
      'completed',
      '75',
    ]);
  });

  it('is a usage error with anki or md', () => {
    for (const format of ['anki', 'md']) {
      const { code, stderr } = runKfq(['export', '--history', '--format', format]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/--history exports as csv or json/);
    }
  });
});
