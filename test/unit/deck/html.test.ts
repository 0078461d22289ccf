import { describe, expect, it } from 'vitest';
import { convertHtml } from '../../../src/deck/html.js';
import { parseDeck } from '../../../src/deck/index.js';

const load = (text: string) => parseDeck(text, { path: 'deck.md', slug: 'd' });

describe('convertHtml', () => {
  it.each([
    ['a <br> at the end of a line ends the line', 'first<br>\nsecond', 'first\nsecond'],
    ['a <br> inside a line breaks it', 'one<br/>two</br>three', 'one\ntwo\nthree'],
    ['an <img> becomes [image: alt]', 'see <img src="x.png" alt="A diagram" width="10">', 'see [image: A diagram]'],
    ['an <img> without alt becomes [image]', '<img src="x.png">', '[image]'],
    [
      'a link keeps its text and URL',
      'read <a href="https://k.io/docs" target="_blank">the docs</a>.',
      'read [the docs](https://k.io/docs).',
    ],
    ['formatting tags become their text', 'the <b>sticky</b> <code>bit</code>', 'the sticky bit'],
    [
      'block tags put their text on lines of its own, list items as bullets',
      '<div><p>Benefits:</p><ul><li>typing</li><li>tooling</li></ul></div>',
      'Benefits:\n\n- typing\n- tooling\n',
    ],
    ['text in angle brackets that is no HTML element stays', "I'm <HOSTNAME> on <OS>", "I'm <HOSTNAME> on <OS>"],
    ['code spans are left alone', 'use `<br>` and `git revert <sha>`', 'use `<br>` and `git revert <sha>`'],
    ['fenced code is left alone', '```html\n<p>hi</p>\n```', '```html\n<p>hi</p>\n```'],
    ['a comment is dropped', 'before <!-- note --> after', 'before  after'],
    ['a script is dropped with its content, and the line it stood on', 'a\n<script>alert(1)</script>\nb', 'a\nb'],
  ])('when %s', (_name, input, output) => {
    expect(convertHtml(input).text).toBe(output);
  });

  it('notes each image and each dropped block on its own line, and counts the tags it converted', () => {
    const { notes } = convertHtml('x<br>\ny<br>\n<img alt="logo">\n<!-- gone -->');
    expect(notes).toEqual([
      { offset: 0, message: 'HTML <br> shown as a line break (2 times)' },
      { offset: 2, message: 'image shown as text: [image: logo]' },
      { offset: 3, message: 'HTML block dropped (a comment)' },
    ]);
  });
});

describe('answers as the author wrote them', () => {
  it('when a numbered bold answer goes on after a blank line, less indented than the item, then that paragraph is part of the answer', () => {
    const { deck } = load(
      '### **Ethics**\n\n99. **What is AutoML?**\n    - AutoML automates model selection.\n\n100. **What are ethical considerations in ML?**\n    - Fairness, transparency, data privacy, and\n\n avoiding harm, especially in high-stakes applications.\n',
    );
    expect(deck.questions.map((q) => q.answer)).toEqual([
      '- AutoML automates model selection.',
      // As written: the space that starts the paragraph is the author's (and means nothing to Markdown).
      '- Fairness, transparency, data privacy, and\n\n avoiding harm, especially in high-stakes applications.',
    ]);
  });

  it('when prose at column 0 closes a section before a --- then it is no part of the answer above it', () => {
    const { deck, warnings } = load(
      '1. **What is X?**\n   - An x.\n\nHere is a continuation from 51 to 100.\n\n---\n\n### **More**\n\n2. **What is Y?**\n   - A y.\n',
    );
    expect(deck.questions.map((q) => q.answer)).toEqual(['- An x.', '- A y.']);
    expect(warnings).toEqual([]);
  });

  it('when the last answer ends with a banner of links and images then that footer is dropped, with a warning at its first line', () => {
    const { deck, warnings } = load(
      '## 1. What is X?\n\nX is a thing.\n\n```sh\nx --help\n```\n<br>\n\n#### Explore all answers here 👉 [Site](https://example.com)\n\n<a href="https://example.com">\n<img src="b.png" alt="banner">\n</a>\n</p>\n',
    );
    expect(deck.questions[0]!.answer).toBe('X is a thing.\n\n```sh\nx --help\n```');
    // The <br> that closes the answer goes with the footer.
    expect(warnings.map((w) => [w.line, w.message, w.conversion])).toEqual([
      [10, 'footer dropped (6 lines of headings, links and images after the last answer)', true],
    ]);
  });

  it('when an answer holds an HTML comment or an <img> then each is a warning at its line', () => {
    const { deck, warnings } = load('1. **What is X?**\n   - An x.\n\n   <!-- todo: expand -->\n\n   <img src="x.png" alt="X at work">\n');
    expect(deck.questions[0]!.answer).toBe('- An x.\n\n[image: X at work]');
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [4, 'HTML block dropped (a comment)'],
      [6, 'image shown as text: [image: X at work]'],
    ]);
  });

  it('when a <summary> holds a code block then the prompt keeps it with its language and the question is its first line of prose', () => {
    const { deck } = load(
      '<details>\n<summary>Describe the purpose of the following section in an Application YAML file\n\n```YAML\nsource:\n  repoURL: https://github.com/x/y\n  targetRevision: HEAD\n  path: main\n```\n</summary><br><b>\n\nIt says where the manifests come from.\n</b></details>\n',
    );
    const [question] = deck.questions;
    expect(question!.question).toBe('Describe the purpose of the following section in an Application YAML file');
    expect(question!.prompt).toBe(
      'Describe the purpose of the following section in an Application YAML file\n\n```YAML\nsource:\n  repoURL: https://github.com/x/y\n  targetRevision: HEAD\n  path: main\n```',
    );
    expect(question!.answer).toBe('It says where the manifests come from.');
  });

  it('when a question is plain text then its prompt is the same text', () => {
    const { deck } = load('1. **What is `kubectl`?**\n   - A CLI.\n2. **What is for\\_each?**\n   - A loop.\n');
    expect(deck.questions.map((q) => [q.question, q.prompt])).toEqual([
      ['What is kubectl?', 'What is `kubectl`?'],
      ['What is for_each?', 'What is for_each?'],
    ]);
  });
});
