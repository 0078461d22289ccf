import { describe, expect, it } from 'vitest';
import { builtinDeckPath, readDeckFile } from '../../../src/deck/index.js';
import { parseDeck } from '../../../src/deck/parse.js';
import { analyseQuery } from '../../../src/search/query.js';
import { buildSearchIndex, searchQuestions } from '../../../src/search/index.js';
import { needsSpeller } from '../../../src/search/rank.js';
import { fuseSpeller } from '../../../src/search/fuse.js';
import { buildWordIndex, nearWords } from '../../../src/search/wordIndex.js';

const seed = readDeckFile(builtinDeckPath()).deck;
const index = buildSearchIndex(seed.questions);
const top = async (query: string, limit = 3) => (await searchQuestions(index, query, { limit })).map((hit) => hit.question.number);

/** A small deck from Markdown, for ranking cases the seed deck does not hold. */
function deckOf(markdown: string) {
  return buildSearchIndex(parseDeck(markdown, { path: '/decks/cases.md', slug: 'cases' }).deck.questions);
}
const topIn = async (deck: ReturnType<typeof deckOf>, query: string, limit = 3) =>
  (await searchQuestions(deck, query, { limit })).map((hit) => hit.question.question);

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
  it.each(qualityTable)('"%s" finds question %i in the top 3', async (query, expected) => {
    expect(await top(query)).toContain(expected);
  });

  it('finds only Katib questions for "katib"', async () => {
    const hits = await searchQuestions(index, 'katib', { limit: 10 });
    expect(hits.length).toBeGreaterThan(3);
    for (const hit of hits) expect(`${hit.question.question} ${hit.question.answer}`).toMatch(/katib/i);
  });

  it('ranks hits best first, the best at distance 0', async () => {
    const scores = (await searchQuestions(index, 'katib', { limit: 10 })).map((hit) => hit.score);
    expect(scores[0]).toBe(0);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it('finds only the given category when one is given', async () => {
    const hits = await searchQuestions(index, 'katib', { category: 'Hyperparameter Tuning and Experimentation' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.question.category === 'Hyperparameter Tuning and Experimentation')).toBe(true);
  });

  it('reports where the matched words are in the question', async () => {
    const [hit] = await searchQuestions(index, 'canary', { limit: 1 });
    const [start, end] = hit!.questionRanges[0]!;
    expect(hit!.question.question.slice(start, end + 1).toLowerCase()).toBe('canary');
  });
});

describe('when the query holds filler words', () => {
  it('then "kubeflow vs mlflow" puts the Kubeflow-versus-MLflow question first', async () => {
    expect(await top('kubeflow vs mlflow', 1)).toEqual([9]);
  });

  it('then "how do i debug a failed pipeline" ranks as "debug failed pipeline" does', async () => {
    expect(await top('how do i debug a failed pipeline', 1)).toEqual(await top('debug failed pipeline', 1));
  });

  it('then they are dropped from the query, unless nothing else is left', () => {
    expect(analyseQuery('how do i use istio').map((group) => group.alternatives[0])).toEqual([['use'], ['istio']]);
    expect(analyseQuery('what is it').map((group) => group.alternatives[0])).toEqual([['what'], ['is'], ['it']]);
  });
});

describe('when the query has a typo', () => {
  const parts = index.parts;
  it('then fuse.js is needed only for a word the deck does not know, long enough to be forgiven typos', () => {
    expect(needsSpeller(parts, analyseQuery('katib'))).toBe(false);
    expect(needsSpeller(parts, analyseQuery('what is katib pipelines'))).toBe(false);
    expect(needsSpeller(parts, analyseQuery('katbi'))).toBe(true);
    expect(needsSpeller(parts, analyseQuery('kfp zzz'))).toBe(false);
  });
});

describe('when a query word is near a word inside another word', () => {
  const deck = deckOf(
    [
      '## Tools',
      '',
      '1. **How is Kubeflow different from MLflow?**',
      '   - MLflow tracks experiments.',
      '2. **How does Kubeflow schedule runs?**',
      '   - Kubeflow runs pipelines on a schedule.',
      '3. **What is the lead time of a model release?**',
      '   - The time from commit to production.',
      '4. **How does ArgoCD sync apps?**',
      '   - ArgoCD compares Git with the cluster.',
      '5. **What is a CRD?**',
      '   - A custom resource definition extends the Kubernetes API.',
    ].join('\n'),
  );

  it('then "mlflow" does not match the "flow" inside "Kubeflow"', async () => {
    expect(await topIn(deck, 'mlflow')).toEqual(['How is Kubeflow different from MLflow?']);
  });

  it('then "lime" does not match "time", nor "crd" the "cd" of "ArgoCD"', async () => {
    expect(await topIn(deck, 'lime')).toEqual([]);
    expect(await topIn(deck, 'crd')).toEqual(['What is a CRD?']);
  });

  it('then whole words within a few typing mistakes still match, and so do word starts', async () => {
    expect(await topIn(deck, 'kubeflwo schedul', 1)).toEqual(['How does Kubeflow schedule runs?']);
    expect(await topIn(deck, 'argo', 1)).toEqual(['How does ArgoCD sync apps?']);
  });

  it('then the allowed mistakes grow with the word: none up to four letters', () => {
    const words = buildWordIndex(1, () => ['time timer kubeflow', '', '']);
    expect(nearWords(words, 'lime', fuseSpeller)).toEqual([]);
    expect(nearWords(words, 'kubefow', fuseSpeller).map((near) => near.surface)).toEqual(['kubeflow']);
  });

  it('then a typo earns the rarity of the word it matched, not of the word typed', async () => {
    const rare = deckOf(
      [
        '## A',
        '',
        ...Array.from({ length: 8 }, (_, i) => `${i + 1}. **How do pipelines run step ${i}?**\n   - Pipelines run steps.`),
        '9. **What is a pipe?**\n   - A pipe.',
      ].join('\n'),
    );
    // "pipelins" is one letter from the common "pipelines": it must not outrank an exact hit for a rare word.
    expect(await topIn(rare, 'pipelins pipe', 1)).toEqual(['What is a pipe?']);
  });
});

describe('when a short field repeats a common query word', () => {
  const deck = deckOf(
    [
      '## Kubeflow Components',
      '',
      '1. **What does the Kubeflow Notebook controller do?**',
      '   - It manages notebook servers for users.',
      '',
      '## Serving',
      '',
      '2. **How do you serve models with KServe in Kubeflow?**',
      '   - Create an InferenceService; KServe serves the model with autoscaling.',
    ].join('\n'),
  );

  it('then the category does not decide the ranking: the question about the rarer word wins', async () => {
    expect(await topIn(deck, 'kubeflow kserve', 1)).toEqual(['How do you serve models with KServe in Kubeflow?']);
  });
});

describe('when nothing meaningful matches', () => {
  it.each(['zzqxjv', '   ', 'gpu', 'feature store'])('then "%s" finds nothing', async (query) => {
    expect(await searchQuestions(index, query)).toEqual([]);
  });

  it('then a hit far below the best one is not shown', async () => {
    const hits = await searchQuestions(index, 'kubeflow vs mlflow', { limit: 10 });
    expect(hits.map((hit) => hit.question.number)).toEqual([9]);
  });
});

describe('aliases and acronyms', () => {
  const deck = deckOf(
    [
      '## Scaling',
      '',
      '1. **What is the Horizontal Pod Autoscaler?**',
      '   - It adds pods when load grows.',
      '2. **How do you scale with HPA and KEDA?**',
      '   - HPA scales on metrics; KEDA on events.',
      '3. **List all argocd apps**',
      '   - `argocd app list`',
      '4. **How do you run an A/B test?**',
      '   - Split traffic between two versions.',
    ].join('\n'),
  );

  it('then the acronym finds the spelt-out name', async () => {
    expect(await topIn(deck, 'hpa', 3)).toContain('What is the Horizontal Pod Autoscaler?');
  });

  it('then the spelt-out name finds the acronym', async () => {
    expect(await topIn(deck, 'horizontal pod autoscaler', 3)).toContain('How do you scale with HPA and KEDA?');
  });

  it('then "list applications" finds "List all argocd apps"', async () => {
    expect(await topIn(deck, 'list applications', 1)).toEqual(['List all argocd apps']);
  });

  it('then "ab testing" finds "A/B test"', async () => {
    expect(await topIn(deck, 'ab testing', 1)).toEqual(['How do you run an A/B test?']);
  });
});
