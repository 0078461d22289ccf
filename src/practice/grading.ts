// What grading knows about the decks in use: how informative each word is
// across their questions, and every alias (the field's table, the decks' own
// text and front matter, the user's file). Built once per session.
import { builtinAliases, harvestAliases, parseAliasLines } from '../deck/aliases.js';
import type { Deck } from '../model/deck.js';
import type { Question } from '../model/question.js';
import { buildAliasTable, wordsOf } from '../deck/terms.js';
import type { GradingOptions, TermWeights } from './scoring.js';

/** Inverse document frequency over the questions (question and answer text), never below a floor. */
export function termWeights(questions: readonly Pick<Question, 'question' | 'answer'>[]): TermWeights {
  const documents = new Map<string, number>();
  for (const question of questions) {
    for (const stem of new Set(wordsOf(`${question.question} ${question.answer}`).map((word) => word.stem)))
      documents.set(stem, (documents.get(stem) ?? 0) + 1);
  }
  const total = questions.length;
  return { idf: (stem) => Math.max(0.1, Math.log((total + 1) / ((documents.get(stem) ?? 0) + 0.5))) };
}

/** Grading options for a session over these decks; `userAliases` is the text of the user's alias file, if any. */
export function gradingOptions(decks: readonly Pick<Deck, 'questions' | 'aliases'>[], userAliases = ''): GradingOptions {
  const questions = decks.flatMap((deck) => deck.questions);
  const harvested = questions.flatMap((question) => harvestAliases(`${question.question}\n${question.answer}`));
  const fromDecks = decks.flatMap((deck) => deck.aliases ?? []);
  return {
    weights: termWeights(questions),
    aliases: buildAliasTable(builtinAliases(), harvested, fromDecks, parseAliasLines(userAliases)),
  };
}
