// kfq drill as a person uses it: the built bin in a real pseudo-terminal
// (tmux), keys typed one at a time, the screen read back.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKfq, hasTmux, type PtySession } from './pty.js';
import { runKfq, tempHome } from './run.js';

interface HistoryEntry {
  questionId: string;
  number: number;
  deck: string;
  rating: number;
  reviewedAt: string;
  mode: string;
  durationMs: number;
  answer: string;
}

function history(home: string): HistoryEntry[] {
  const { code, stdout } = runKfq(['history', '--json'], { env: { KFQ_HOME: home } });
  expect(code).toBe(0);
  return JSON.parse(stdout) as HistoryEntry[];
}

describe('kfq drill without a terminal', () => {
  it('exits 2 at once with one line and a hint, no stack trace', () => {
    const { code, stdout, stderr } = runKfq(['drill']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('kfq: kfq drill is interactive and needs a terminal (stdin and stdout must be a TTY)');
    expect(lines.slice(1).every((line) => line.startsWith('hint:'))).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe.skipIf(!hasTmux)('kfq drill in a terminal', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.close());

  it('reveals, grades with each key, undoes, quits with q; history keeps every grade; the next drill skips cards graded Good or Easy', async () => {
    const home = tempHome();
    session = startKfq({ args: ['drill', '-n', '5'], env: { KFQ_HOME: home } });

    let screen = await session.waitFor('1/5');
    expect(screen).toContain('Top 100 Kubeflow interview questions');
    expect(screen).toContain('Basic Concepts');
    expect(screen).toContain('#1 What is Kubeflow?');
    expect(screen).toContain('press Enter to reveal');

    // Card 1: type an answer, reveal, see covered and missed terms, grade Good.
    session.typeText('an open source platform for machine learning');
    session.sendKeys('Enter');
    screen = await session.waitFor('Reference answer');
    expect(screen).toContain('Your answer');
    expect(screen).toContain('an open source platform for machine learning');
    // One line with the score and the points' counts, then the points missed; c lists every point.
    expect(screen).toMatch(/Score \d+ · .*(covered|partly).* · suggests/);
    expect(screen).toContain('c lists every point');
    session.sendKeys('c');
    screen = await session.waitFor('matched:');
    expect(screen).toMatch(/matched: .*machine, learning · missing: Kubernetes/);
    expect(screen).toContain('Kubeflow is an open-source platform designed for deploying');
    // A new card's learning steps: Again 1m, Good the second step (10m); Easy skips them.
    expect(screen).toMatch(/1 Again · 1m\s+2 Hard · 6m\s+3 Good · 10m\s+4 Easy · 8d/);
    session.sendKeys('3');

    // Card 2: reveal at once, grade Again.
    screen = await session.waitFor('2/5');
    expect(screen).toContain('#2 Why is Kubeflow needed in ML workflows?');
    expect(screen).toContain('Esc quits · u+Enter undoes');
    session.sendKeys('Enter');
    screen = await session.waitFor('Reference answer');
    expect(screen).not.toContain('Your answer');
    session.sendKeys('1');

    // Card 3: Easy. Card 4: Hard, then take it back.
    await session.waitFor('3/5');
    await session.revealAndGrade('4');
    await session.waitFor('4/5');
    await session.revealAndGrade('2');
    await session.waitFor('5/5');
    session.sendKeys('u', 'Enter');
    screen = await session.waitFor('Took back Hard');
    expect(screen).toContain('4/5');
    expect(screen).toContain('#4 How does Kubeflow interact with Kubernetes?');
    expect(screen).toContain('Reference answer');

    session.sendKeys('q');
    expect(await session.exitCode()).toBe(0);
    screen = session.screen();
    expect(screen).toMatch(/3 cards done in \d+s/);
    expect(screen).toMatch(/Again 1 · Hard 0 · Good 1 · Easy 1/);
    expect(screen).toContain('Basic Concepts 3');
    // Cards 1 (Good) and 2 (Again) are in their learning steps; 3 (Easy) is 8 days away.
    expect(screen).toContain('Due by the end of tomorrow: 2');
    expect(screen).toMatch(/Next card due: in 1 minute/);
    session.close();

    const reviews = history(home);
    expect(reviews.map(({ questionId, rating, mode }) => ({ questionId, rating, mode }))).toEqual([
      { questionId: 'kubeflow/3', rating: 4, mode: 'drill' },
      { questionId: 'kubeflow/2', rating: 1, mode: 'drill' },
      { questionId: 'kubeflow/1', rating: 3, mode: 'drill' },
    ]);
    expect(reviews[2]).toMatchObject({ number: 1, deck: 'kubeflow', answer: 'an open source platform for machine learning' });
    expect(reviews.every((r) => r.durationMs > 0 && !Number.isNaN(Date.parse(r.reviewedAt)))).toBe(true);
    // The undone grade stays in the log as a record, but not in the history.
    expect(readFileSync(join(home, 'reviews.jsonl'), 'utf8')).toMatch(/"undo":/);

    // The next drill asks the card failed today first, then new cards; not 1 (Good) or 3 (Easy).
    session = startKfq({ args: ['drill', '-n', '5'], env: { KFQ_HOME: home } });
    screen = await session.waitFor('1/5');
    expect(screen).toContain('#2 Why is Kubeflow needed');
    await session.revealAndGrade('3');
    screen = await session.waitFor('2/5');
    expect(screen).toContain('#4 How does Kubeflow interact');
    session.sendKeys('Escape');
    expect(await session.exitCode()).toBe(0);
    expect(history(home).map((r) => r.questionId)).toEqual(['kubeflow/2', 'kubeflow/3', 'kubeflow/2', 'kubeflow/1']);
  });

  it('treats q and u as letters once an answer is being typed, and u as a letter while there is nothing to undo', async () => {
    const home = tempHome();
    session = startKfq({ args: ['drill', '-n', '2'], env: { KFQ_HOME: home } });
    await session.waitFor('1/2');
    session.typeText('users, quotas and queues');
    session.sendKeys('Enter');
    const screen = await session.waitFor('Reference answer');
    expect(screen).toContain('users, quotas and queues');
  });

  it('ends with exit code 130 on Ctrl+C, with the grades already given saved and summed up', async () => {
    const home = tempHome();
    session = startKfq({ args: ['drill', '-n', '3'], env: { KFQ_HOME: home } });
    await session.waitFor('1/3');
    await session.revealAndGrade('3');
    await session.waitFor('2/3');
    session.typeText('half an ans');
    session.sendKeys('C-c');
    expect(await session.exitCode()).toBe(130);
    expect(session.screen()).toContain('1 card done');
    expect(history(home).map((r) => [r.questionId, r.rating])).toEqual([['kubeflow/1', 3]]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('exits %s → %i with the grades already given saved', async (signal, code) => {
    const home = tempHome();
    session = startKfq({ args: ['drill', '-n', '3'], env: { KFQ_HOME: home } });
    await session.waitFor('1/3');
    await session.revealAndGrade('2');
    await session.waitFor('2/3');
    process.kill(session.pid(), signal);
    expect(await session.exitCode()).toBe(code);
    expect(history(home).map((r) => [r.questionId, r.rating])).toEqual([['kubeflow/1', 2]]);
  });

  it('takes answers that start with q or u; q or u alone, then Enter, quit or undo', async () => {
    const home = tempHome();
    session = startKfq({ args: ['drill', '-n', '2', '--order', 'new'], env: { KFQ_HOME: home } });
    await session.waitFor('1/2');
    await session.revealAndGrade('3');
    await session.waitFor('2/2');
    session.typeText('u');
    expect(await session.waitFor('Enter takes back the last grade')).toContain('> u');
    session.sendKeys('Enter');
    let screen = await session.waitFor('Took back Good');
    expect(screen).toContain('1/2');

    session.sendKeys('3');
    await session.waitFor('2/2');
    session.typeText('quotas and usage limits');
    screen = await session.waitFor('> quotas and usage limits');
    expect(screen).toContain('2/2');
    session.sendKeys('Enter');
    screen = await session.waitFor('Your answer');
    expect(screen).toContain('quotas and usage limits');
    session.sendKeys('4');
    // Card 1, graded Good while new, is on its 10-minute step: it comes back before the session ends.
    screen = await session.waitFor('3/3');
    expect(screen).toContain('#1 ');
    session.sendKeys('Escape');
    expect(await session.exitCode()).toBe(0);
    expect(history(home).map((entry) => [entry.rating, entry.answer])).toEqual([
      [4, 'quotas and usage limits'],
      [3, ''],
    ]);
  });

  it('ends on q then Enter at a question, keeping what was graded', async () => {
    const home = tempHome();
    session = startKfq({ args: ['drill', '-n', '3', '--order', 'new'], env: { KFQ_HOME: home } });
    await session.waitFor('1/3');
    await session.revealAndGrade('2');
    await session.waitFor('2/3');
    session.typeText('q');
    await session.waitFor('Enter quits');
    session.sendKeys('Enter');
    expect(await session.exitCode()).toBe(0);
    expect(history(home).map((entry) => entry.rating)).toEqual([2]);
  });

  it('is readable at 40 columns: nothing cut, the grade keys wrap whole', async () => {
    const home = tempHome();
    session = startKfq({ args: ['drill', '-n', '3', '--order', 'new'], env: { KFQ_HOME: home }, cols: 40, rows: 30 });
    let screen = await session.waitFor('1/3');
    // The title gives way to the progress, which stays whole at the right edge.
    expect(screen.split('\n')[0]).toMatch(/^Top 100 Kubeflow .*…\s+1\/3 [█░]{10}$/);
    expect(screen.split('\n')[0]).toHaveLength(40);
    // Under the category: what the day holds.
    expect(screen.split('\n')[2]).toBe('0 due · 20 new · 0 learning');
    session.sendKeys('q', 'Enter');
    await session.exitCode();
    session.close();

    session = startKfq({ args: ['drill', '-n', '3', '-c', 'advanced and'], env: { KFQ_HOME: home }, cols: 40, rows: 30 });
    screen = await session.waitFor('1/3');
    expect(screen).toContain('#51 How do you deploy models with');
    session.typeText('KFServing inference service with storage uri and resources');
    session.sendKeys('Enter');
    screen = await session.waitFor('Reference answer');
    const lines = screen.split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    // Words are wrapped, not cut: every word of the reference answer is on the screen whole.
    const reference =
      'Use KFServing to define model inference services, specifying model storage locations and resource requirements for deployment on Kubernetes.';
    const shown = new Set(screen.split(/\s+/));
    for (const word of reference.split(' ')) expect(shown).toContain(word);
    const keyLines = lines.filter((line) => /· \d+[md]/.test(line));
    expect(keyLines.length).toBeGreaterThanOrEqual(2);
    for (const line of keyLines) expect(line).toMatch(/^(\d (Again|Hard|Good|Easy) · \d+[md]\s*)+$/);
  });

  it('says when the next card is due when nothing is due or new, and exits 0', async () => {
    const home = tempHome();
    const deck = join(home, 'tiny.md');
    writeFileSync(
      deck,
      '---\ntitle: Tiny\n---\n\n### Basics\n\n1. **What is Argo?**\n   - A workflow engine.\n\n2. **What is Istio?**\n   - A service mesh.\n',
    );
    const listed = JSON.parse(runKfq(['--deck', deck, 'list', '--json'], { env: { KFQ_HOME: home } }).stdout) as {
      id: string;
      number: number;
      deck: string;
      question: string;
    }[];
    expect(listed).toHaveLength(2);
    // Good twice, ten minutes apart: both learning steps passed, so each card is days away.
    const at = (minutesAgo: number): string => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const lines = listed.flatMap((q) =>
      [at(20), at(10)].map((reviewedAt) =>
        JSON.stringify({
          questionId: q.id,
          deck: q.deck,
          number: q.number,
          question: q.question,
          rating: 3,
          reviewedAt,
          durationMs: 1000,
          answer: '',
          mode: 'drill',
        }),
      ),
    );
    writeFileSync(join(home, 'reviews.jsonl'), `{"kfq":"review-log","version":1}\n${lines.join('\n')}\n`);

    session = startKfq({ args: ['--deck', deck, 'drill'], env: { KFQ_HOME: home } });
    expect(await session.exitCode()).toBe(0);
    const screen = session.screen().replace(/\n/g, ' ');
    expect(screen).toMatch(/^Nothing to drill: no card is due and every question has been seen\. The next card is due in \d+ days? \(/);
    expect(screen).toContain('kfq drill --order random');
  });

  it('fails before the first card when KFQ_HOME is a file (exit 3)', async () => {
    const home = tempHome();
    const file = join(home, 'a-file');
    writeFileSync(file, 'x');
    session = startKfq({ args: ['drill'], env: { KFQ_HOME: file } });
    expect(await session.exitCode()).toBe(3);
    // A long temp path wraps at 80 columns.
    const screen = session.screen().replace(/\n/g, '');
    expect(screen).toContain(`kfq: cannot create the folder ${file}: a file is in the way`);
    expect(screen).not.toContain('1/10');
  });

  it('refuses a review log written by a newer kfq and leaves it untouched (exit 3)', async () => {
    const home = tempHome();
    const text = '{"kfq":"review-log","version":9}\n';
    writeFileSync(join(home, 'reviews.jsonl'), text);
    session = startKfq({ args: ['drill'], env: { KFQ_HOME: home } });
    expect(await session.exitCode()).toBe(3);
    expect(session.screen().replace(/\n/g, '')).toContain('written by a newer kfq');
    expect(readFileSync(join(home, 'reviews.jsonl'), 'utf8')).toBe(text);
  });
});
