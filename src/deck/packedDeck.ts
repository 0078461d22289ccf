// A parsed deck in the shape the deck cache stores: the questions' texts in
// one string with their end offsets, and their numbers in typed arrays.
// Reading back a few large values and slicing them is several times quicker
// than reading back 100,000 small objects of eight strings each.
import type { DeckWarning, LoadedDeck } from '../model/deck.js';
import type { Question } from '../model/question.js';

export interface PackedDeck {
  /** The deck without its questions. */
  deck: Omit<LoadedDeck['deck'], 'questions'>;
  warnings: DeckWarning[];
  /** Every question's texts (TEXTS of them), one after another. */
  text: string;
  /** Per question and text, where the text ends in `text`. */
  ends: Uint32Array;
  /** Categories and deck slugs, each once; questions point into it. */
  names: string[];
  categoryOf: Uint32Array;
  deckOf: Uint32Array;
  numbers: Float64Array;
  lines: Float64Array;
  /** Per question: PROMPT_IS_QUESTION, HAS_EXPLICIT_ID. */
  flags: Uint8Array;
}

/** id, question, prompt (empty when it is the question), answer, explicit id (empty when none). */
const TEXTS = 5;
const PROMPT_IS_QUESTION = 1;
const HAS_EXPLICIT_ID = 2;

export function packDeck(loaded: Pick<LoadedDeck, 'deck' | 'warnings'>): PackedDeck {
  const { questions, ...deck } = loaded.deck;
  const count = questions.length;
  const nameIds = new Map<string, number>();
  const nameOf = (name: string): number => {
    let id = nameIds.get(name);
    if (id === undefined) nameIds.set(name, (id = nameIds.size));
    return id;
  };
  const texts: string[] = [];
  const ends = new Uint32Array(count * TEXTS);
  const categoryOf = new Uint32Array(count);
  const deckOf = new Uint32Array(count);
  const numbers = new Float64Array(count);
  const lines = new Float64Array(count);
  const flags = new Uint8Array(count);
  let end = 0;
  questions.forEach((question, n) => {
    const promptIsQuestion = question.prompt === question.question;
    const hasExplicitId = question.explicitId !== undefined;
    const parts = [question.id, question.question, promptIsQuestion ? '' : question.prompt, question.answer, question.explicitId ?? ''];
    parts.forEach((part, k) => {
      texts.push(part);
      end += part.length;
      ends[n * TEXTS + k] = end;
    });
    categoryOf[n] = nameOf(question.category);
    deckOf[n] = nameOf(question.deck);
    numbers[n] = question.number;
    lines[n] = question.line;
    flags[n] = (promptIsQuestion ? PROMPT_IS_QUESTION : 0) | (hasExplicitId ? HAS_EXPLICIT_ID : 0);
  });
  return {
    deck,
    warnings: loaded.warnings,
    text: texts.join(''),
    ends,
    names: [...nameIds.keys()],
    categoryOf,
    deckOf,
    numbers,
    lines,
    flags,
  };
}

/** The deck packDeck was given, or undefined when `value` is not a well-formed packed deck (a damaged or foreign cache entry). */
export function unpackDeck(value: unknown): Pick<LoadedDeck, 'deck' | 'warnings'> | undefined {
  if (!isPackedDeck(value)) return undefined;
  const { text, ends, names, categoryOf, deckOf, numbers, lines, flags } = value;
  const questions: Question[] = new Array<Question>(flags.length);
  let start = 0;
  for (let n = 0; n < flags.length; n++) {
    const at = n * TEXTS;
    const id = text.slice(start, ends[at]);
    const question = text.slice(ends[at], ends[at + 1]);
    const prompt = flags[n]! & PROMPT_IS_QUESTION ? question : text.slice(ends[at + 1], ends[at + 2]);
    const answer = text.slice(ends[at + 2], ends[at + 3]);
    const category = names[categoryOf[n]!];
    const deck = names[deckOf[n]!];
    if (category === undefined || deck === undefined) return undefined;
    // The same keys in the same order as the parser's, so --json output is the same either way.
    const entry: Question = { id, number: numbers[n]!, category, question, prompt, answer, line: lines[n]!, deck };
    if (flags[n]! & HAS_EXPLICIT_ID) entry.explicitId = text.slice(ends[at + 3], ends[at + 4]);
    questions[n] = entry;
    start = ends[at + 4]!;
  }
  return { deck: { ...value.deck, questions }, warnings: value.warnings };
}

/** A last guard: the checksum already proved the bytes are what this build wrote; the offsets must also stay inside the text. */
function isPackedDeck(value: unknown): value is PackedDeck {
  const packed = value as PackedDeck | undefined;
  if (typeof packed !== 'object' || packed === null) return false;
  const { deck, warnings, text, ends, names, categoryOf, deckOf, numbers, lines, flags } = packed;
  const count = flags instanceof Uint8Array ? flags.length : -1;
  if (
    typeof deck !== 'object' ||
    deck === null ||
    !Array.isArray(warnings) ||
    typeof text !== 'string' ||
    !Array.isArray(names) ||
    !names.every((name) => typeof name === 'string') ||
    !(ends instanceof Uint32Array && ends.length === count * TEXTS) ||
    !(categoryOf instanceof Uint32Array && categoryOf.length === count) ||
    !(deckOf instanceof Uint32Array && deckOf.length === count) ||
    !(numbers instanceof Float64Array && numbers.length === count) ||
    !(lines instanceof Float64Array && lines.length === count)
  ) {
    return false;
  }
  let previous = 0;
  // By index: for-of would allocate for every entry.
  for (let at = 0; at < ends.length; at++) {
    if (ends[at]! < previous) return false;
    previous = ends[at]!;
  }
  return previous <= text.length;
}
