// Answer scoring, table-tested on real answers from the seed deck (data/kubeflow.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../../src/practice/scoring.js';

// Question number → [question, reference answer], read from the seed deck.
const seed = new Map<number, [string, string]>();
for (const match of readFileSync(new URL('../../../data/kubeflow.md', import.meta.url), 'utf8').matchAll(/^(\d+)\. \*\*(.+?)\*\*\n\s+- (.+)$/gm)) {
  seed.set(Number(match[1]), [match[2]!, match[3]!]);
}
const answerOf = (n: number): string => seed.get(n)![1];
const questionOf = (n: number): string => seed.get(n)![0];

describe('key terms of seed answers', () => {
  it('has read the seed deck', () => expect(seed.size).toBe(100));

  it.each([
    [3, ['Jupyter Notebooks', 'Pipelines', 'Katib', 'hyperparameter tuning', 'TFJob', 'PyTorchJob', 'KFServing']],
    [11, ['Kfctl', 'MiniKF', 'MicroK8s', 'Kubernetes', 'GKE', 'EKS', 'AKS']],
    [15, ['kubectl logs', 'pod statuses', 'Kubernetes', 'deployment manifests']],
    [46, ['RBAC', 'access control', 'secure network communication', 'Istio', 'OAuth']],
    [47, ['parameter configurations', 'Grid Search', 'Random Search', 'Bayesian Optimization']],
    [55, ['Istio', 'mTLS', 'OAuth', 'network policies', 'secure access control']],
    [70, ['Kubernetes', 'Horizontal Pod Autoscaler', 'scaling models', 'pipeline steps']],
    [99, ['Prometheus', 'Grafana', 'Elasticsearch', 'centralized logging']],
  ])('answer %i → %j', (n, terms) => {
    expect(scoreAnswer(answerOf(n), '', questionOf(n)).terms).toEqual(terms);
  });

  it('finds product names, acronyms, code spans and noun phrases, and drops what the question already names', () => {
    const { terms } = scoreAnswer(answerOf(26), '', questionOf(26)); // "How does Kubeflow use Argo for pipelines?"
    expect(terms).toContain('workflow engine');
    expect(terms).not.toContain('Argo');
    expect(scoreAnswer(answerOf(26), '').terms).toContain('Argo');
  });

  it('turns a leading verb and a trailing participle out of a phrase', () => {
    expect(scoreAnswer(answerOf(1), '', questionOf(1)).terms).toEqual(['open-source platform', 'machine learning', 'ML', 'Kubernetes']);
  });

  it('adds content words when an answer has too few key terms', () => {
    // "MicroK8s is a lightweight Kubernetes distribution that can deploy Kubeflow locally for development and testing."
    expect(scoreAnswer(answerOf(18), '', questionOf(18)).terms).toEqual(['Kubernetes', 'lightweight', 'distribution', 'development']);
  });

  it('scores a reference with no key terms on its content words', () => {
    expect(scoreAnswer('It depends on the budget.', '').terms).toEqual(['depends', 'budget']);
  });

  it('reads Markdown: code spans are terms, emphasis and links are plain words', () => {
    const { terms } = scoreAnswer('Run `kubectl get pods -n kubeflow`, then read the **pod events** in [Argo](https://argoproj.github.io).', '');
    expect(terms).toEqual(['kubectl get pods -n kubeflow', 'pod events', 'Argo']);
  });
});

describe('coverage of a typed answer', () => {
  it.each<[number, string, string[], string[]]>([
    [3, 'Jupyter notebooks, pipelines, Katib for hyperparameter tuning, TFJob, PyTorchJob and KFServing', ['Jupyter Notebooks', 'Pipelines', 'Katib', 'hyperparameter tuning', 'TFJob', 'PyTorchJob', 'KFServing'], []],
    [3, 'notebooks and katib', ['Katib'], ['Jupyter Notebooks', 'Pipelines', 'hyperparameter tuning', 'TFJob', 'PyTorchJob', 'KFServing']],
    [15, 'kubectl logs on the pods, describe the pod status', ['kubectl logs', 'pod statuses'], ['Kubernetes', 'deployment manifests']],
    [46, 'rbac, istio for network security, oauth', ['RBAC', 'Istio', 'OAuth'], ['access control', 'secure network communication']],
  ])('answer %i, typed %j', (n, typed, covered, missed) => {
    const score = scoreAnswer(answerOf(n), typed, questionOf(n));
    expect(score.covered).toEqual(covered);
    expect(score.missed).toEqual(missed);
    expect(score.coverage).toBeCloseTo(covered.length / (covered.length + missed.length));
  });

  it('ignores case and plurals', () => {
    expect(scoreAnswer('Use Prometheus and Grafana dashboards for alerting rules.', 'PROMETHEUS, grafana dashboard, an alerting rule').missed).toEqual([]);
  });

  it('tolerates small typos in longer words but not in short ones', () => {
    expect(scoreAnswer(answerOf(99), 'promethues, grafanna, elasticsaerch, centralised logging', questionOf(99)).coverage).toBe(1);
    // "Katib" has five letters: one typo allowed; "Argo" has four: none.
    expect(scoreAnswer('Katib and Argo.', 'katbi argp').covered).toEqual(['Katib']);
  });

  it('matches names written apart or with other punctuation', () => {
    expect(scoreAnswer(answerOf(44), 'tf job, pytorch job and mpi job', questionOf(44)).covered).toEqual(['TFJob', 'PyTorchJob', 'MPIJob']);
    expect(scoreAnswer(answerOf(41), 'cicd with kubeflow pipelines').covered).toContain('CI/CD');
    expect(scoreAnswer(answerOf(41), 'ci cd').covered).toEqual(['CI/CD']);
  });

  it('lets two of three words cover a three-word term', () => {
    expect(scoreAnswer(answerOf(43), 'prefetching data', questionOf(43)).covered).toContain('data prefetching techniques');
  });

  it('scores an empty answer 0 and never divides by zero', () => {
    expect(scoreAnswer(answerOf(1), '').coverage).toBe(0);
    expect(scoreAnswer('', 'anything')).toEqual({ terms: [], covered: [], missed: [], coverage: 0 });
  });
});
