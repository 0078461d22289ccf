// The graded set (test/fixtures/evaluation/graded-answers.json: typed answers graded by a person, written
// before the grader ran on them) as a test, with floors a little under what npm run bench:grading reports.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scoreGradedSet } from '../../support/gradedSet.js';
import { spearman } from '../../support/spearman.js';

const { decks, answers } = scoreGradedSet(fileURLToPath(new URL('../../../', import.meta.url)));
const scored = answers.map((answer) => ({ ...answer, score: answer.result.score }));
const meanOf = (kind: string): number => {
  const ofKind = scored.filter((row) => row.kind === kind);
  return ofKind.reduce((sum, row) => sum + row.score, 0) / ofKind.length;
};

describe('the graded set', () => {
  it('holds at least 80 answers over at least 25 questions of three decks, every kind present', () => {
    expect(scored.length).toBeGreaterThanOrEqual(80);
    expect(new Set(scored.map((row) => `${row.deck}#${row.question}`)).size).toBeGreaterThanOrEqual(25);
    expect(decks.size).toBe(3);
    expect(new Set(scored.map((row) => row.kind))).toEqual(new Set(['full', 'partial', 'wrong', 'list', 'negated', 'alias', 'typo']));
  });

  it('when graded then the scores rank the answers as the person did (Spearman >= 0.86)', () => {
    expect(
      spearman(
        scored.map((row) => row.grade),
        scored.map((row) => row.score),
      ),
    ).toBeGreaterThanOrEqual(0.86);
  });

  it('when answers deny the right terms then they score 10 or less on average', () => expect(meanOf('negated')).toBeLessThanOrEqual(10));
  it('when answers are bare lists then they score 40 or less on average', () => expect(meanOf('list')).toBeLessThanOrEqual(40));
  it('when full answers are in other words then they score 74 or more on average', () => expect(meanOf('full')).toBeGreaterThanOrEqual(74));
  it('when answers use abbreviations and synonyms then they score 80 or more on average', () =>
    expect(meanOf('alias')).toBeGreaterThanOrEqual(80));
});
