import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck, readDeckFile, type Question } from '../../../src/deck/index.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures', 'decks');
const read = (name: string) => readDeckFile(join(fixtures, name));
const summary = (questions: Question[]) => questions.map((q) => [q.id, q.category, q.question, q.answer]);

describe('numbered questions under category headings (the seed shape and its variations)', () => {
  it('reads a tight list with plain (unbolded) questions under ## headings', () => {
    const { deck, warnings } = read('tight-plain.md');
    expect(summary(deck.questions)).toEqual([
      ['tight-plain/1', 'Pods', 'What is a pod?', '- The smallest deployable unit in Kubernetes.'],
      ['tight-plain/2', 'Pods', 'How do pods share a network namespace?', '- All containers in a pod share one IP address and port space.'],
      ['tight-plain/3', 'Services', 'What is a Service?', '- A stable virtual IP and DNS name in front of a set of pods.'],
    ]);
    expect(deck.title).toBe('Kubernetes basics');
    expect(deck.questions.map((q) => q.line)).toEqual([4, 6, 9]);
    expect(warnings).toEqual([]);
  });

  it('reads a loose list under #### headings, bold or not', () => {
    const { deck } = read('loose-bold-h4.md');
    expect(summary(deck.questions)).toEqual([
      [
        'loose-bold-h4/1',
        'Storage',
        'What is a PersistentVolume?',
        '- A piece of storage in the cluster, provisioned by an administrator or dynamically.',
      ],
      ['loose-bold-h4/2', 'Storage', 'What is a PersistentVolumeClaim?', '- A request for storage by a user.'],
      ['loose-bold-h4/3', 'Networking', 'What is an Ingress?', '- An API object that manages external HTTP access to services.'],
    ]);
  });

  it('gives numbers that restart per category ids qualified by the category, and keeps unique numbers short', () => {
    const { deck, warnings } = read('restart-numbering.md');
    expect(deck.questions.map((q) => [q.id, q.number])).toEqual([
      ['restart-numbering/docker/1', 1],
      ['restart-numbering/docker/2', 2],
      ['restart-numbering/helm/1', 1],
      ['restart-numbering/helm/2', 2],
      ['restart-numbering/3', 3],
    ]);
    expect(warnings).toEqual([]);
  });

  it('reads `1)` markers and strips code spans to their text in questions', () => {
    const { deck } = read('paren-markers.md');
    expect(summary(deck.questions)).toEqual([
      ['paren-markers/1', 'Git', 'What does git rebase do?', '- It replays commits on top of another base.'],
      ['paren-markers/2', 'Git', 'What is a detached HEAD?', '- HEAD points at a commit instead of a branch.'],
    ]);
  });

  it('drops **Answer:** and Answer: labels, in a bullet, a lazy line or a paragraph of their own', () => {
    const { deck } = read('answer-labels.md');
    expect(deck.questions.map((q) => q.answer)).toEqual([
      '- Owner can read, write and execute; others can read and execute.',
      'A process that has exited but whose parent has not yet read its exit status.',
      "A data structure that stores a file's metadata.",
      '- Disk space used when RAM is full.',
    ]);
  });

  it('keeps answers made of several bullets, paragraphs and code blocks, inside the item or at column 0', () => {
    const { deck } = read('rich-answers.md');
    const answers = deck.questions.map((q) => q.answer);
    expect(deck.questions).toHaveLength(5);
    expect(answers[0]).toBe('- `ls`\n- `find . -maxdepth 1`\n- `echo *`');
    expect(answers[1]).toBe(
      'Download the binary and put it on your PATH:\n\n```bash\n# download the latest release\n1. not a question: this is code\ncurl -LO https://dl.k8s.io/release/stable.txt\n```\n\nThen check it with `kubectl version`.',
    );
    expect(answers[2]).toBe('- A way to pass a multi-line string to a command.\n- It starts with `<<EOF`.');
    expect(answers[3]).toBe(
      'It makes the shell exit when a command fails.\n\n```sh\nset -e\nfalse  # the script stops here\n```\n\nIt does not apply inside some compound commands.',
    );
    expect(answers[4]).toBe('- The exit status of the last command.');
    expect(deck.questions[4]!.question).toBe('What is $??');
    expect(deck.categories).toEqual(['Shell']);
  });

  it('reports a repeated number in one category as a warning and suffixes the later id', () => {
    const { deck, warnings } = read('duplicates.md');
    expect(deck.questions.map((q) => q.id)).toEqual(['duplicates/1', 'duplicates/python/2', 'duplicates/python/2-2']);
    expect(warnings).toEqual([
      {
        file: join(fixtures, 'duplicates.md'),
        line: 7,
        message: expect.stringMatching(/number 2 appears again in "Python" \(first at line 5\)/),
      },
    ]);
  });

  it('skips one question without an answer with a warning', () => {
    const { deck, warnings } = read('one-unanswered.md');
    expect(deck.questions.map((q) => q.id)).toEqual(['one-unanswered/1', 'one-unanswered/3']);
    expect(warnings).toEqual([
      { file: join(fixtures, 'one-unanswered.md'), line: 5, message: 'question "What is state?" has no answer; skipped', skipped: true },
    ]);
  });

  it('skips the intro, a table of contents, link lists and closing text without warnings', () => {
    const { deck, warnings } = read('toc-intro.md');
    expect(summary(deck.questions)).toEqual([
      ['toc-intro/1', 'Pipelines', 'What is a pipeline?', '- A graph of steps that turns data into a model.'],
      ['toc-intro/2', 'Serving', 'What is model serving?', '- Exposing a trained model behind an API.'],
    ]);
    expect(warnings).toEqual([]);
    expect(deck).toMatchObject({ title: 'MLOps questions', author: 'Jane Doe', date: '2023-05-01T00:00:00.000Z', description: '' });
  });
});

describe('<details><summary> questions (the devops-exercises shape)', () => {
  const { deck, warnings } = read('details.md');

  it('reads each summary as a question and the Markdown inside as its answer, numbered by position', () => {
    expect(summary(deck.questions)).toEqual([
      [
        'details/1',
        'Git',
        'What is the difference between git pull and git fetch?',
        '`git pull` fetches and merges; `git fetch` only downloads the new objects.\n\n```\ngit fetch origin\n# then merge by hand\ngit merge origin/main\n```',
      ],
      [
        'details/2',
        'Git',
        'How do you revert a commit that was already pushed?',
        'Use `git revert <sha>`, which adds a new commit that undoes it.',
      ],
      ['details/3', 'Linux', 'What does the sticky bit do on a directory?', "Only a file's owner can delete or rename it."],
    ]);
  });

  it('warns about an empty answer and skips that question', () => {
    expect(warnings).toEqual([
      { file: join(fixtures, 'details.md'), line: 39, message: 'question "What is /proc?" has no answer; skipped', skipped: true },
    ]);
  });

  it('skips the table of contents, the link list and the exercise table', () => {
    expect(deck.categories).toEqual(['Git', 'Linux']);
    expect(deck.title).toBe('DevOps Exercises');
  });
});

describe('one heading per question', () => {
  const { deck } = read('heading-questions.md');

  it('reads `### What is X?` and `### 12. Explain X` headings as questions under the nearest higher heading', () => {
    expect(deck.questions.map((q) => [q.id, q.number, q.category, q.question, q.line])).toEqual([
      ['heading-questions/1', 1, 'Kubernetes', 'What is a DaemonSet?', 5],
      ['heading-questions/12', 12, 'Kubernetes', 'Explain how a rolling update works', 15],
      ['heading-questions/3', 3, 'Observability', 'Why use Prometheus?', 24],
    ]);
  });

  it('takes the whole section as the answer, sub-headings and numbered steps included', () => {
    expect(deck.questions[0]!.answer).toBe('It runs one copy of a pod on every node.\n\n#### Example\n\n```yaml\nkind: DaemonSet\n```');
    expect(deck.questions[1]!.answer).toBe(
      'Pods are replaced a few at a time, controlled by `maxSurge` and `maxUnavailable`:\n\n1. New pods start.\n2. Old pods stop once the new ones are ready.',
    );
  });

  it('reads a numbered heading with questions below it as a category, not a question', () => {
    const { deck } = parseDeck('## 1. Basics\n\n1. **What is X?**\n   - X.\n', { path: 'numbered.md' });
    expect(summary(deck.questions)).toEqual([['numbered/1', 'Basics', 'What is X?', '- X.']]);
  });

  it('when a numbered question has a sub-heading that asks then the sub-heading is part of its answer, not a question', () => {
    const text =
      '# My deck\n\n## Basics\n\n### 1. What is a Pod?\n\nThe smallest deployable unit.\n\n#### Why does it matter?\n\nIts containers share a network.\n\n### 2. What is a Service?\n\nA stable endpoint.\n';
    const { deck } = parseDeck(text, { path: 'sub.md' });
    expect(summary(deck.questions)).toEqual([
      ['sub/1', 'Basics', 'What is a Pod?', 'The smallest deployable unit.\n\n#### Why does it matter?\n\nIts containers share a network.'],
      ['sub/2', 'Basics', 'What is a Service?', 'A stable endpoint.'],
    ]);
  });

  it('when a numbered heading that asks holds numbered questions that ask then it is their category', () => {
    const text = '## 1. What about Pods?\n\n### 1. What is a Pod?\n\nA unit.\n\n### 2. Why use Pods?\n\nSharing.\n';
    const { deck } = parseDeck(text, { path: 'cat.md' });
    expect(summary(deck.questions)).toEqual([
      ['cat/1', 'What about Pods?', 'What is a Pod?', 'A unit.'],
      ['cat/2', 'What about Pods?', 'Why use Pods?', 'Sharing.'],
    ]);
  });
});

describe('small variations', () => {
  const parse = (text: string) => parseDeck(text, { path: 'inline.md' }).deck.questions;

  it.each([
    ['a bold question with its answer on the same line', '1. **What is X?** X is a thing.\n', 'What is X?', 'X is a thing.'],
    [
      'a question wrapped over two lines',
      '1. What is a long question that\n   wraps onto a second line?\n   - Yes.\n',
      'What is a long question that wraps onto a second line?',
      '- Yes.',
    ],
    ['a lazy paragraph answer after a bold question', '1. **What is X?**\nX is a thing.\n', 'What is X?', 'X is a thing.'],
    [
      'a question followed by an "Answer" <details>',
      '1. **What is X?**\n\n<details><summary>Answer</summary>\n\nX is a thing.\n</details>\n',
      'What is X?',
      'X is a thing.',
    ],
    [
      'HTML, links and entities in a question',
      '1. **Does <kbd>Ctrl</kbd>+C send SIGINT &amp; stop [a process](https://x.org)?**\n   - Yes &amp; no.\n',
      'Does Ctrl+C send SIGINT & stop a process?',
      '- Yes &amp; no.',
    ],
    [
      'underscores inside words',
      '1. What is snake_case_name in `my_var`?\n   - A naming style.\n',
      'What is snake_case_name in my_var?',
      '- A naming style.',
    ],
    ['Windows line endings', '## Cat\r\n\r\n1. **What is X?**\r\n   - X.\r\n', 'What is X?', '- X.'],
    ['a UTF-8 byte order mark', '\uFEFF## Cat\n\n1. **What is X?**\n   - X.\n', 'What is X?', '- X.'],
  ])('reads %s', (_, text, question, answer) => {
    expect(parse(text).map((q) => [q.question, q.answer])).toEqual([[question, answer]]);
  });

  it('puts questions before any heading in the "General" category', () => {
    expect(parse('1. **What is X?**\n   - X.\n')[0]!.category).toBe('General');
  });

  it('treats a leading --- followed by prose as a thematic break, not front matter', () => {
    const { deck } = parseDeck('---\nSome intro text.\n---\n## Cat\n\n1. **What is X?**\n   - X.\n', { path: 'rule.md' });
    expect(deck.questions.map((q) => [q.question, q.line])).toEqual([['What is X?', 6]]);
  });

  it('counts lines from the file start when there is front matter', () => {
    const text = readFileSync(join(fixtures, 'toc-intro.md'), 'utf8');
    expect(parseDeck(text, { path: 'toc.md' }).deck.questions[0]!.line).toBe(24);
  });

  it('uses the given slug for ids, else the file name', () => {
    expect(parseDeck('1. **Q?**\n   - A.\n', { path: '/decks/My Deck.md', slug: 'mine' }).deck.questions[0]!.id).toBe('mine/1');
    expect(parseDeck('1. **Q?**\n   - A.\n', { path: '/decks/My Deck.md' }).deck).toMatchObject({
      slug: 'my-deck',
      path: '/decks/My Deck.md',
    });
  });
});
