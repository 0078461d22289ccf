// Picking a category by a loose name and a question by number or id.
import { NotFoundError, UsageError } from '../errors.js';
import type { Question } from '../model/question.js';

/**
 * The category `name` means, case-insensitively: an exact match, else a unique
 * prefix, else a unique name holding it as whole words (`tuning` for
 * "Hyperparameter Tuning and Experimentation"), else a unique substring.
 */
export function selectCategory(categories: string[], name: string): string {
  const wanted = name.trim().toLowerCase();
  const exact = categories.find((category) => category.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const asWords = (category: string): boolean =>
    ` ${category
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .join(' ')} `.includes(` ${wanted} `);
  for (const matches of [
    categories.filter((category) => category.toLowerCase().startsWith(wanted)),
    categories.filter(asWords),
    categories.filter((category) => category.toLowerCase().includes(wanted)),
  ]) {
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      throw new UsageError(`"${name}" matches several categories: ${matches.join(', ')}`, { hint: 'type more of the name' });
    }
  }
  throw new UsageError(`no category matches "${name}"; the categories are: ${categories.join(', ')}`, {
    hint: 'run "kfq list" to see the categories and their questions',
  });
}

/**
 * The question `ref` names: an id (`kubeflow/42`), the end of one (`42`,
 * `basics/3`), or a number (`42`), compared case-insensitively.
 */
export function findQuestion(questions: Question[], ref: string): Question {
  const wanted = ref.trim().replace(/^#/, '').toLowerCase();
  const number = /^\d+$/.test(wanted) ? Number(wanted) : undefined;
  const candidates = [
    questions.filter((question) => question.id.toLowerCase() === wanted),
    questions.filter((question) => question.id.toLowerCase().endsWith(`/${wanted}`)),
    number === undefined ? [] : questions.filter((question) => question.number === number),
  ];
  for (const matches of candidates) {
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) {
      const ids = matches.slice(0, 6).map((question) => question.id);
      throw new UsageError(`"${ref}" matches ${matches.length} questions (${ids.join(', ')}${matches.length > ids.length ? ', …' : ''})`, {
        hint: `give the full id, such as ${ids[0]}`,
      });
    }
  }
  throw new NotFoundError(`no question matches "${ref}"`, { hint: 'run "kfq list" to see question numbers and ids' });
}
