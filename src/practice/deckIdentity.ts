// Following each question of a deck across versions: compares the deck with
// what kfq last saw of it (alignQuestions), gives every question the stable
// key of its match, and remembers the names (id and text) its reviews were
// logged under, so history follows a question that was renumbered, edited
// and moved all at once. Pure: the store reads and writes the result.
import type { Question } from '../model/question.js';
import type { DeckChange, DeckChangeEntry, PastName, SeenDeck, SeenQuestion, SeenQuestionRef } from '../model/seenDeck.js';
import { alignQuestions, type QuestionMatch } from './alignQuestions.js';

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

  return followChange(previous, deck, questions, now, contentHash);
}

/** What the alignment of a deck's old and new questions makes of each: a key, old names kept, a change entry. */
interface Following {
  before: readonly SeenQuestion[];
  questions: readonly Question[];
  keys: string[];
  past: PastName[];
  retired: string[];
  entries: DeckChangeEntry[];
  counts: DeckChange['counts'];
}

function followChange(
  previous: SeenDeck,
  deck: string,
  questions: readonly Question[],
  now: Date,
  contentHash: string | undefined,
): FollowedDeck {
  const alignment = alignQuestions(previous.questions, questions);
  const following: Following = {
    before: previous.questions,
    questions,
    keys: new Array<string>(questions.length),
    past: [...previous.past],
    retired: [...previous.retired],
    entries: [],
    counts: { edited: 0, renumbered: 0, moved: 0, new: 0, removed: 0 },
  };
  for (const match of alignment.matches) followMatch(following, match);
  const taken = new Set([...previous.questions.map((q) => q.key), ...previous.retired, ...previous.past.map(([key]) => key)]);
  for (const n of alignment.added) followAdded(following, n, taken);
  for (const o of alignment.removed) followRemoved(following, o);

  const { keys, past, retired, entries, counts } = following;
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

/** A question found again keeps its key; its old name is remembered when it changed. */
function followMatch(following: Following, match: QuestionMatch): void {
  const { counts } = following;
  const old = following.before[match.old]!;
  const now = following.questions[match.new]!;
  following.keys[match.new] = old.key;
  if (old.id !== now.id || old.question !== now.question) following.past.push([old.key, old.id, old.question]);
  const edited = old.question !== now.question || old.answer !== now.answer;
  const renumbered = old.id !== now.id;
  const moved = old.category !== now.category;
  if (edited) counts.edited++;
  if (renumbered) counts.renumbered++;
  if (moved) counts.moved++;
  if (edited || renumbered || moved || old.number !== now.number)
    following.entries.push({
      before: ref(old),
      after: ref(now),
      similarity: round(match.similarity),
      ...(old.answer !== now.answer ? { answerEdited: true as const } : {}),
    });
}

/** A new question gets its id as its key, with a suffix when an old question had that key. */
function followAdded(following: Following, n: number, taken: Set<string>): void {
  const question = following.questions[n]!;
  let key = question.explicitId ?? question.id;
  for (let suffix = 2; taken.has(key); suffix++) key = `${question.explicitId ?? question.id}~${suffix}`;
  taken.add(key);
  following.keys[n] = key;
  following.counts.new++;
  following.entries.push({ after: ref(question) });
}

/** A removed question's key is retired, never given to another, and its name kept for its reviews. */
function followRemoved(following: Following, o: number): void {
  const old = following.before[o]!;
  following.retired.push(old.key);
  following.past.push([old.key, old.id, old.question]);
  following.counts.removed++;
  following.entries.push({ before: ref(old) });
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
  // A deck that never changed has no past names: indexing its current ones would be wasted.
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
