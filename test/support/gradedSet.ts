// The graded set (test/fixtures/evaluation/graded-answers.json: typed answers
// graded by a person, written before the grader ran on them), scored by kfq's
// grader: what test/unit/practice/grading-set.test.ts checks and npm run
// bench:grading reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDeckFile } from '../../src/deck/load.js';
import type { Deck } from '../../src/model/deck.js';
import type { Question } from '../../src/model/question.js';
import { gradingOptions } from '../../src/practice/grading.js';
import { scoreAnswer, type AnswerScore } from '../../src/practice/scoring.js';

export interface GradedAnswer {
  /** The deck file, from the repository's root. */
  deck: string;
  /** The start of the question's text in that deck. */
  question: string;
  kind: string;
  /** The person's grade, 0-100. */
  grade: number;
  typed: string;
}

export interface ScoredAnswer extends GradedAnswer {
  result: AnswerScore;
}

export interface GradedSet {
  /** Each deck of the set by its file. */
  decks: Map<string, Deck>;
  answers: ScoredAnswer[];
}

/** The set read from the repository at `root`, each answer scored as kfq scores it in a session over its deck. */
export function scoreGradedSet(root: string): GradedSet {
  const file = join(root, 'test', 'fixtures', 'evaluation', 'graded-answers.json');
  const { answers } = JSON.parse(readFileSync(file, 'utf8')) as { answers: GradedAnswer[] };
  const decks = new Map<string, Deck>();
  const options = new Map<string, ReturnType<typeof gradingOptions>>();
  for (const deckFile of new Set(answers.map((answer) => answer.deck))) {
    const { deck } = readDeckFile(join(root, deckFile));
    decks.set(deckFile, deck);
    options.set(deckFile, gradingOptions([deck]));
  }
  const scored = answers.map((answer) => {
    const question = questionOf(decks.get(answer.deck)!, answer);
    return { ...answer, result: scoreAnswer(question.answer, answer.typed, question.question, options.get(answer.deck)) };
  });
  return { decks, answers: scored };
}

function questionOf(deck: Deck, answer: GradedAnswer): Question {
  const found = deck.questions.find((question) => simple(question.question).startsWith(simple(answer.question)));
  if (!found) throw new Error(`no question "${answer.question}" in ${answer.deck}`);
  return found;
}

function simple(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
