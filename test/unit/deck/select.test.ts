import { describe, expect, it } from 'vitest';
import { findQuestion, selectCategory, type Question } from '../../../src/deck/index.js';
import { NotFoundError, UsageError } from '../../../src/errors.js';

const categories = [
  'Basic Concepts',
  'Installation and Setup',
  'Pipelines and Workflows',
  'Advanced Topics',
  'Advanced and Deployment Topics',
  'Pipelines',
];

describe('selectCategory', () => {
  it.each([
    ['an exact name, ignoring case', 'basic concepts', 'Basic Concepts'],
    ['an exact name over a longer prefix match', 'pipelines', 'Pipelines'],
    ['a unique prefix', 'inst', 'Installation and Setup'],
    ['a unique substring', 'deploy', 'Advanced and Deployment Topics'],
    ['a whole word anywhere in the name', 'workflows', 'Pipelines and Workflows'],
    ['a name with spaces around it', '  setup ', 'Installation and Setup'],
  ])('accepts %s', (_, name, expected) => {
    expect(selectCategory(categories, name)).toBe(expected);
  });

  it('prefers whole words to a part of a word', () => {
    expect(selectCategory(['Unit Testing', 'A/B Test Design'], 'test')).toBe('A/B Test Design');
  });

  it('lists the matches when a prefix is ambiguous', () => {
    expect(() => selectCategory(categories, 'advanced')).toThrow(UsageError);
    expect(() => selectCategory(categories, 'advanced')).toThrow(
      '"advanced" matches several categories: Advanced Topics, Advanced and Deployment Topics',
    );
  });

  it('lists every category when nothing matches', () => {
    expect(() => selectCategory(categories, 'nope')).toThrow(UsageError);
    expect(() => selectCategory(categories, 'nope')).toThrow(
      /no category matches "nope"; the categories are: Basic Concepts, Installation and Setup/,
    );
  });
});

function question(id: string, number: number): Question {
  return { id, number, category: 'c', question: `q ${id}`, prompt: `q ${id}`, answer: '- a', line: 1, deck: id.split('/')[0]! };
}

const questions = [
  question('kubeflow/1', 1),
  question('kubeflow/42', 42),
  question('devops/git/3', 3),
  question('devops/linux/3', 3),
  question('devops/linux/7', 7),
  question('devops/linux/7-2', 7),
  question('mlops/42', 42),
];

describe('findQuestion', () => {
  it.each([
    ['an id', 'kubeflow/42', 'kubeflow/42'],
    ['an id in another case', 'KubeFlow/1', 'kubeflow/1'],
    ['a number unique across decks', '1', 'kubeflow/1'],
    ['a number with a #', '#1', 'kubeflow/1'],
    ['the end of an id', 'linux/3', 'devops/linux/3'],
    ['a number that also has a -2 duplicate', '7', 'devops/linux/7'],
    ['a duplicate by its suffixed number', '7-2', 'devops/linux/7-2'],
  ])('finds a question by %s', (_, ref, id) => {
    expect(findQuestion(questions, ref).id).toBe(id);
  });

  it.each([
    ['in several decks', '42', /"42" matches 2 questions \(kubeflow\/42, mlops\/42\)/],
    ['in several categories', '3', /"3" matches 2 questions \(devops\/git\/3, devops\/linux\/3\)/],
  ])('asks for the id when a number is %s', (_, ref, message) => {
    expect(() => findQuestion(questions, ref)).toThrow(UsageError);
    expect(() => findQuestion(questions, ref)).toThrow(message);
  });

  it.each(['999', 'kubeflow/999', 'what'])('reports %j as not found, with a hint', (ref) => {
    let error: unknown;
    try {
      findQuestion(questions, ref);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe(`no question matches "${ref}"`);
    expect((error as NotFoundError).hint).toMatch(/kfq list/);
  });
});
