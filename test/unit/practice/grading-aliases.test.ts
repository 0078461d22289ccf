// Where grading gets its aliases in a session: a deck's front matter and the user's aliases.txt.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/deck/parse.js';
import { StorageError } from '../../../src/errors.js';
import { gradingOptions } from '../../../src/practice/grading.js';
import { scoreAnswer } from '../../../src/practice/scoring.js';
import { readUserAliases } from '../../../src/store/userAliases.js';

const deckText = (frontMatter: string): string =>
  `---\ntitle: Ops\n${frontMatter}---\n\n## Ops\n\n1. **How do pods scale?**\n   - The Horizontal Pod Autoscaler adds replicas under load.\n`;

describe('aliases in a session', () => {
  it('when a deck names aliases in its front matter then grading uses them both ways', () => {
    const { deck } = parseDeck(deckText('aliases:\n  scaler: Horizontal Pod Autoscaler\n'), { path: 'ops.md' });
    expect(deck.aliases).toEqual([['scaler', 'Horizontal Pod Autoscaler']]);
    const q = deck.questions[0]!;
    expect(scoreAnswer(q.answer, 'the scaler adds replicas under load', q.question, gradingOptions([deck])).covered).toContain(
      'Horizontal Pod Autoscaler',
    );
  });

  it('when the front matter aliases are not a list or a mapping then they are ignored', () => {
    expect(parseDeck(deckText('aliases: 42\n'), { path: 'ops.md' }).deck.aliases).toBeUndefined();
  });

  it("when the user's aliases.txt names aliases then grading uses them", () => {
    const config = mkdtempSync(join(tmpdir(), 'kfq-aliases-'));
    writeFileSync(join(config, 'aliases.txt'), '# mine\nauto-replicator = Horizontal Pod Autoscaler\n');
    const { deck } = parseDeck(deckText(''), { path: 'ops.md' });
    const q = deck.questions[0]!;
    const options = gradingOptions([deck], readUserAliases({ config }));
    expect(scoreAnswer(q.answer, 'the auto-replicator adds replicas under load', q.question, options).covered).toContain(
      'Horizontal Pod Autoscaler',
    );
  });

  it('when there is no alias file then there are no user aliases; when it cannot be read then that is a storage error', () => {
    const config = mkdtempSync(join(tmpdir(), 'kfq-aliases-'));
    expect(readUserAliases({ config })).toBe('');
    mkdirSync(join(config, 'aliases.txt'));
    expect(() => readUserAliases({ config })).toThrow(StorageError);
  });
});
