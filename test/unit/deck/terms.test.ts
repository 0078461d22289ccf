// Words, stems, variants, phrases and aliases as grading and search compare them (src/deck/terms.ts, src/deck/aliases.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasesFromFrontMatter, builtinAliases, harvestAliases, parseAliasLines } from '../../../src/deck/aliases.js';
import {
  buildAliasTable,
  editDistance,
  findPhrase,
  findTerm,
  NO_ALIASES,
  sameWord,
  spellingsOf,
  typoAllowance,
  wordsOf,
} from '../../../src/deck/terms.js';

const found = (phrase: string, typed: string, aliases = NO_ALIASES): string[] | undefined =>
  findTerm(wordsOf(phrase), wordsOf(typed), aliases)?.matched;
const same = (expected: string, typed: string): boolean => sameWord(wordsOf(expected)[0]!, wordsOf(typed)[0]!);

describe('inflection', () => {
  it.each([
    ['logs', 'log'],
    ['pods', 'pod'],
    ['scaling', 'scales'],
    ['pipelines', 'pipeline'],
    ['orchestration', 'orchestrates'],
    ['policies', 'policy'],
    ['optimisation', 'optimization'],
    ['containerised', 'containerized'],
  ])('when %s is expected then %s matches', (expected, typed) => expect(same(expected, typed)).toBe(true));

  it('when words only look alike then they do not match', () => {
    expect(same('pod', 'pot')).toBe(false);
    expect(same('data', 'date')).toBe(false);
    expect(same('katib', 'argo')).toBe(false);
  });
});

describe('typo tolerance scaled to length', () => {
  it('when a word has 4 letters or fewer then no typo is allowed', () => {
    expect(typoAllowance(4)).toBe(0);
    expect(same('argo', 'argp')).toBe(false);
  });
  it('when a word has 5 to 7 letters then one edit is allowed', () => {
    expect(same('katib', 'katbi')).toBe(true);
    expect(same('istio', 'isito')).toBe(true);
    expect(same('katib', 'kbtoi')).toBe(false);
  });
  it('when a word has 8 letters or more then two edits are allowed', () => {
    expect(same('hyperparameter', 'hyperparamter')).toBe(true);
    expect(same('prometheus', 'promethues')).toBe(true);
    expect(same('elasticsearch', 'elasticsaerch')).toBe(true);
  });
  it('when a word has digits then it must be exact', () => expect(same('k8s', 'k9s')).toBe(false));
});

describe('hyphen, space and joined variants', () => {
  it.each([
    ['open-source', 'an open source tool'],
    ['open-source', 'opensource'],
    ['open source', 'open-source'],
    ['autoscaling', 'auto-scaling'],
    ['auto-scaling', 'autoscaling of pods'],
    ['PyTorchJob', 'a pytorch job'],
    ['kube-proxy', 'kubeproxy'],
  ])('when the term is %s then "%s" matches', (term, typed) => expect(found(term, typed)).toBeDefined());
});

describe('phrases', () => {
  it('when the words come in order then the phrase matches', () =>
    expect(found('Horizontal Pod Autoscaler', 'the horizontal pod autoscaler')).toEqual(['horizontal', 'pod', 'autoscaler']));
  it('when the words come out of order then it does not', () =>
    expect(found('Horizontal Pod Autoscaler', 'pod autoscaler horizontal')).toBeUndefined());
  it('when one word is inserted then it still matches', () => expect(found('pod statuses', 'pod crash statuses')).toBeDefined());
  it('when two words are inserted then it does not', () => expect(found('pod statuses', 'pod and their statuses')).toBeUndefined());
  it('when a word comes before the phrase then it is not counted as inserted', () =>
    expect(findPhrase(wordsOf('model drift'), wordsOf('the model drift'))).toMatchObject({ start: 1, end: 3 }));
});

describe('aliases both ways', () => {
  const table = buildAliasTable([
    ['HPA', 'Horizontal Pod Autoscaler'],
    ['k8s', 'Kubernetes'],
    ['KServe', 'KFServing'],
  ]);
  it('when the reference has the long form then the abbreviation matches', () =>
    expect(found('Horizontal Pod Autoscaler', 'use the hpa', table)).toEqual(['hpa']));
  it('when the reference has the abbreviation then the long form matches', () =>
    expect(found('HPA', 'a horizontal pod autoscaler', table)).toBeDefined());
  it('when part of a term has an alias then the term matches with the alias in place', () => {
    expect(found('KFServing services', 'kserve services', table)).toBeDefined();
    expect(spellingsOf(wordsOf('Kubernetes cluster'), table).map((words) => words.map((word) => word.text).join(' '))).toEqual([
      'kubernetes cluster',
      'k8s cluster',
    ]);
  });
  it('when groups share a phrase then they merge', () => {
    const merged = buildAliasTable([['KServe', 'KFServing']], [['kfserving', 'kf serving']]);
    expect(found('kf serving', 'kserve', merged)).toBeDefined();
  });
  it('when there are no aliases then the abbreviation does not match', () =>
    expect(found('Horizontal Pod Autoscaler', 'use the hpa')).toBeUndefined());
});

describe('alias sources', () => {
  it('when a long form is followed by its abbreviation then both are harvested', () => {
    expect(harvestAliases('managing machine learning (ML) workflows')).toEqual([['machine learning', 'ML']]);
    expect(harvestAliases("through Kubernetes' Horizontal Pod Autoscaler (HPA), scaling")).toEqual([['Horizontal Pod Autoscaler', 'HPA']]);
    expect(harvestAliases('**Slowly Changing Dimensions** (SCDs) are')).toEqual([['Slowly Changing Dimensions', 'SCD']]);
  });
  it('when an abbreviation is followed by its long form then both are harvested', () =>
    expect(harvestAliases('**OLTP** (Online Transaction Processing) and')).toEqual([['OLTP', 'Online Transaction Processing']]));
  it('when a product is followed by its other name then both are harvested', () =>
    expect(harvestAliases('What is KServe (KFServing) in Kubeflow?')).toEqual([['KServe', 'KFServing']]));
  it('when the parenthesis explains rather than abbreviates then nothing is harvested', () => {
    expect(harvestAliases('Katib (for hyperparameter tuning), TFJob')).toEqual([]);
    expect(harvestAliases('Google Cloud (GKE)')).toEqual([]);
    expect(harvestAliases('scale up (or down)')).toEqual([]);
  });
  it('when the seed deck is harvested then its abbreviations are found', () => {
    const groups = harvestAliases(readFileSync(new URL('../../../data/kubeflow.md', import.meta.url), 'utf8')).map((group) =>
      group.join(' = '),
    );
    expect(groups).toContain('machine learning = ML');
    expect(groups).toContain('KServe = KFServing');
  });
  it('when alias lines are read then comments, blanks and one-phrase lines are skipped', () =>
    expect(parseAliasLines('# field\nHPA = Horizontal Pod Autoscaler # comment\n\nlonely\nk8s=kube = Kubernetes')).toEqual([
      ['HPA', 'Horizontal Pod Autoscaler'],
      ['k8s', 'kube', 'Kubernetes'],
    ]));
  it('when front matter gives a mapping or a list then both are read', () => {
    expect(aliasesFromFrontMatter({ HPA: 'Horizontal Pod Autoscaler', k8s: ['kube', 'Kubernetes'] })).toEqual([
      ['HPA', 'Horizontal Pod Autoscaler'],
      ['k8s', 'kube', 'Kubernetes'],
    ]);
    expect(aliasesFromFrontMatter(['mTLS = mutual TLS', ['CRD', 'custom resource']])).toEqual([
      ['mTLS', 'mutual TLS'],
      ['CRD', 'custom resource'],
    ]);
    expect(aliasesFromFrontMatter('HPA')).toEqual([]);
  });
  it('when the built-in table is read then it knows the field', () => {
    const table = buildAliasTable(builtinAliases());
    expect(found('Kubernetes', 'k8s', table)).toBeDefined();
    expect(found('mTLS', 'mutual tls', table)).toBeDefined();
    expect(found('KFServing', 'kserve', table)).toBeDefined();
    expect(found('kfctl', 'the kustomize manifests', table)).toBeDefined();
  });
});

describe('edit distance', () => {
  // The plain full-table distance, to check the banded one against.
  const plain = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  };
  it('when the distance is within the limit then it is exact, and above it is limit + 1', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 12 }),
        fc.integer({ min: 1, max: 2 }),
        (a, b, limit) => {
          expect(editDistance(a, b, limit)).toBe(Math.min(plain(a, b), limit + 1));
        },
      ),
    );
  });
});
