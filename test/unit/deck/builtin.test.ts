import { describe, expect, it } from 'vitest';
import { builtinDeckPath, readDeckFile } from '../../../src/deck/index.js';

const { deck, warnings } = readDeckFile(builtinDeckPath());
const byNumber = (n: number) => deck.questions.find((question) => question.number === n)!;

describe('the built-in Kubeflow deck', () => {
  it('has exactly 100 questions numbered 1 to 100, in order, with ids kubeflow/<n>', () => {
    expect(deck.questions.map((q) => q.number)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(deck.questions.map((q) => q.id)).toEqual(Array.from({ length: 100 }, (_, i) => `kubeflow/${i + 1}`));
    expect(new Set(deck.questions.map((q) => q.deck))).toEqual(new Set(['kubeflow']));
  });

  it('has the 8 categories in order, without bold markers or the (51–100) range', () => {
    expect(deck.categories).toEqual([
      'Basic Concepts',
      'Installation and Setup',
      'Kubeflow Components',
      'Pipelines and Workflows',
      'Advanced Topics',
      'Advanced and Deployment Topics',
      'Hyperparameter Tuning and Experimentation',
      'Production Deployment',
    ]);
  });

  it('loads without warnings and reads the front matter', () => {
    expect(warnings).toEqual([]);
    expect(deck).toMatchObject({
      slug: 'kubeflow',
      title: 'Top 100 Kubeflow interview questions',
      author: 'Shyam Mohan',
      date: '2024-10-03T01:45:00.000Z',
    });
    expect(deck.description).toMatch(/^Here's a list of 100 Kubeflow interview questions, organized by categories/);
    expect(deck.path).toBe(builtinDeckPath());
  });

  it.each([
    [1, 'Basic Concepts', 'What is Kubeflow?', 'Kubeflow is an open-source platform designed for deploying'],
    [
      15,
      'Installation and Setup',
      'How do you troubleshoot Kubeflow installation issues?',
      'examine logs using `kubectl logs`, and review',
    ],
    [42, 'Advanced Topics', 'What is model drift, and how can Kubeflow help?', 'trigger retraining workflows'],
    [51, 'Advanced and Deployment Topics', 'How do you deploy models with KFServing?', 'Use KFServing to define model inference services'],
    [76, 'Hyperparameter Tuning and Experimentation', 'What is Bayesian Optimization in Katib?', 'builds a probabilistic model'],
  ])('reads question %i in "%s"', (number, category, question, answerPart) => {
    const q = byNumber(number);
    expect(q.category).toBe(category);
    expect(q.question).toBe(question);
    expect(q.answer).toMatch(/^- /);
    expect(q.answer).toContain(answerPart);
  });

  it('reads question 100, whose answer CommonMark sees as a lazy continuation line, as its own question and answer', () => {
    expect(byNumber(100)).toEqual({
      id: 'kubeflow/100',
      number: 100,
      category: 'Production Deployment',
      question: 'How does Kubeflow support model interpretability?',
      prompt: 'How does Kubeflow support model interpretability?',
      answer: '- Use SHAP or LIME with Kubeflow pipelines to visualize and interpret model decisions, aiding transparency.',
      line: 347,
      deck: 'kubeflow',
    });
  });

  it.each([
    [1, 20],
    [15, 66],
    [51, 192],
    [100, 347],
  ])('knows question %i starts on line %i', (number, line) => {
    expect(byNumber(number).line).toBe(line);
  });

  it('keeps question text plain and every answer a one-bullet Markdown list', () => {
    for (const q of deck.questions) {
      expect(q.question).not.toMatch(/\*\*|`/);
      expect(q.answer).toMatch(/^- \S/);
      expect(q.answer).not.toContain('\n');
    }
  });

  it('does not take the intro, the separators, the "continuation" sentence or the closing sentence as questions or answers', () => {
    const text = deck.questions.map((q) => `${q.question}\n${q.answer}`).join('\n');
    expect(text).not.toMatch(/Here's a list|Here’s a continuation|This list provides|^---$/m);
  });
});
