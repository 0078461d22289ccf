import { describe, expect, it } from 'vitest';
import { builtinDeckPath, readDeckFile } from '../../../src/deck/index.js';
import { buildSearchIndex, searchQuestions } from '../../../src/search/index.js';
import { plainText } from '../../../src/search/plainText.js';

const seed = readDeckFile(builtinDeckPath()).deck;
const index = buildSearchIndex(seed.questions);

// Each query must find the question it names in its top 3 hits.
const qualityTable: Array<[query: string, expected: number]> = [
  ['what is katib', 23],
  ['cannary deploymnet', 54],
  ['istio traffic split', 56],
  ['traffic split istio', 56],
  ['kubectl logs', 15],
  ['hyperparamter tunning katib', 47],
  ['model interpretability shap', 100],
  ['pipline retries', 38],
  ['multi user setup', 20],
  ['kfctl instalation', 12],
  ['microk8s', 18],
  ['kustomize', 30],
  ['inferenceservice secure', 55],
  ['tensorflow serving difference', 57],
  ['argo pipelines', 26],
  ['model drift', 42],
];

describe('search quality on the seed deck', () => {
  it.each(qualityTable)('"%s" finds question %i in the top 3', (query, expected) => {
    const top = searchQuestions(index, query, { limit: 3 }).map((hit) => hit.question.number);
    expect(top).toContain(expected);
  });

  it('finds only Katib questions for "katib"', () => {
    const hits = searchQuestions(index, 'katib', { limit: 10 });
    expect(hits).toHaveLength(10);
    for (const hit of hits) expect(`${hit.question.question} ${hit.question.answer}`).toMatch(/katib/i);
  });

  it('ranks hits best first', () => {
    const scores = searchQuestions(index, 'katib', { limit: 10 }).map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('finds only the given category when one is given', () => {
    const hits = searchQuestions(index, 'katib', { category: 'Hyperparameter Tuning and Experimentation' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.question.category === 'Hyperparameter Tuning and Experimentation')).toBe(true);
  });

  it('returns nothing for words that match nothing', () => {
    expect(searchQuestions(index, 'zzqxjv')).toEqual([]);
    expect(searchQuestions(index, '   ')).toEqual([]);
  });

  it('reports where the matched words are in the question', () => {
    const [hit] = searchQuestions(index, 'canary', { limit: 1 });
    const [start, end] = hit!.questionRanges[0]!;
    expect(hit!.question.question.slice(start, end + 1).toLowerCase()).toBe('canary');
  });
});

describe('plainText', () => {
  it.each([
    ['- Use **Katib** for `tuning`.', 'Use Katib for tuning.'],
    ['1. first\n2. second', 'first second'],
    ['See [the docs](https://example.com) now', 'See the docs now'],
    ['snake_case_name stays', 'snake_case_name stays'],
  ])('turns %j into %j', (markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });
});
