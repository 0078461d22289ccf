// The graded set (bench/grading/answers.json: typed answers graded by a person, written before the
// grader ran on them) as a test, with floors a little under what npm run bench:grading reports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDeckFile } from '../../../src/deck/load.js';
import { gradingOptions } from '../../../src/practice/grading.js';
import { scoreAnswer } from '../../../src/practice/scoring.js';

interface GradedAnswer {
  deck: string;
  question: string;
  kind: string;
  grade: number;
  typed: string;
}

const root = new URL('../../../', import.meta.url).pathname;
const { answers } = JSON.parse(readFileSync(`${root}bench/grading/answers.json`, 'utf8')) as { answers: GradedAnswer[] };
const decks = new Map([...new Set(answers.map((answer) => answer.deck))].map((file) => [file, readDeckFile(root + file).deck]));
const options = new Map([...decks].map(([file, deck]) => [file, gradingOptions([deck])]));
const simple = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const scored = answers.map((answer) => {
  const question = decks.get(answer.deck)!.questions.find((q) => simple(q.question).startsWith(simple(answer.question)))!;
  return { ...answer, score: scoreAnswer(question.answer, answer.typed, question.question, options.get(answer.deck)).score };
});
const meanOf = (kind: string): number => {
  const ofKind = scored.filter((row) => row.kind === kind);
  return ofKind.reduce((sum, row) => sum + row.score, 0) / ofKind.length;
};

function ranks(values: number[]): number[] {
  const order = values.map((value, i) => [value, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) result[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return result;
}

function pearson(a: number[], b: number[]): number {
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [ma, mb] = [mean(a), mean(b)];
  let cov = 0;
  let va = 0;
  let vb = 0;
  a.forEach((value, i) => {
    cov += (value - ma) * (b[i]! - mb);
    va += (value - ma) ** 2;
    vb += (b[i]! - mb) ** 2;
  });
  return cov / Math.sqrt(va * vb);
}

describe('the graded set', () => {
  it('holds at least 80 answers over at least 25 questions of three decks, every kind present', () => {
    expect(scored.length).toBeGreaterThanOrEqual(80);
    expect(new Set(scored.map((row) => `${row.deck}#${row.question}`)).size).toBeGreaterThanOrEqual(25);
    expect(decks.size).toBe(3);
    expect(new Set(scored.map((row) => row.kind))).toEqual(new Set(['full', 'partial', 'wrong', 'list', 'negated', 'alias', 'typo']));
  });

  it('when graded then the scores rank the answers as the person did (Spearman >= 0.86)', () => {
    expect(pearson(ranks(scored.map((row) => row.grade)), ranks(scored.map((row) => row.score)))).toBeGreaterThanOrEqual(0.86);
  });

  it('when answers deny the right terms then they score 10 or less on average', () => expect(meanOf('negated')).toBeLessThanOrEqual(10));
  it('when answers are bare lists then they score 40 or less on average', () => expect(meanOf('list')).toBeLessThanOrEqual(40));
  it('when full answers are in other words then they score 74 or more on average', () => expect(meanOf('full')).toBeGreaterThanOrEqual(74));
  it('when answers use abbreviations and synonyms then they score 80 or more on average', () =>
    expect(meanOf('alias')).toBeGreaterThanOrEqual(80));
});
