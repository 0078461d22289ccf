// Where every review lands after a deck changes: renumbered, edited, moved,
// split, duplicated, all at once. Real decks parsed from Markdown, reviews
// logged under the names (id and text) the questions had when answered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { parseDeck } from '../../../src/deck/parse.js';
import { alignQuestions } from '../../../src/practice/alignQuestions.js';
import { changeSummary, followDeck, pastNames } from '../../../src/practice/deckIdentity.js';
import { followPastNames, reviewsByQuestion } from '../../../src/practice/matchReviews.js';
import type { SeenDeck } from '../../../src/store/seenDecks.js';
import type { Review } from '../../../src/model/review.js';

interface Item {
  category?: string;
  question: string;
  answer: string;
}

const POD: Item = {
  question: 'What is a Pod?',
  answer: 'The smallest deployable unit: one or more containers sharing network and storage.',
};
const SERVICE: Item = {
  question: 'What is a Service?',
  answer: 'A stable virtual IP and DNS name load-balancing traffic to a set of Pods chosen by labels.',
};
const DEPLOYMENT: Item = {
  question: 'What is a Deployment?',
  answer: 'A controller that keeps a ReplicaSet of Pods at the desired version, rolling updates out gradually.',
};
const INGRESS: Item = {
  question: 'What is an Ingress?',
  answer: 'HTTP routing rules from outside the cluster to Services, by host and path.',
};

function markdown(items: Item[]): string {
  let category = '';
  let text = '# Test deck\n';
  items.forEach((item, index) => {
    const wanted = item.category ?? 'Basics';
    if (wanted !== category) {
      category = wanted;
      text += `\n## ${category}\n\n`;
    }
    text += `${index + 1}. **${item.question}**\n   - ${item.answer}\n`;
  });
  return text;
}

/** One user's deck over time: each version is seen (as a command would), reviews are logged under the names of the version seen last. */
class DeckLife {
  private seen: SeenDeck | undefined;
  questions: Question[] = [];
  readonly reviews: Review[] = [];
  readonly changes: string[] = [];
  private clock = Date.parse('2026-01-05T10:00:00Z');

  constructor(private readonly slug = 'k8s') {}

  version(items: Item[]): this {
    this.questions = parseDeck(markdown(items), { path: `${this.slug}.md`, slug: this.slug }).deck.questions;
    const followed = followDeck(this.seen, this.slug, this.questions, new Date(this.clock));
    this.seen = followed.seen;
    if (followed.change) this.changes.push(changeSummary(followed.change));
    followPastNames(this.slug, pastNames(this.seen));
    return this;
  }

  /** Grades the question whose text is `question` in the current version; the tag names the review. */
  grade(question: string, tag: string): this {
    const q = this.questions.find((candidate) => candidate.question === question);
    if (!q) throw new Error(`no question ${question}`);
    this.clock += 60_000;
    this.reviews.push({
      id: tag,
      questionId: q.id,
      deck: q.deck,
      number: q.number,
      question: q.question,
      rating: 3,
      reviewedAt: new Date(this.clock).toISOString(),
      durationMs: 1,
      answer: '',
      mode: 'drill',
    });
    return this;
  }

  /** Review tags by the text of the question they belong to now. */
  landing(): Record<string, string[]> {
    const byId = new Map(this.questions.map((q) => [q.id, q.question]));
    const result: Record<string, string[]> = {};
    for (const [id, list] of reviewsByQuestion(this.questions, this.reviews)) result[byId.get(id)!] = list.map((r) => r.id!);
    return result;
  }
}

const graded = (): DeckLife =>
  new DeckLife()
    .version([POD, SERVICE, DEPLOYMENT])
    .grade(POD.question, 'pod')
    .grade(SERVICE.question, 'service')
    .grade(DEPLOYMENT.question, 'deployment');
const KUBE_SERVICE = 'What is a Kubernetes Service?';

describe("when a deck is renumbered and a question edited (the issue's scenario)", () => {
  it('then each review stays with its own question, and one line says what changed', () => {
    const life = graded()
      .version([INGRESS, POD, SERVICE, DEPLOYMENT])
      .version([INGRESS, POD, { ...SERVICE, question: KUBE_SERVICE }, DEPLOYMENT]);
    expect(life.landing()).toEqual({ [POD.question]: ['pod'], [KUBE_SERVICE]: ['service'], [DEPLOYMENT.question]: ['deployment'] });
    expect(life.changes).toEqual(['deck k8s changed: 3 renumbered, 1 new', 'deck k8s changed: 1 edited (history kept)']);
  });

  it('then the same holds when both changes arrive at once', () => {
    const life = graded().version([INGRESS, POD, { ...SERVICE, question: KUBE_SERVICE }, DEPLOYMENT]);
    expect(life.landing()).toEqual({ [POD.question]: ['pod'], [KUBE_SERVICE]: ['service'], [DEPLOYMENT.question]: ['deployment'] });
    expect(life.changes).toEqual(['deck k8s changed: 1 edited (history kept), 3 renumbered, 1 new']);
  });

  it('then edit first and renumber after gives the same landing, reviews given in between included', () => {
    const life = graded()
      .version([POD, { ...SERVICE, question: KUBE_SERVICE }, DEPLOYMENT])
      .grade(KUBE_SERVICE, 'service-2');
    life.version([INGRESS, POD, { ...SERVICE, question: KUBE_SERVICE }, DEPLOYMENT]).grade(INGRESS.question, 'ingress');
    expect(life.landing()).toEqual({
      [POD.question]: ['pod'],
      [KUBE_SERVICE]: ['service', 'service-2'],
      [DEPLOYMENT.question]: ['deployment'],
      [INGRESS.question]: ['ingress'],
    });
  });
});

describe('when several questions change at once', () => {
  it('then two edits each keep their own history', () => {
    const life = graded().version([
      { ...POD, question: 'What is a Kubernetes Pod?' },
      SERVICE,
      { ...DEPLOYMENT, answer: `${DEPLOYMENT.answer} It can roll back.` },
    ]);
    expect(life.landing()).toEqual({
      'What is a Kubernetes Pod?': ['pod'],
      [SERVICE.question]: ['service'],
      [DEPLOYMENT.question]: ['deployment'],
    });
    expect(life.changes).toEqual(['deck k8s changed: 2 edited (history kept)']);
  });

  it('then a question moved to another category keeps its history', () => {
    const life = graded().version([POD, DEPLOYMENT, { ...SERVICE, category: 'Networking' }]);
    expect(life.landing()).toEqual({ [POD.question]: ['pod'], [SERVICE.question]: ['service'], [DEPLOYMENT.question]: ['deployment'] });
    expect(life.changes).toEqual(['deck k8s changed: 2 renumbered, 1 moved']);
  });

  it('then a question split in two gives its history to the closer half only', () => {
    const life = new DeckLife()
      .version([
        { question: 'What are Pods and Services?', answer: 'Pods run containers; Services give them a stable address.' },
        DEPLOYMENT,
      ])
      .grade('What are Pods and Services?', 'both')
      .grade(DEPLOYMENT.question, 'deployment')
      .version([
        { question: 'What are Pods?', answer: 'Pods run containers.' },
        { question: 'What are Services?', answer: 'Services give Pods a stable address.' },
        DEPLOYMENT,
      ]);
    const landing = life.landing();
    expect(landing[DEPLOYMENT.question]).toEqual(['deployment']);
    expect(Object.values(landing).flat().sort()).toEqual(['both', 'deployment']);
    expect(life.changes).toHaveLength(1);
    expect(life.changes[0]).toMatch(/^deck k8s changed: 1 edited \(history kept\), \d renumbered, 1 new$/);
  });

  it("then a removed question's reviews belong to no question, even when a new one takes its number", () => {
    const life = graded().version([POD, INGRESS, DEPLOYMENT]);
    expect(life.landing()).toEqual({ [POD.question]: ['pod'], [DEPLOYMENT.question]: ['deployment'] });
    expect(life.changes).toEqual(['deck k8s changed: 1 new, 1 removed']);
  });
});

describe('when a deck holds the same question text twice', () => {
  it('then each copy keeps its own reviews through a renumbering', () => {
    const first = { ...POD, category: 'Workloads' };
    const second = { ...POD, category: 'Networking' };
    const life = new DeckLife().version([first, SERVICE, second]);
    const [a, , b] = life.questions;
    life.reviews.push({
      id: 'first',
      questionId: a!.id,
      deck: 'k8s',
      number: 1,
      question: POD.question,
      rating: 3,
      reviewedAt: '2026-01-05T10:00:00.000Z',
      durationMs: 1,
      answer: '',
      mode: 'drill',
    });
    life.reviews.push({
      id: 'second',
      questionId: b!.id,
      deck: 'k8s',
      number: 3,
      question: POD.question,
      rating: 1,
      reviewedAt: '2026-01-05T10:01:00.000Z',
      durationMs: 1,
      answer: '',
      mode: 'drill',
    });
    life.version([INGRESS, first, SERVICE, second]);
    const byId = reviewsByQuestion(life.questions, life.reviews);
    expect(byId.get(life.questions[1]!.id)?.map((r) => r.id)).toEqual(['first']);
    expect(byId.get(life.questions[3]!.id)?.map((r) => r.id)).toEqual(['second']);
  });
});

describe('property: random edit scripts', () => {
  // A pool of unrelated questions; a script inserts, removes, moves, renames and reanswers them.
  const POOL: Item[] = [
    'Pod',
    'Service',
    'Deployment',
    'Ingress',
    'ConfigMap',
    'Secret',
    'StatefulSet',
    'DaemonSet',
    'Namespace',
    'Volume',
    'Katib',
    'KServe',
  ].map((word, index) => ({
    question: `What does ${word} do?`,
    answer: `${word} answer ${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima'][index]} details.`,
  }));
  const step = fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), item: fc.nat({ max: POOL.length - 1 }) }),
    fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant('reword' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('grade' as const), at: fc.nat() }),
  );

  it('then a review only ever lands on the question it was given to, through every edit', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (script) => {
        // Each live question carries the pool entry it descends from (its identity in the script).
        let items: Array<Item & { origin: number }> = [0, 1, 2].map((origin) => ({ ...POOL[origin]!, origin }));
        const used = new Set([0, 1, 2]);
        const life = new DeckLife().version(items);
        const originOfTag = new Map<string, number>();
        script.forEach((s, index) => {
          if (s.op === 'insert') {
            if (used.has(s.item)) return;
            used.add(s.item);
            items.splice(s.at % (items.length + 1), 0, { ...POOL[s.item]!, origin: s.item });
          } else if (items.length === 0) {
            return;
          } else if (s.op === 'remove') {
            if (items.length === 1) return;
            items.splice(s.at % items.length, 1);
          } else if (s.op === 'move') {
            const [moved] = items.splice(s.at % items.length, 1);
            items.splice(s.to % (items.length + 1), 0, moved!);
          } else if (s.op === 'reword') {
            const at = s.at % items.length;
            items = items.map((item, i) => (i === at ? { ...item, question: item.question.replace('do?', 'really do?') } : item));
          } else {
            const item = items[s.at % items.length]!;
            const tag = `r${index}`;
            life.grade(item.question, tag);
            originOfTag.set(tag, item.origin);
            return;
          }
          life.version(items);
        });
        const originOfText = new Map(items.map((item) => [item.question, item.origin]));
        for (const [text, tags] of Object.entries(life.landing())) {
          for (const tag of tags) expect(originOfTag.get(tag)).toBe(originOfText.get(text));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('alignQuestions on a big deck', () => {
  it('matches a renumbered and lightly edited 100,000-question deck exactly where it can', () => {
    const before = Array.from({ length: 100_000 }, (_, i) => ({
      question: `Question number ${i} about topic${i % 977} and item${i}?`,
      answer: `Answer ${i}.`,
    }));
    const after = [
      { question: 'A brand new question?', answer: 'New.' },
      ...before.map((q, i) => (i % 1000 === 0 ? { ...q, question: `${q.question} (edited)` } : q)),
    ];
    const alignment = alignQuestions(before, after);
    expect(alignment.added).toEqual([0]);
    expect(alignment.removed).toEqual([]);
    expect(alignment.matches.every((m) => m.new === m.old + 1)).toBe(true);
  });
});
