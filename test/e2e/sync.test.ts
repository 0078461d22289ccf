// Practising on several machines: two kfq homes share one sync folder (or two
// clones of one git repository); each machine writes only its own files, and
// both read the same history, every review once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTmux, startKfq, type PtySession } from './pty.js';
import { runKfq, tempHome } from './run.js';

interface Listed {
  id: string;
  questionId: string;
  rating: number;
  mode: string;
}

const sessions: PtySession[] = [];
afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

function machine(syncDir: string): { home: string; env: NodeJS.ProcessEnv } {
  const home = tempHome();
  return { home, env: { KFQ_HOME: home, KFQ_SYNC_DIR: syncDir } };
}

function history(env: NodeJS.ProcessEnv): Listed[] {
  const result = runKfq(['history', '--json', '--limit', '1000'], { env });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Listed[];
}

async function drillOne(env: NodeJS.ProcessEnv, grade: '1' | '2' | '3' | '4'): Promise<void> {
  // No learning steps: the one card graded ends the session, whatever the grade.
  const session = startKfq({
    args: ['drill', '-n', '1', '--order', 'random'],
    env: { ...env, KFQ_DRILL_LEARNING_STEPS: 'none', KFQ_DRILL_RELEARNING_STEPS: 'none' },
  });
  sessions.push(session);
  await session.waitFor('1/1');
  await session.revealAndGrade(grade);
  expect(await session.exitCode()).toBe(0);
}

async function mockOne(env: NodeJS.ProcessEnv, grade: string): Promise<void> {
  const term = startKfq({ args: ['mock', '-n', '1', '--per-question', '30s'], env, cols: 80, rows: 40 });
  sessions.push(term);
  await term.waitFor(/Enter starts/);
  term.sendKeys('Enter');
  await term.waitFor(/Question 1\/1 +\d:\d\d left/);
  term.typeText('kubeflow runs machine learning on kubernetes');
  await term.waitFor(/> kubeflow runs/);
  term.sendKeys('Enter');
  await term.waitFor('Enter starts the self-review', 8000);
  term.sendKeys('Enter');
  await term.waitFor(/Self-review 1\/1[^]*1 Again · 2 Hard/, 8000);
  term.sendKeys(grade);
  expect(await term.exitCode()).toBe(0);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'kfq',
      GIT_AUTHOR_EMAIL: 'kfq@example.com',
      GIT_COMMITTER_NAME: 'kfq',
      GIT_COMMITTER_EMAIL: 'kfq@example.com',
    },
  });
}

describe.skipIf(!hasTmux)('when two machines share one sync folder', () => {
  it("then interleaved drills and mocks each land in the machine's own files, and both machines read the same history", async () => {
    const syncDir = mkdtempSync(join(tmpdir(), 'kfq-sync-'));
    const a = machine(syncDir);
    const b = machine(syncDir);
    await drillOne(a.env, '3');
    await drillOne(b.env, '1');
    await mockOne(a.env, '4');
    await mockOne(b.env, '2');
    await drillOne(a.env, '2');

    const logs = readdirSync(join(syncDir, 'reviews')).sort();
    expect(logs).toHaveLength(2);
    expect(readdirSync(join(syncDir, 'reports'))).toHaveLength(2);
    const seenByA = history(a.env);
    expect(seenByA).toHaveLength(5);
    expect(history(b.env)).toEqual(seenByA);
    expect(seenByA.map((r) => [r.mode, r.rating]).reverse()).toEqual([
      ['drill', 3],
      ['drill', 1],
      ['mock', 4],
      ['mock', 2],
      ['drill', 2],
    ]);
    expect(JSON.parse(runKfq(['mock', '--list', '--json'], { env: b.env }).stdout)).toHaveLength(2);
    expect(JSON.parse(runKfq(['stats', '--json'], { env: a.env }).stdout).reviews.total).toBe(5);
    // Nothing was written to either home's own log.
    expect(existsSync(join(a.home, 'reviews.jsonl'))).toBe(false);
  }, 90_000);
});

describe('when a review is undone on one machine', () => {
  it('then it is gone on every machine, and only that review', () => {
    const syncDir = mkdtempSync(join(tmpdir(), 'kfq-sync-'));
    const a = machine(syncDir);
    const b = machine(syncDir);
    const at = '2026-03-01T10:00:00.000Z';
    const review = (id: string, rating: number) => ({
      id,
      questionId: 'kubeflow/1',
      deck: 'kubeflow',
      number: 1,
      question: 'What is Kubeflow?',
      rating,
      reviewedAt: at,
      durationMs: 1,
      answer: '',
      mode: 'drill',
    });
    const header = JSON.stringify({ kfq: 'review-log', version: 1 });
    // Both machines logged the same question in the same millisecond; A then took its grade back.
    runKfq(['paths'], { env: a.env });
    runKfq(['paths'], { env: b.env });
    const [logA, logB] = machineLogs(syncDir, a.home, b.home);
    writeFileSync(
      logA!,
      [header, JSON.stringify(review('a-1', 1)), JSON.stringify({ undo: at, questionId: 'kubeflow/1', id: 'a-1' }), ''].join('\n'),
    );
    writeFileSync(logB!, [header, JSON.stringify(review('b-1', 4)), ''].join('\n'));
    expect(history(a.env).map((r) => r.id)).toEqual(['b-1']);
    expect(history(b.env).map((r) => r.id)).toEqual(['b-1']);
  });
});

function machineLogs(syncDir: string, ...homes: string[]): string[] {
  mkdirSync(join(syncDir, 'reviews'), { recursive: true });
  return homes.map((home) => join(syncDir, 'reviews', `${readFileSync(join(home, 'machine-id'), 'utf8').trim()}.jsonl`));
}

describe('when an existing history moves into a sync folder', () => {
  it('then kfq sync init copies the log and reports, keeps the local log as it was, and sets sync.dir', () => {
    const home = tempHome();
    const config = mkdtempSync(join(tmpdir(), 'kfq-config-'));
    const env = { KFQ_HOME: home, KFQ_CONFIG_HOME: config };
    const local = [
      JSON.stringify({ kfq: 'review-log', version: 1 }),
      JSON.stringify({
        questionId: 'kubeflow/2',
        deck: 'kubeflow',
        number: 2,
        question: 'q',
        rating: 3,
        reviewedAt: '2026-03-01T10:00:00.000Z',
        durationMs: 1,
        answer: '',
        mode: 'drill',
      }),
      '',
    ].join('\n');
    writeFileSync(join(home, 'reviews.jsonl'), local);
    const syncDir = join(mkdtempSync(join(tmpdir(), 'kfq-sync-')), 'shared');
    const result = runKfq(['sync', 'init', syncDir], { env });
    expect(result.code).toBe(0);
    expect(readFileSync(join(home, 'reviews.jsonl'), 'utf8')).toBe(local);
    expect(readFileSync(join(config, 'config.toml'), 'utf8')).toContain(`dir = "${syncDir}"`);
    expect(history(env).map((r) => r.questionId)).toEqual(['kubeflow/2']);
    expect(JSON.parse(runKfq(['paths', '--json'], { env }).stdout).history).toMatch(new RegExp(`^${syncDir}/reviews/.+\\.jsonl$`));
  });
});

describe('when the sync folder is a git repository cloned on two machines', () => {
  it('then both practise, pull both ways without a conflict, and see every review once', () => {
    const root = mkdtempSync(join(tmpdir(), 'kfq-git-'));
    const bare = join(root, 'shared.git');
    git(root, 'init', '--bare', '-q', bare);
    const cloneA = join(root, 'a');
    const cloneB = join(root, 'b');
    git(root, 'clone', '-q', bare, cloneA);
    writeFileSync(join(cloneA, 'README.md'), 'kfq history, shared by my machines\n');
    git(cloneA, 'add', '-A');
    git(cloneA, 'commit', '-q', '-m', 'start');
    git(cloneA, 'push', '-q', 'origin', 'HEAD');
    git(root, 'clone', '-q', bare, cloneB);
    const a = machine(cloneA);
    const b = machine(cloneB);
    const log = (env: NodeJS.ProcessEnv, n: number, rating: number) => {
      // What a drill's grade writes, through kfq's own paths: this machine's log in the clone.
      const file = JSON.parse(runKfq(['paths', '--json'], { env }).stdout).history as string;
      mkdirSync(dirname(file), { recursive: true });
      const lines = existsSync(file) ? '' : `${JSON.stringify({ kfq: 'review-log', version: 1 })}\n`;
      writeFileSync(
        file,
        lines +
          `${JSON.stringify({ id: `${n}-${rating}`, questionId: `kubeflow/${n}`, deck: 'kubeflow', number: n, question: 'q', rating, reviewedAt: new Date(Date.UTC(2026, 2, 1, 10, n)).toISOString(), durationMs: 1, answer: '', mode: 'drill' })}\n`,
        { flag: 'a' },
      );
    };
    const commit = (clone: string) => {
      git(clone, 'add', '-A');
      git(clone, 'commit', '-q', '-m', 'practice');
    };
    log(a.env, 1, 3);
    commit(cloneA);
    git(cloneA, 'push', '-q', 'origin', 'HEAD');
    log(b.env, 2, 1);
    commit(cloneB);
    git(cloneB, 'pull', '-q', '--no-rebase', 'origin', 'HEAD');
    log(b.env, 3, 4);
    commit(cloneB);
    git(cloneB, 'push', '-q', 'origin', 'HEAD');
    log(a.env, 4, 2);
    commit(cloneA);
    git(cloneA, 'pull', '-q', '--no-rebase', 'origin', 'HEAD');
    git(cloneA, 'push', '-q', 'origin', 'HEAD');
    git(cloneB, 'pull', '-q', '--no-rebase', 'origin', 'HEAD');

    expect(git(cloneA, 'status', '--porcelain')).toBe('');
    const ids = history(a.env)
      .map((r) => r.id)
      .sort();
    expect(ids).toEqual(['1-3', '2-1', '3-4', '4-2']);
    expect(
      history(b.env)
        .map((r) => r.id)
        .sort(),
    ).toEqual(ids);
  });
});
