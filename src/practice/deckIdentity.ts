// Following each question of a deck across versions: compares the deck with
// what kfq last saw of it (alignQuestions), gives every question the stable
// key of its match, and remembers the names (id and text) its reviews were
// logged under, so history follows a question that was renumbered, edited
// and moved all at once. Pure: the store reads and writes the result.
import type { Question } from '../model/question.js';
import type { DeckChange, DeckChangeEntry, PastName, SeenDeck, SeenQuestion, SeenQuestionRef } from '../model/seenDeck.js';
import { alignQuestions } from './alignQuestions.js';

export interface FollowedDeck {
  seen: SeenDeck;
  /** Whether `seen` differs from what was passed in (and should be saved). */
  updated: boolean;
  /** What changed since kfq last saw the deck; undefined when nothing did, or on first sight. */
  change?: DeckChange;
}

export function followDeck(
  previous: SeenDeck | undefined,
  deck: string,
  questions: readonly Question[],
  now: Date,
  contentHash?: string,
): FollowedDeck {
  if (!previous) {
    const seen: SeenDeck = {
      deck,
      contentHash,
      questions: questions.map((q) => seenQuestion(q, q.explicitId ?? q.id)),
      past: [],
      retired: [],
    };
    return { seen, updated: true };
  }
  if (contentHash !== undefined && previous.contentHash === contentHash) return { seen: previous, updated: false };
  if (sameQuestions(previous.questions, questions)) {
    return contentHash === previous.contentHash
      ? { seen: previous, updated: false }
      : { seen: { ...previous, contentHash }, updated: true };
  }

  const before = previous.questions;
  const alignment = alignQuestions(before, questions);
  const taken = new Set([...before.map((q) => q.key), ...previous.retired, ...previous.past.map(([key]) => key)]);
  const keys: string[] = new Array(questions.length);
  const past: PastName[] = [...previous.past];
  const entries: DeckChangeEntry[] = [];
  const counts = { edited: 0, renumbered: 0, moved: 0, new: 0, removed: 0 };

  for (const match of alignment.matches) {
    const old = before[match.old]!;
    const now = questions[match.new]!;
    keys[match.new] = old.key;
    if (old.id !== now.id || old.question !== now.question) past.push([old.key, old.id, old.question]);
    const edited = old.question !== now.question || old.answer !== now.answer;
    const renumbered = old.id !== now.id;
    const moved = old.category !== now.category;
    if (edited) counts.edited++;
    if (renumbered) counts.renumbered++;
    if (moved) counts.moved++;
    if (edited || renumbered || moved || old.number !== now.number)
      entries.push({ before: ref(old), after: ref(now), similarity: round(match.similarity) });
  }
  for (const n of alignment.added) {
    const question = questions[n]!;
    let key = question.explicitId ?? question.id;
    for (let suffix = 2; taken.has(key); suffix++) key = `${question.explicitId ?? question.id}~${suffix}`;
    taken.add(key);
    keys[n] = key;
    counts.new++;
    entries.push({ after: ref(question) });
  }
  const retired = [...previous.retired];
  for (const o of alignment.removed) {
    const old = before[o]!;
    retired.push(old.key);
    past.push([old.key, old.id, old.question]);
    counts.removed++;
    entries.push({ before: ref(old) });
  }

  const seen: SeenDeck = {
    deck,
    contentHash,
    questions: questions.map((q, n) => seenQuestion(q, keys[n]!)),
    // Not deduplicated: a repeated name is harmless (pastNames lets the latest win) and checking costs more than it saves.
    past,
    retired,
  };
  const changed = counts.edited + counts.renumbered + counts.moved + counts.new + counts.removed > 0;
  if (!changed) return { seen: { ...seen, lastChange: previous.lastChange }, updated: true };
  seen.lastChange = { deck, at: now.toISOString(), counts, entries };
  return { seen, updated: true, change: seen.lastChange };
}

/** `deck kubeflow changed: 1 edited (history kept), 3 renumbered, 1 new, 1 removed`. */
export function changeSummary(change: DeckChange): string {
  const { edited, renumbered, moved, new: added, removed } = change.counts;
  const parts = [
    edited > 0 ? `${edited} edited (history kept)` : '',
    renumbered > 0 ? `${renumbered} renumbered` : '',
    moved > 0 ? `${moved} moved` : '',
    added > 0 ? `${added} new` : '',
    removed > 0 ? `${removed} removed` : '',
  ].filter(Boolean);
  return `deck ${change.deck} changed: ${parts.join(', ')}`;
}

/**
 * Where reviews logged under an old name (id and text) of a question now
 * belong: the current id of that question, or null when it was removed.
 * A name some current question has now is left out: it is that question's.
 */
export function pastNames(seen: SeenDeck): Map<string, string | null> {
  // A deck that never changed has none: no need to key its questions (a start of a big deck would pay for it).
  if (seen.past.length === 0) return new Map();
  const currentId = new Map(seen.questions.map((q) => [q.key, q.id]));
  const current = new Set(seen.questions.map((q) => nameKey(q.id, q.question)));
  const names = new Map<string, string | null>();
  for (const [key, id, question] of seen.past) {
    const name = nameKey(id, question);
    if (!current.has(name)) names.set(name, currentId.get(key) ?? null);
  }
  return names;
}

export function nameKey(id: string, question: string): string {
  return `${id}\u0000${question}`;
}

function sameQuestions(seen: readonly SeenQuestion[], questions: readonly Question[]): boolean {
  return (
    seen.length === questions.length &&
    seen.every((s, i) => {
      const q = questions[i]!;
      return (
        s.id === q.id &&
        s.number === q.number &&
        s.category === q.category &&
        s.question === q.question &&
        s.answer === q.answer &&
        s.explicitId === q.explicitId
      );
    })
  );
}

function seenQuestion(q: Question, key: string): SeenQuestion {
  const seen: SeenQuestion = { key, id: q.id, number: q.number, category: q.category, question: q.question, answer: q.answer };
  if (q.explicitId !== undefined) seen.explicitId = q.explicitId;
  return seen;
}

function ref(q: SeenQuestionRef): SeenQuestionRef {
  return { id: q.id, number: q.number, category: q.category, question: q.question };
}

function round(similarity: number): number {
  return Math.round(similarity * 100) / 100;
}
