// Stable, unique question ids: `<deck>/<number>` when the number is unique in
// the deck, `<deck>/<category>/<number>` when numbering restarts per category,
// and a `-2`, `-3` … suffix for a number repeated within one category.
import type { Question } from '../model/question.js';
import type { DeckWarning } from '../model/deck.js';
import type { DraftQuestion } from './questions.js';
import { slugify, untakenName } from './slug.js';

export function assignIds(drafts: DraftQuestion[], slug: string, file: string): { questions: Question[]; warnings: DeckWarning[] } {
  const warnings: DeckWarning[] = [];
  // Questions with no number in the source are numbered by their position.
  const numbers = drafts.map((draft, index) => draft.number ?? index + 1);
  const uses = new Map<number, number>();
  for (const number of numbers) uses.set(number, (uses.get(number) ?? 0) + 1);

  // Only ids of repeated numbers need checks: `<deck>/<n>` ids cannot clash with anything.
  const firstInCategory = new Map<string, { line: number; repeats: number }>();
  const taken = new Set<string>();
  const qualifiedId = (draft: DraftQuestion, number: number): string => {
    let id = `${slug}/${slugify(draft.category)}/${number}`;
    if (draft.number !== undefined) {
      const key = `${draft.category}\u0000${number}`;
      const first = firstInCategory.get(key);
      if (first) {
        id += `-${++first.repeats}`;
        warnings.push({
          file,
          line: draft.line,
          message: `question number ${number} appears again in "${draft.category}" (first at line ${first.line}); this one is ${id}`,
        });
      } else {
        firstInCategory.set(key, { line: draft.line, repeats: 1 });
      }
    }
    // Categories whose slugs collide (`C++` and `C`) could still clash.
    const unique = untakenName(id, taken);
    taken.add(unique);
    return unique;
  };

  const questions = drafts.map((draft, index): Question => {
    const number = numbers[index]!;
    const id = uses.get(number) === 1 ? `${slug}/${number}` : qualifiedId(draft, number);
    return { id, number, category: draft.category, question: draft.question, answer: draft.answer, line: draft.line, deck: slug };
  });
  return { questions, warnings };
}
