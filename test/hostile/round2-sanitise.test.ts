// Hardening round 2: what kfq reads back from its own files (reports, the
// review log, origin notes, the cache, file names in its folders) is as
// untrusted as a deck. Escapes planted in every field of every stored file
// type never reach the terminal raw, in plain output or in --json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_HEADER, review, runKfq, tempDir, tempHome } from './helpers.js';

/** An OSC 52 clipboard write, a clear-screen, a title change, a C1 CSI and a bidi override. */
const EVIL = '\u001b]52;c;aGVsbG8=\u0007\u001b[2J\u001b]0;pwned\u0007\u009b31m\u202e';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function evilHome(): string {
  const home = tempHome();
  const lines = [
    LOG_HEADER,
    JSON.stringify({ ...review(1), questionId: `kubeflow/1${EVIL}`, deck: `kubeflow${EVIL}`, question: `q${EVIL}`, answer: `a${EVIL}` }),
    JSON.stringify({ ...review(2), mode: `drill${EVIL}` }),
    JSON.stringify({ ...review(3), reviewedAt: `2025-01-01${EVIL}` }),
    `not json ${EVIL}`,
  ];
  writeFileSync(join(home, 'reviews.jsonl'), `${lines.join('\n')}\n`);
  mkdirSync(join(home, 'reports'));
  const answer = {
    id: `kubeflow/5${EVIL}`,
    deck: 'kubeflow',
    number: 5,
    category: `Basics${EVIL}`,
    question: `Q${EVIL}`,
    answer: `A${EVIL}`,
    reference: `- R${EVIL}`,
    covered: [`c${EVIL}`],
    missed: [`m${EVIL}`],
    coverage: 0.5,
    secondsUsed: 30,
    timedOut: false,
    rating: 3,
  };
  const report = {
    kfq: 'interview-report',
    version: 1,
    id: `20250103-090000${EVIL}`,
    startedAt: '2025-01-03T09:00:00.000Z',
    finishedAt: '2025-01-03T09:05:00.000Z',
    status: 'completed',
    perQuestionSeconds: 120,
    totalSeconds: null,
    seed: 7,
    planned: 1,
    score: 50,
    questions: [answer],
  };
  writeFileSync(join(home, 'reports', '20250103-090000.json'), JSON.stringify(report));
  writeFileSync(join(home, 'reports', '20250104-090000.json'), JSON.stringify({ ...report, id: 'x', status: `done${EVIL}` }));
  // An installed deck whose origin note, and whose very file name, carry escapes.
  mkdirSync(join(home, 'decks'));
  writeFileSync(join(home, 'decks', 'mine.md'), `# Mine${EVIL}\n\n## Cat${EVIL}\n\n1. Question${EVIL}?\n\n   Answer${EVIL}.\n`);
  writeFileSync(
    join(home, 'decks', 'mine.json'),
    JSON.stringify({ source: `/tmp/x${EVIL}.md`, format: `markdown${EVIL}`, addedAt: `2025${EVIL}` }),
  );
  writeFileSync(join(home, 'decks', `odd${EVIL}.md`), '# Odd\n\n## A\n\n1. Q?\n\n   A.\n');
  return home;
}

const commands: string[][] = [
  ['mock', '--list'],
  ['mock', '--list', '--json'],
  ['mock', '--report', 'last'],
  ['mock', '--report', 'last', '--json'],
  ['history'],
  ['history', '--json'],
  ['stats'],
  ['stats', '--json'],
  ['deck', 'list'],
  ['deck', 'list', '--json'],
  ['export', '--history', '--format', 'json'],
  ['doctor'],
  ['doctor', '--json'],
  // Twice: the second run reads the installed deck from the cache.
  ['--deck', 'mine', 'list'],
  ['--deck', 'mine', 'list'],
  ['--deck', 'mine', 'show', '1'],
];

describe('escapes planted in every field of every file kfq keeps', () => {
  const home = evilHome();
  it.each(commands.map((args) => [args.join(' '), args] as const))(
    'when %s reads them, then no control character reaches the terminal',
    (_, args) => {
      const result = runKfq(args, { env: { KFQ_HOME: home } });
      expect([0, 1], result.stderr).toContain(result.code);
      expect(result.stdout).not.toMatch(CONTROL);
      expect(result.stderr).not.toMatch(CONTROL);
    },
  );

  it('when mock --report shows the planted id, then it is visible as escapes', () => {
    const result = runKfq(['mock', '--report', 'last'], { env: { KFQ_HOME: home } });
    expect(result.stdout).toContain('20250103-090000\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J');
  });

  it('when the deck named by a path has escapes in its file name, then errors about it are escaped too', () => {
    const result = runKfq(['--deck', join(tempDir(), `missing${EVIL}.md`), 'list'], { env: { KFQ_HOME: home } });
    expect(result.stderr).not.toMatch(CONTROL);
  });
});
