// Grading a typed answer, rule by rule, on real answers from the seed deck (data/kubeflow.md)
// with the seed deck's own weights and aliases, as drill and mock grade them.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDeckFile } from '../../../src/deck/load.js';
import { gradingOptions } from '../../../src/practice/grading.js';
import { referencePoints } from '../../../src/practice/keyTerms.js';
import { LIST_CAP, scoreAnswer, suggestRating, type AnswerScore } from '../../../src/practice/scoring.js';

const seedFile = new URL('../../../data/kubeflow.md', import.meta.url).pathname;
const { deck } = readDeckFile(seedFile);
const options = gradingOptions([deck]);
const question = (n: number) => deck.questions.find((q) => q.number === n)!;
const grade = (n: number, typed: string): AnswerScore => scoreAnswer(question(n).answer, typed, question(n).question, options);
const bare = (reference: string, typed: string, asked?: string): AnswerScore => scoreAnswer(reference, typed, asked);

describe('points of a reference', () => {
  it('when the reference has list items, sentences and table rows then each is a point; headings and code blocks are not', () => {
    const points = referencePoints(
      '## Heading\n\n- Katib tunes hyperparameters.\n- TFJob trains TensorFlow. It runs distributed jobs.\n\n```\ncode block\n```\n\n| tool | job |\n|---|---|\n| Argo | workflows |',
    );
    expect(points.map((point) => point.text)).toEqual([
      'Katib tunes hyperparameters.',
      'TFJob trains TensorFlow.',
      'It runs distributed jobs.',
      'Argo: workflows',
    ]);
  });

  it('when a point is read then its terms are names, code spans and noun phrases as written in it', () => {
    const [point] = referencePoints(
      'Run `kubectl get pods -n kubeflow`, then read the **pod events** in [Argo](https://argoproj.github.io).',
    );
    expect(point!.text).toBe('Run kubectl get pods -n kubeflow, then read the pod events in Argo.');
    expect(point!.terms.filter((term) => !term.loose).map((term) => term.text)).toEqual([
      'kubectl get pods -n kubeflow',
      'pod events',
      'Argo',
    ]);
  });

  it('when a seed answer is plain text then the points read without marked are those marked reads', () => {
    // An HTML comment makes the answer Markdown, so it goes through marked.
    for (const q of deck.questions)
      expect(
        referencePoints(q.answer).map((p) => p.text),
        q.id,
      ).toEqual(referencePoints(`${q.answer}\n\n<!-- -->`).map((p) => p.text));
  });

  it('when any seed answer is read then every term is text of its point (no joined list items, no invented words)', () => {
    for (const q of deck.questions) {
      for (const point of referencePoints(q.answer)) {
        for (const term of point.terms) expect(point.text.toLowerCase()).toContain(term.text.toLowerCase());
      }
    }
  });
});

describe('matching', () => {
  it('when a short word is inflected then it still matches ("kubectl log" for `kubectl logs`)', () => {
    expect(grade(15, 'read them with kubectl log').points[0]!.matched).toEqual(expect.arrayContaining(['kubectl', 'log']));
  });

  it('when a term is written with a space, a hyphen or joined then it matches ("open source" for "open-source platform")', () => {
    expect(grade(1, 'an open source ML platform on kubernetes').covered).toContain('open-source platform');
    expect(grade(1, 'an opensource platform').covered).toContain('open-source platform');
  });

  it('when words are out of order then the phrase is not covered ("pod autoscaler horizontal")', () => {
    expect(grade(70, 'it is done with the pod autoscaler horizontal').covered).not.toContain('Horizontal Pod Autoscaler');
    expect(grade(70, 'it is done with the horizontal pod autoscaler').covered).toContain('Horizontal Pod Autoscaler');
  });

  it('when the question names the main term then the answer using it to explain still earns credit', () => {
    expect(grade(26, 'Argo Workflows orchestrates the pipeline steps').score).toBeGreaterThanOrEqual(40);
    expect(grade(26, 'it uses argo').score).toBeLessThan(grade(26, 'Argo Workflows orchestrates the pipeline steps').score);
  });
});

describe('aliases both ways', () => {
  it('when the answer abbreviates (HPA, k8s) then the long form is covered', () => {
    expect(grade(70, 'the HPA of k8s scales the pods on load').covered).toEqual(
      expect.arrayContaining(['Horizontal Pod Autoscaler', 'Kubernetes']),
    );
  });

  it('when the deck defines "machine learning (ML)" then either covers the other', () => {
    const score = grade(1, 'a platform to run machine learning workflows');
    expect(score.covered).toEqual(expect.arrayContaining(['machine learning', 'ML']));
  });

  it('when the answer uses the modern name (KServe, kustomize manifests) then the old one is covered', () => {
    expect(grade(3, 'notebooks, pipelines, katib, the training operators and KServe for serving').covered).toContain('KFServing');
    expect(grade(11, 'apply the kustomize manifests, or use MiniKF or MicroK8s').covered).toContain('Kfctl');
  });

  it('when the answer says mutual TLS then mTLS is covered', () => {
    expect(grade(55, 'use Istio with mutual TLS').covered).toContain('mTLS');
  });
});

describe('negation', () => {
  it('when the answer denies the right terms then the point is contradicted and the score low', () => {
    const katib = grade(23, 'katib does not do hyperparameter tuning, you have to search for the best hyperparameters by hand');
    expect(katib.score).toBeLessThanOrEqual(20);
    const autoscaling = grade(
      70,
      'you cannot autoscale kubeflow; kubernetes node autoscaling and horizontal pod autoscaling do not work with it',
    );
    expect(autoscaling.score).toBeLessThanOrEqual(20);
    expect(autoscaling.points[0]!.status).toBe('contradicted');
    expect(autoscaling.notes).toContain('the answer denies what the reference says');
  });

  it('when the negation is in another clause then the term still counts', () => {
    const score = bare('Katib does hyperparameter tuning.', 'TFJob does not tune anything; Katib does hyperparameter tuning');
    expect(score.covered).toContain('hyperparameter tuning');
    expect(score.points[0]!.status).toBe('covered');
  });

  it('when the reference itself denies something then saying so agrees with it', () => {
    expect(
      bare('Shadow deployments test models without impacting real users.', 'shadow deployments test models without impacting real users')
        .score,
    ).toBe(100);
  });
});

describe('lists of terms', () => {
  it('when the answer is a bare list then it is capped with a note saying why', () => {
    const score = grade(70, 'kubernetes node auto-scaling horizontal pod autoscaling resources');
    expect(score.score).toBeLessThanOrEqual(LIST_CAP);
    expect(score.notes).toContain('a list of terms, not an explanation');
  });

  it('when the answer explains with the same terms then it is not capped', () => {
    const score = grade(70, "Kubernetes' Horizontal Pod Autoscaler scales the models and pipeline steps with the load");
    expect(score.notes).toEqual([]);
    expect(score.score).toBeGreaterThan(LIST_CAP);
  });

  it('when the reference is itself a list of names then a list answers it', () => {
    expect(bare('metadata, kind and apiVersion', 'metadata kind apiVersion').score).toBe(100);
  });
});

describe('partial credit', () => {
  it.each<[number, string]>([
    [64, 'steps run in containers'],
    [45, 'add more nodes to the cluster'],
    [90, 'comparing two models'],
    [71, 'it caches things to make it faster'],
  ])('when answer %i is partly right ("%s") then it earns some credit, less than a full answer', (n, typed) => {
    const score = grade(n, typed);
    expect(score.score).toBeGreaterThan(0);
    expect(score.score).toBeLessThan(70);
  });

  it('when a long reference is answered by its main points then it earns full marks', () => {
    const reference =
      '- Katib tunes hyperparameters.\n- TFJob trains TensorFlow.\n- PyTorchJob trains PyTorch.\n- KServe serves models.\n- Argo runs workflows.\n- Istio secures traffic.';
    expect(
      bare(reference, 'Katib tunes hyperparameters, TFJob trains TensorFlow, PyTorchJob trains PyTorch, KServe serves models').score,
    ).toBe(100);
  });
});

describe('score and suggested grade', () => {
  it('when the score is low, middling, good or high then it suggests Again, Hard, Good or Easy', () => {
    expect([0, 29, 30, 59, 60, 84, 85, 100].map(suggestRating)).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(grade(1, '').suggestedRating).toBe(1);
  });

  it('when the answer or the reference is empty then the score is 0 and nothing divides by zero', () => {
    expect(grade(1, '').score).toBe(0);
    expect(grade(1, '   ').points.every((point) => point.status === 'missed')).toBe(true);
    expect(bare('', 'anything')).toEqual({
      terms: [],
      covered: [],
      missed: [],
      coverage: 0,
      score: 0,
      points: [],
      notes: [],
      suggestedRating: 1,
    });
  });

  it('keeps terms, covered, missed and coverage beside the points', () => {
    const score = grade(46, 'rbac, istio for network security, oauth');
    expect(score.covered).toEqual(expect.arrayContaining(['RBAC', 'Istio', 'OAuth']));
    expect(score.coverage).toBeCloseTo(score.covered.length / score.terms.length);
    expect(score.points.map((point) => point.status)).toEqual(['partly']);
  });
});

// Property tests over every seed answer and the two question banks.
const banks = ['../../fixtures/banks/devops-kubernetes.md', '../../fixtures/banks/data-engineer.md'].map(
  (file) => readDeckFile(new URL(file, import.meta.url).pathname).deck,
);
const all = [deck, ...banks].flatMap((d) => d.questions.map((q) => ({ q, options: d === deck ? options : gradingOptions([d]) })));
const pointsOf = (answer: string): string[] => referencePoints(answer).map((point) => point.text);
const item = fc.integer({ min: 0, max: all.length - 1 }).map((i) => all[i]!);

describe('properties', () => {
  it('when the reference answer itself is typed then it scores 100', () => {
    for (const { q, options: o } of all) {
      const score = scoreAnswer(q.answer, pointsOf(q.answer).join('. '), q.question, o);
      expect(score.score, `${q.id} ${JSON.stringify(score.points.filter((point) => point.status !== 'covered'))}`).toBe(100);
    }
  });

  it('when nothing is typed then it scores 0', () => {
    for (const { q, options: o } of all) expect(scoreAnswer(q.answer, '', q.question, o).score).toBe(0);
  });

  it('when a correct point is added then the score never drops', () => {
    fc.assert(
      fc.property(item, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.nat(), ({ q, options: o }, keep, extra) => {
        const points = pointsOf(q.answer);
        const kept = points.filter((_, i) => keep[i % keep.length]);
        const added = [...kept, points[extra % points.length]!];
        expect(scoreAnswer(q.answer, added.join('. '), q.question, o).score).toBeGreaterThanOrEqual(
          scoreAnswer(q.answer, kept.join('. '), q.question, o).score,
        );
      }),
    );
  });

  it('when a covered term is negated then the score never rises', () => {
    fc.assert(
      fc.property(item, fc.nat(), ({ q, options: o }, pick) => {
        const typed = pointsOf(q.answer).join('. ');
        const before = scoreAnswer(q.answer, typed, q.question, o);
        if (before.covered.length === 0) return;
        const term = before.covered[pick % before.covered.length]!;
        const at = typed.toLowerCase().indexOf(term.toLowerCase());
        if (at < 0) return;
        const negated = `${typed.slice(0, at)}not ${typed.slice(at)}`;
        expect(scoreAnswer(q.answer, negated, q.question, o).score).toBeLessThanOrEqual(before.score);
      }),
    );
  });
});

it('reads the seed deck', () => expect(readFileSync(seedFile, 'utf8')).toContain('What is Kubeflow?'));
