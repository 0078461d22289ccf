// Stable, unique question ids: `<deck>/<explicit id>` when the author wrote
// one (explicitIds.ts), else `<deck>/<number>` when the number is unique in
// the deck, `<deck>/<category>/<number>` when numbering restarts per category,
// and a `-2`, `-3` … suffix for a number repeated within one category.
import type { Question } from '../model/question.js';
import type { DeckWarning } from '../model/deck.js';
import type { DraftQuestion } from './questions.js';
import { slugify, untakenName } from './slug.js';

export function assignIds(
  drafts: DraftQuestion[],
  slug: string,
  file: string,
  explicitIdAt: (line: number) => string | undefined = () => undefined,
): { questions: Question[]; warnings: DeckWarning[] } {
  const warnings: DeckWarning[] = [];
  const explicitIds = givenIds(drafts, explicitIdAt, file, warnings);
  // Questions with no number in the source are numbered by their position.
  const numbers = drafts.map((draft, index) => draft.number ?? index + 1);
  const repeated = repeatedNumbers(numbers);

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
    const explicitId = explicitIds[index];
    const id =
      explicitId !== undefined ? `${slug}/${explicitId}` : !repeated.has(number) ? `${slug}/${number}` : qualifiedId(draft, number);
    const question: Question = {
      id,
      number,
      category: draft.category,
      question: draft.question,
      prompt: draft.prompt,
      answer: draft.answer,
      line: draft.line,
      deck: slug,
    };
    if (explicitId !== undefined) question.explicitId = explicitId;
    return question;
  });
  return { questions, warnings };
}

/** The numbers used more than once; found by sorting, which is cheaper than counting every number in a map. */
function repeatedNumbers(numbers: readonly number[]): Set<number> {
  const sorted = Float64Array.from(numbers).sort();
  const repeated = new Set<number>();
  for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]!);
  return repeated;
}

/** Each draft's explicit id (`<!-- kfq:id … -->`), the first use of an id winning; later uses are warned about and ignored. */
function givenIds(
  drafts: DraftQuestion[],
  explicitIdAt: (line: number) => string | undefined,
  file: string,
  warnings: DeckWarning[],
): Array<string | undefined> {
  const firstLine = new Map<string, number>();
  return drafts.map((draft) => {
    const id = explicitIdAt(draft.line);
    if (id === undefined) return undefined;
    const first = firstLine.get(id);
    if (first === undefined) {
      firstLine.set(id, draft.line);
      return id;
    }
    warnings.push({
      file,
      line: draft.line,
      message: `the id "${id}" was already given at line ${first}; this question keeps its number id`,
    });
    return undefined;
  });
}
