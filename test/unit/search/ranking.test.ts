// Ranking cases from the causes found on the hand-written query set
// (test/fixtures/evaluation/search-queries.json), each on a small deck that holds only that case.
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/deck/parse.js';
import { buildSearchIndex, searchQuestions } from '../../../src/search/index.js';

/** A deck of one category from [question, answer] pairs. */
function deckOf(cards: Array<[question: string, answer: string]>) {
  const markdown = ['## Cases', '', ...cards.map(([question, answer], i) => `${i + 1}. **${question}**\n   - ${answer}`)].join('\n');
  return buildSearchIndex(parseDeck(markdown, { path: '/decks/cases.md', slug: 'cases' }).deck.questions);
}
const topIn = async (deck: ReturnType<typeof deckOf>, query: string, limit = 3) =>
  (await searchQuestions(deck, query, { limit })).map((hit) => hit.question.question);

describe('when a query word the deck knows starts rarer words', () => {
  const deck = deckOf([
    ['What is GitHub?', 'A service that hosts Git repositories.'],
    ['What is Git?', 'Git is a version control system.'],
    ['How does Git store files?', 'Git stores blobs and trees.'],
    ['How do you undo a Git commit?', 'Run git revert.'],
  ]);

  it('then the word itself counts for more than the rarer words it starts: "git" finds Git before GitHub', async () => {
    expect(await topIn(deck, 'git', 1)).toEqual(['What is Git?']);
  });
});

describe('when an alias of the query word is rarer in the deck than the word', () => {
  const deck = deckOf([
    ['What goes in the project folder?', 'Sources and tests.'],
    ['What goes in the build directory?', 'The directory holds compiled files.'],
    ['How do you list a directory?', 'Run ls.'],
    ['How do you remove a directory?', 'Run rm -r.'],
    ['How do you copy a directory?', 'Run cp -r.'],
  ]);

  it('then a question that uses the rarer synonym does not outrank one that uses the word typed', async () => {
    expect(await topIn(deck, 'directory', 1)).toEqual(['What goes in the build directory?']);
  });

  it('then the synonym still finds its question', async () => {
    expect(await topIn(deck, 'directory', 10)).toContain('What goes in the project folder?');
  });
});

describe('when a question holds all the words of the query but one rare one', () => {
  const deck = deckOf([
    ['When would you use VMs and when containers?', 'VMs isolate a whole OS; containers share the kernel.'],
    ['Why use a registry instead of copying images?', 'A registry keeps versions.'],
    ['How do you run a container?', 'Use podman run.'],
    ['How do you stop a container?', 'Use podman stop.'],
    ['How does a VM boot?', 'A VM boots its own kernel.'],
    ['How do you size a VM?', 'Give the VM enough memory.'],
    ['How do you use a container registry?', 'Push and pull images.'],
  ]);

  it('then it is still found: "when to use vm instead of container"', async () => {
    expect(await topIn(deck, 'when to use vm instead of container', 1)).toEqual(['When would you use VMs and when containers?']);
  });

  it('then a question that holds only one word of three is not', async () => {
    expect(await topIn(deck, 'podman kernel memory', 10)).toEqual([]);
  });
});

describe('when the query starts with filler such as "what is"', () => {
  const deck = deckOf([
    ['What is the HEAD commit?', 'HEAD names the checked-out commit.'],
    ['Explain the commit object.', 'A commit is a snapshot with a message.'],
    ['What is a branch?', 'A movable pointer.'],
  ]);

  it('then "what is a commit" ranks as "commit" does: a question starting "What is" earns nothing for it', async () => {
    expect(await topIn(deck, 'what is a commit', 1)).toEqual(await topIn(deck, 'commit', 1));
    expect(await topIn(deck, 'what is a commit', 1)).toEqual(['Explain the commit object.']);
  });
});

describe('when the answer holds two query words side by side', () => {
  const deck = deckOf([
    ['Where is data kept, part one?', 'Git writes a directory of files.'],
    ['Where is data kept, part two?', 'Files go to the git directory.'],
  ]);

  it('then that question ranks above one whose answer holds them apart', async () => {
    expect(await topIn(deck, 'git directory', 1)).toEqual(['Where is data kept, part two?']);
  });
});
