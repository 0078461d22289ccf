// The issue's scenario through the built bin: a deck drilled, then renumbered
// and edited; every command after sees each review on its own question, one
// stderr line says what changed, deck diff says how, and history filters by
// deck and lists the reviews of removed questions.
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKfq, tempHome } from './run.js';

const V1 = ['What is a Pod?', 'What is a Service?', 'What is a Deployment?'];
const ANSWERS: Record<string, string> = {
  'What is a Pod?': 'The smallest deployable unit of containers.',
  'What is a Service?': 'A stable address in front of a set of Pods.',
  'What is a Kubernetes Service?': 'A stable address in front of a set of Pods.',
  'What is a Deployment?': 'Rolls out ReplicaSets of Pods.',
  'What is an Ingress?': 'HTTP routes into the cluster.',
};

function deckText(questions: string[]): string {
  return `# K8s\n\n## Basics\n\n${questions.map((q, i) => `${i + 1}. **${q}**\n   - ${ANSWERS[q]}\n`).join('')}`;
}

function logReview(home: string, number: number, question: string, rating: number, minute: number): void {
  const review = {
    id: `t${minute}-000000000000`,
    questionId: `k8s/${number}`,
    deck: 'k8s',
    number,
    question,
    rating,
    reviewedAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    durationMs: 1000,
    answer: '',
    mode: 'drill',
  };
  appendFileSync(join(home, 'reviews.jsonl'), `${JSON.stringify(review)}\n`);
}

/** A home with the V1 deck installed from a file of its own and seen once by kfq (as a first drill would). */
function seenDeck(): { home: string; file: string; env: Record<string, string> } {
  const home = tempHome();
  const file = join(mkdtempSync(join(tmpdir(), 'kfq-identity-')), 'k8s.md');
  const env = { KFQ_HOME: home, KFQ_NOW: '2026-03-02T10:00:00Z' };
  writeFileSync(file, deckText(V1));
  expect(runKfq(['deck', 'add', file], { env }).code).toBe(0);
  expect(runKfq(['--deck', 'k8s', 'list'], { env }).stderr).toBe('');
  return { home, file, env };
}

describe('when a drilled deck is renumbered and then a question edited', () => {
  it('then stats, history and deck diff keep each review with its own question', () => {
    // The drill: kfq sees the deck, then Pod Easy, Service Again, Deployment Good.
    const { home, file, env } = seenDeck();
    writeFileSync(join(home, 'reviews.jsonl'), `${JSON.stringify({ kfq: 'review-log', version: 1 })}\n`);
    logReview(home, 1, V1[0]!, 4, 1);
    logReview(home, 2, V1[1]!, 1, 2);
    logReview(home, 3, V1[2]!, 3, 3);

    writeFileSync(file, deckText(['What is an Ingress?', ...V1]));
    expect(runKfq(['deck', 'add', '--force', file], { env }).code).toBe(0);
    expect(runKfq(['--deck', 'k8s', 'list'], { env }).stderr).toBe('deck k8s changed: 3 renumbered, 1 new\n');
    writeFileSync(file, deckText(['What is an Ingress?', 'What is a Pod?', 'What is a Kubernetes Service?', 'What is a Deployment?']));
    expect(runKfq(['deck', 'add', '--force', file], { env }).code).toBe(0);

    const stats = runKfq(['--deck', 'k8s', 'stats', '--json'], { env });
    expect(stats.stderr).toBe('deck k8s changed: 1 edited (history kept)\n');
    const json = JSON.parse(stats.stdout) as { questions: { seen: number }; weakest: { question: string; agains: number }[] };
    expect(json.questions.seen).toBe(3);
    expect(json.weakest.filter((q) => q.agains > 0).map((q) => q.question)).toEqual(['What is a Kubernetes Service?']);
    // Only once: the next command is quiet.
    expect(runKfq(['--deck', 'k8s', 'stats', '--json'], { env }).stderr).toBe('');

    const diff = JSON.parse(runKfq(['deck', 'diff', 'k8s', '--json'], { env }).stdout) as {
      entries: { before?: { question: string }; after?: { id: string; question: string }; history: string; similarity?: number }[];
    };
    const edited = diff.entries.find((entry) => entry.before?.question === 'What is a Service?');
    expect(edited).toMatchObject({ after: { id: 'k8s/3', question: 'What is a Kubernetes Service?' }, history: 'kept' });
    expect(edited!.similarity).toBeGreaterThan(0.5);
    expect(runKfq(['deck', 'diff', 'k8s'], { env }).stdout).toContain('+ What is a Kubernetes Service?');
  });

  it("then a removed question's reviews stay in the log, listed by history --orphans, and history --deck filters by deck", () => {
    const { home, file, env } = seenDeck();
    writeFileSync(join(home, 'reviews.jsonl'), `${JSON.stringify({ kfq: 'review-log', version: 1 })}\n`);
    logReview(home, 1, V1[0]!, 4, 1);
    logReview(home, 2, V1[1]!, 1, 2);
    appendFileSync(
      join(home, 'reviews.jsonl'),
      `${JSON.stringify({ id: 'other-1', questionId: 'kubeflow/1', deck: 'kubeflow', number: 1, question: 'q', rating: 3, reviewedAt: '2026-03-01T11:00:00.000Z', durationMs: 1, answer: '', mode: 'drill' })}\n`,
    );
    writeFileSync(file, deckText(['What is a Pod?', 'What is a Deployment?']));
    runKfq(['deck', 'add', '--force', file], { env });

    const orphans = runKfq(['--deck', 'k8s', 'history', '--orphans', '--json'], { env });
    expect(orphans.stderr).toBe('deck k8s changed: 1 renumbered, 1 removed\n');
    expect((JSON.parse(orphans.stdout) as { question: string }[]).map((r) => r.question)).toEqual(['What is a Service?']);
    expect((JSON.parse(runKfq(['history', '--deck', 'k8s', '--json'], { env }).stdout) as { deck: string }[]).map((r) => r.deck)).toEqual([
      'k8s',
      'k8s',
    ]);
    expect((JSON.parse(runKfq(['history', '--json'], { env }).stdout) as unknown[]).length).toBe(3);
    const exported = JSON.parse(runKfq(['export', '--history', '--deck', 'kubeflow', '--format', 'json'], { env }).stdout) as {
      reviews: { deck: string }[];
    };
    expect(exported.reviews.map((r) => r.deck)).toEqual(['kubeflow']);
  });
});

describe('when only an answer is edited', () => {
  it('then deck diff calls the question edited (not renumbered) and says it was the answer', () => {
    const { file, env } = seenDeck();
    writeFileSync(file, deckText(V1).replace('Rolls out ReplicaSets of Pods.', 'Rolls out new ReplicaSets of Pods, a few at a time.'));
    runKfq(['deck', 'add', '--force', file], { env });
    expect(runKfq(['--deck', 'k8s', 'list'], { env }).stderr).toBe('deck k8s changed: 1 edited (history kept)\n');

    const text = runKfq(['deck', 'diff', 'k8s'], { env }).stdout;
    expect(text).toMatch(/^edited +k8s\/3 → k8s\/3 {2}same question; history kept$/m);
    expect(text).toContain('    What is a Deployment? (answer edited)');
    const diff = JSON.parse(runKfq(['deck', 'diff', 'k8s', '--json'], { env }).stdout) as { entries: { answerEdited?: boolean }[] };
    expect(diff.entries).toMatchObject([{ answerEdited: true }]);
  });
});
