// Ids a deck author writes (`<!-- kfq:id pod-basics -->` above a question):
// the question's id, kept by `export --format md`, and winning over text when
// kfq follows a deck that changed.
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/deck/parse.js';
import { questionsToMarkdown } from '../../../src/export/markdown.js';
import { followDeck } from '../../../src/practice/deckIdentity.js';

const DECK = `# K8s

## Basics

<!-- kfq:id pod-basics -->
1. **What is a Pod?**
   - The smallest deployable unit.

2. **What is a Service?**
   - A stable address for Pods.

<!-- kfq:id pod-basics -->
3. **What is a Deployment?**
   - Rolls out ReplicaSets.
`;

describe('when a question carries an explicit id', () => {
  it("then that id is the question's id; a repeated id is warned about and the later question keeps its number id", () => {
    const { deck, warnings } = parseDeck(DECK, { path: 'k8s.md' });
    expect(deck.questions.map((q) => [q.id, q.explicitId])).toEqual([
      ['k8s/pod-basics', 'pod-basics'],
      ['k8s/2', undefined],
      ['k8s/3', undefined],
    ]);
    expect(warnings.map((w) => w.line)).toEqual([13]);
  });

  it('then export --format md writes it back, and the exported deck reads back with the same ids', () => {
    const { deck } = parseDeck(DECK, { path: 'k8s.md' });
    const markdown = questionsToMarkdown(deck.questions, { title: 'K8s' });
    expect(markdown).toContain('<!-- kfq:id pod-basics -->\n1. **What is a Pod?**');
    expect(parseDeck(markdown, { path: 'k8s.md' }).deck.questions.map((q) => q.id)).toEqual(['k8s/pod-basics', 'k8s/2', 'k8s/3']);
  });

  it('then it wins over the text: a question rewritten beyond recognition keeps its identity', () => {
    const before = parseDeck(DECK, { path: 'k8s.md' }).deck.questions;
    const first = followDeck(undefined, 'k8s', before, new Date());
    const rewritten = DECK.replace('What is a Pod?', 'Describe the unit Kubernetes schedules').replace(
      'The smallest deployable unit.',
      'Containers sharing a network namespace.',
    );
    const after = parseDeck(rewritten, { path: 'k8s.md' }).deck.questions;
    const followed = followDeck(first.seen, 'k8s', after, new Date());
    expect(followed.seen.questions[0]!.key).toBe(first.seen.questions[0]!.key);
    expect(followed.change?.counts).toMatchObject({ edited: 1, new: 0, removed: 0 });
  });
});

describe('when an author adds an id to a question kfq already follows', () => {
  it('then the question keeps its identity (not new, not removed)', () => {
    const plain = DECK.replace(/<!-- kfq:id pod-basics -->\n/g, '');
    const first = followDeck(undefined, 'k8s', parseDeck(plain, { path: 'k8s.md' }).deck.questions, new Date());
    const followed = followDeck(first.seen, 'k8s', parseDeck(DECK, { path: 'k8s.md' }).deck.questions, new Date());
    expect(followed.seen.questions[0]!.key).toBe(first.seen.questions[0]!.key);
    expect(followed.change?.counts).toMatchObject({ renumbered: 1, new: 0, removed: 0 });
  });
});
