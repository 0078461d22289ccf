import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readElements } from '../../../src/deck/elements.js';
import { parseDeck, readDeckFile } from '../../../src/deck/index.js';
import { DeckError } from '../../../src/errors.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-deck-limits-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const QUESTION = '## Basics\n\n1. **What is a pod?**\n   - The smallest deployable unit.\n';

/** Runs `run` and returns what it threw (a DeckError is expected) and how long it took. */
function timed(run: () => unknown): { error: unknown; ms: number } {
  const start = performance.now();
  try {
    run();
    return { error: undefined, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

function seedShaped(count: number): string {
  const parts: string[] = [];
  for (let n = 1; n <= count; n++) {
    if (n % 100 === 1) parts.push(`### **Category ${Math.ceil(n / 100)}**\n\n`);
    parts.push(`${n}. **What is question ${n} about?**\n${' '.repeat(String(n).length + 2)}- Answer ${n}, with \`code\`.\n\n`);
  }
  return parts.join('');
}

describe('large and hostile decks load or fail with a DeckError within seconds', () => {
  it('reads a seed-shaped deck of 20,000 questions quickly', () => {
    const text = seedShaped(20_000);
    const start = performance.now();
    const { deck } = parseDeck(text, { path: 'big.md' });
    expect(performance.now() - start).toBeLessThan(4000);
    expect(deck.questions).toHaveLength(20_000);
    expect(deck.questions.at(-1)).toMatchObject({ id: 'big/20000', category: 'Category 200', question: 'What is question 20000 about?' });
  });

  it('reads a single 1 MB line', () => {
    const { error, ms } = timed(() => parseDeck(`${'x'.repeat(1 << 20)}\n\n${QUESTION}`, { path: 'line.md' }));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(3000);
  });

  it('reads a 1 MB question line', () => {
    const { deck } = parseDeck(`1. **${'why '.repeat(250_000)}?**\n   - Because.\n`, { path: 'long.md' });
    expect(deck.questions[0]!.question.length).toBeGreaterThan(900_000);
  });

  it.each([
    ['list markers on one line', `${QUESTION}${'- '.repeat(10_000)}x\n`],
    ['block quote markers on one line', `${QUESTION}${'>'.repeat(10_000)} x\n`],
    ['ordered markers on one line', `${QUESTION}${'1. '.repeat(10_000)}x\n`],
    ['indented list items', QUESTION + Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- item\n`).join('')],
  ])('refuses lists nested 10,000 deep (%s) at the line where it happens', (_, text) => {
    const { error, ms } = timed(() => parseDeck(text, { path: 'deep.md' }));
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).message).toMatch(/^deep\.md:\d+: lists or block quotes are nested more than 64 levels deep$/);
    expect((error as DeckError).line).toBeGreaterThanOrEqual(5);
    expect(ms).toBeLessThan(2000);
  });

  it('turns a stack overflow inside marked into a DeckError', () => {
    const piece = { kind: 'markdown' as const, text: `${'- '.repeat(20_000)}x\n`, line: 7 };
    const { error } = timed(() => readElements([piece], 'deep.md'));
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).message).toMatch(/^deep\.md:7: the Markdown here is nested too deeply to read$/);
  });

  it('stops with a DeckError once its time budget is spent', () => {
    // marked reads lazy block-quote continuations in superlinear time.
    const piece = { kind: 'markdown' as const, text: '> a\nb\n'.repeat(10_000), line: 3 };
    const { error, ms } = timed(() => readElements([piece, piece], 'slow.md', 1));
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).message).toMatch(/^slow\.md:3: reading this deck takes too long/);
    expect(ms).toBeLessThan(5000);
  });

  it('when the machine is busy (time passes while kfq waits for a core) then a deck is not refused for it', () => {
    // Each piece makes the reader wait 150 ms without using the CPU, as a process does that waits for a core.
    const sleepy = (line: number) => ({
      kind: 'markdown' as const,
      line,
      get text(): string {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 150);
        return `${line}. **What is a pod?**\n   - The smallest deployable unit.\n`;
      },
    });
    const { error, ms } = timed(() => readElements([sleepy(1), sleepy(4), sleepy(7)], 'busy.md', 200));
    expect(error).toBeUndefined();
    expect(ms).toBeGreaterThan(400);
  });

  it('reads 100,000 headings', () => {
    const { error, ms } = timed(() => parseDeck(`${'# heading\n'.repeat(100_000)}${QUESTION}`, { path: 'headings.md' }));
    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a 50 MB deck without reading it', () => {
    const path = join(temp, 'huge.md');
    writeFileSync(path, '');
    truncateSync(path, 50 * 1024 * 1024);
    const { error, ms } = timed(() => readDeckFile(path));
    expect((error as DeckError).message).toBe(`${path}: deck is larger than 32 MB`);
    expect(ms).toBeLessThan(500);
  });

  it('refuses a 50 MB string', () => {
    expect(() => parseDeck('x'.repeat(50 * 1024 * 1024), { path: 'huge.md' })).toThrow('huge.md: deck is larger than 32 MB');
  });

  it('refuses front matter larger than 16 KB', () => {
    expect(() => parseDeck(`---\ntitle: ${'x'.repeat(20_000)}\n---\n${QUESTION}`, { path: 'fm.md' })).toThrow(
      'fm.md:1: front matter is larger than 16 KB',
    );
  });

  it('refuses front matter nested too deeply for the YAML reader', () => {
    const { error } = timed(() => parseDeck(`---\na: ${'['.repeat(7000)}${']'.repeat(7000)}\n---\n${QUESTION}`, { path: 'fm.md' }));
    expect(error).toBeInstanceOf(DeckError);
    expect((error as DeckError).message).toBe('fm.md:1: front matter is nested too deeply');
  });
});
