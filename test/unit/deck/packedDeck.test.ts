// The packed form of a parsed deck (what the deck cache stores): it gives back
// exactly the deck it was made from, and refuses anything that is not one.
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readDeckFile } from '../../../src/deck/load.js';
import { packDeck, unpackDeck } from '../../../src/deck/packedDeck.js';
import { parseDeck } from '../../../src/deck/parse.js';

const BANKS = new URL('../../fixtures/banks/', import.meta.url);

describe('a packed deck', () => {
  it.each([
    ['the seed deck', () => readDeckFile(new URL('../../../data/kubeflow.md', import.meta.url).pathname)],
    ['a fixture bank', () => readDeckFile(new URL('devops-kubernetes.md', BANKS).pathname)],
  ])('when %s is packed and unpacked then it is the same deck, key order included', (_, load) => {
    const loaded = load();
    const back = unpackDeck(deserialize(serialize(packDeck(loaded))));
    expect(back).toEqual({ deck: loaded.deck, warnings: loaded.warnings });
    expect(JSON.stringify(back)).toBe(JSON.stringify({ deck: loaded.deck, warnings: loaded.warnings }));
  });

  it('when questions have explicit ids, prompts other than the question, and non-Latin text then they come back as they were', () => {
    const text = [
      '## Ünïcode – 日本語',
      '',
      '<!-- kfq:id pod-basics -->',
      '1. **What is a pod? 🚀**',
      '   - The smallest unit — “quoted”.',
      '',
      '2. **What does `kubectl get` print?**',
      '',
      '   ```python',
      '   print("hi")',
      '   ```',
      '',
      '   - hi',
      '',
    ].join('\n');
    const loaded = parseDeck(text, { path: 'odd.md' });
    expect(loaded.deck.questions.some((q) => q.explicitId !== undefined)).toBe(true);
    expect(loaded.deck.questions.some((q) => q.prompt !== q.question)).toBe(true);
    expect(unpackDeck(deserialize(serialize(packDeck(loaded))))).toEqual({ deck: loaded.deck, warnings: loaded.warnings });
  });

  it('when the value is not a packed deck, or its offsets point outside its text, then it is refused', () => {
    const packed = packDeck(parseDeck('## A\n\n1. **Q one?**\n   - Answer one.\n\n2. **Q two?**\n   - Answer two.\n', { path: 'a.md' }));
    expect(unpackDeck(undefined)).toBeUndefined();
    expect(unpackDeck('text')).toBeUndefined();
    expect(unpackDeck({ deck: packed.deck, warnings: [] })).toBeUndefined();
    expect(unpackDeck({ ...packed, text: packed.text.slice(0, 5) })).toBeUndefined();
    expect(unpackDeck({ ...packed, ends: packed.ends.slice(1) })).toBeUndefined();
    expect(unpackDeck({ ...packed, ends: packed.ends.map((end, i) => (i === 3 ? 0 : end)) })).toBeUndefined();
    expect(unpackDeck({ ...packed, categoryOf: Uint32Array.from([0, 7]) })).toBeUndefined();
    expect(unpackDeck({ ...packed, names: [1, 2] })).toBeUndefined();
    expect(unpackDeck({ ...packed, numbers: Array.from(packed.numbers) })).toBeUndefined();
  });
});
