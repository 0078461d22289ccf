// Hardening round 2, two kfq at once: two `deck add` of one name, and two mock
// interviews started in the same second. Neither may silently replace the
// other's file, and a deck and its origin note always come from one add.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { kfqBin, kfqEnv, repoRoot } from '../e2e/run.js';
import { startReport } from '../../src/practice/interview.js';
import { reportFile, saveNewReport } from '../../src/store/interviewReports.js';
import { tempDir, tempHome } from './helpers.js';
import { hasTmux, Terminal } from './terminal.js';

function kfqAsync(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [kfqBin, ...args], { cwd: repoRoot, env: kfqEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function deckFile(dir: string, title: string): string {
  const file = join(dir, `${title}.md`);
  writeFileSync(file, `# ${title}\n\n## Basics\n\n1. Which deck is this?\n\n   This is ${title}.\n`);
  return file;
}

describe('two deck add of the same name at once', () => {
  it('when both start together, then one adds, the other gets "already installed", and deck and note agree (5 rounds)', async () => {
    const dir = tempDir();
    const files = [deckFile(dir, 'alpha'), deckFile(dir, 'beta')];
    for (let round = 0; round < 5; round++) {
      const home = tempHome();
      const results = await Promise.all(files.map((file) => kfqAsync(['deck', 'add', file, '--name', 'same'], { KFQ_HOME: home })));
      const codes = results.map((result) => result.code).sort();
      expect(codes, results.map((result) => result.stderr).join('\n')).toEqual([0, 2]);
      expect(results.find((result) => result.code === 2)!.stderr).toMatch(/^kfq: a deck named 'same' is already installed/);
      const deck = readFileSync(join(home, 'decks', 'same.md'), 'utf8');
      const origin = JSON.parse(readFileSync(join(home, 'decks', 'same.json'), 'utf8')) as { source: string };
      expect(deck).toBe(readFileSync(origin.source, 'utf8'));
      expect(readdirSync(join(home, 'decks')).sort()).toEqual(['same.json', 'same.md']);
    }
  });

  it('when both pass --force, then the deck and its note still come from the same add (5 rounds)', async () => {
    const dir = tempDir();
    const files = [deckFile(dir, 'alpha'), deckFile(dir, 'beta')];
    for (let round = 0; round < 5; round++) {
      const home = tempHome();
      const results = await Promise.all(
        files.map((file) => kfqAsync(['deck', 'add', file, '--name', 'same', '--force'], { KFQ_HOME: home })),
      );
      expect(results.map((result) => result.code)).toEqual([0, 0]);
      const origin = JSON.parse(readFileSync(join(home, 'decks', 'same.json'), 'utf8')) as { source: string };
      expect(readFileSync(join(home, 'decks', 'same.md'), 'utf8')).toBe(readFileSync(origin.source, 'utf8'));
    }
  });
});

describe('a report id taken by another interview between choosing and saving', () => {
  it('when another interview saves under the chosen id first, then this one takes the next id and the other file is untouched', () => {
    const folder = tempDir();
    const startedAt = new Date('2025-04-02T09:05:07');
    const other = (id: string) => startReport({ id, startedAt, perQuestionSeconds: 60, totalSeconds: null, seed: 1, planned: 1 });
    let planted = '';
    const mine = saveNewReport(folder, startedAt, (id) => {
      // The other interview wins the race for this id, in the window the old check-then-rename left open.
      if (!planted) {
        planted = reportFile(folder, id);
        writeFileSync(planted, JSON.stringify({ kfq: 'interview-report', version: 1, ...other(id), seed: 99 }));
      }
      return other(id);
    });
    expect(reportFile(folder, mine.id)).not.toBe(planted);
    expect((JSON.parse(readFileSync(planted, 'utf8')) as { seed: number }).seed).toBe(99);
    expect(readdirSync(folder).filter((name) => name.endsWith('.json'))).toHaveLength(2);
  });
});

describe.skipIf(!hasTmux)('two mock interviews started in the same second', () => {
  const terminals: Terminal[] = [];
  afterEach(() => {
    for (const terminal of terminals.splice(0)) terminal.dispose();
  });

  it('when both start at once, then each keeps its own report with its own answer', async () => {
    const home = tempHome();
    const mocks = [1, 2].map(() =>
      Terminal.start({
        args: ['mock', '-n', '1', '--per-question', '1m', '--seed', '3'],
        env: { KFQ_HOME: home },
        rows: 40,
        hangup: 'absorb',
      }),
    );
    terminals.push(...mocks);
    await Promise.all(mocks.map((mock) => mock.waitFor('Enter starts')));
    // The same instant: both reports are named from the same second.
    for (const mock of mocks) mock.sendKeys('Enter');
    await Promise.all(mocks.map((mock) => mock.waitFor('Question 1/1')));
    mocks.forEach((mock, index) => {
      mock.typeText(`answer from interview ${index + 1}`);
      mock.sendKeys('Enter');
    });
    for (const mock of mocks) {
      await mock.waitFor('Enter starts the self-review');
      mock.sendKeys('Enter');
      await mock.waitFor(/Self-review 1\/1[^]*1 Again · 2 Hard/);
      mock.sendKeys('3');
    }
    for (const mock of mocks) expect(await mock.exitCode()).toBe(0);

    const reports = readdirSync(join(home, 'reports')).filter((name) => name.endsWith('.json'));
    expect(reports).toHaveLength(2);
    const answers = reports.map(
      (name) => (JSON.parse(readFileSync(join(home, 'reports', name), 'utf8')) as { questions: { answer: string }[] }).questions[0]!.answer,
    );
    expect(answers.sort()).toEqual(['answer from interview 1', 'answer from interview 2']);
  });
});
