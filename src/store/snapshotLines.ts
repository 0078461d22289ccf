// The review-log snapshot's columns, and reading lines of the log into them:
// each review as a group (its questionId, deck and question), rating and time,
// undo keys and damaged lines, and CRCs of the bytes read (see cardSnapshot.ts).
import { isAscii } from 'node:buffer';
import { readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { ReviewRating } from '../model/review.js';
import { digits, type ReviewKeyFields, type UsualLines } from './reviewLine.js';
import { isUndone, parseLogKeys, type ReviewLogProblem } from './reviewLog.js';
import { grown } from './typedArrays.js';

/** What the snapshot keeps; a review's group is its (questionId, deck, question), which decides the question it belongs to. */
export interface Snapshot<CardState = unknown> {
  /** Bytes of the log covered: whole lines only. */
  offset: number;
  /** CRCs of consecutive stretches of those bytes (one per part read on another thread, which cannot continue another's CRC). */
  checksums: Checksum[];
  /** Lines in those bytes. */
  lines: number;
  groupIds: string[];
  groupDecks: string[];
  groupQuestions: string[];
  /** Reviews in log order: columns of `count` entries (the arrays may be longer). */
  count: number;
  group: Uint32Array;
  rating: Uint8Array;
  /** Epoch milliseconds. */
  time: Float64Array;
  /** 1 once an undo record took the review back. */
  undone: Uint8Array;
  /**
   * The reviews' ids as logged, one after another, and by review index where
   * each ends (it starts where the one before ends; no id for reviews logged
   * before ids): a million short strings would each be an object for the
   * garbage collector to copy, serialize and send between threads.
   */
  idText: string;
  idEnds: Uint32Array;
  /** reviewedAt as written, where it is not the ISO form of `time` (hand-edited logs); by review index. */
  writtenTimes: Map<number, string>;
  undoKeys: Set<string>;
  problems: ReviewLogProblem[];
  /** Per retention, the card state of each group's reviews alone (null when all were undone). */
  states: Map<number, Array<CardState | null>>;
}

interface Checksum {
  /** The stretch ends here and starts where the one before ends (the first at 0). */
  end: number;
  crc: number;
}

/** Small: a chunk's parsed reviews are dropped before the next is read, so few of them live long enough to be copied by the garbage collector. */
const CHUNK_BYTES = 1 << 20;

export function newSnapshot<CardState>(defaultRetention: number): Snapshot<CardState> {
  return {
    offset: 0,
    checksums: [],
    lines: 0,
    groupIds: [],
    groupDecks: [],
    groupQuestions: [],
    count: 0,
    group: new Uint32Array(1024),
    rating: new Uint8Array(1024),
    time: new Float64Array(1024),
    undone: new Uint8Array(1024),
    idText: '',
    idEnds: new Uint32Array(1024),
    writtenTimes: new Map(),
    undoKeys: new Set(),
    problems: [],
    states: new Map([[defaultRetention, []]]),
  };
}

/** Whether the log still begins with the bytes the snapshot was made from. */
export function coversStartOf(fd: number, size: number, snapshot: Snapshot): boolean {
  if (!isSnapshot(snapshot) || size < snapshot.offset) return false;
  let start = 0;
  for (const { end, crc } of snapshot.checksums) {
    let found = 0;
    forEachChunk(fd, start, end, (chunk) => {
      found = crc32(chunk, found);
    });
    if (found !== crc) return false;
    start = end;
  }
  return start === snapshot.offset;
}

function isSnapshot(value: Snapshot): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger(value.offset) &&
    Array.isArray(value.checksums) &&
    value.group instanceof Uint32Array &&
    value.rating instanceof Uint8Array &&
    value.time instanceof Float64Array &&
    value.undone instanceof Uint8Array &&
    typeof value.idText === 'string' &&
    value.idEnds instanceof Uint32Array &&
    value.idEnds.length >= value.count &&
    value.group.length >= value.count &&
    value.states instanceof Map
  );
}

/** Adds the whole lines from the snapshot's offset to `size`. */
export function extend(snapshot: Snapshot, fd: number, size: number, file: string, changes: Changes): void {
  let buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, size - snapshot.offset)));
  // The start of a line read but not ended yet is kept at the start of the buffer, and the next chunk read after it.
  let begun = 0;
  for (let position = snapshot.offset; position < size;) {
    if (begun === buffer.length) buffer = grown(buffer, Buffer.allocUnsafe(2 * buffer.length));
    const read = readSync(fd, buffer, begun, Math.min(buffer.length - begun, size - position), position);
    if (read === 0) break;
    position += read;
    const filled = begun + read;
    const lastNewline = buffer.lastIndexOf(0x0a, filled - 1);
    if (lastNewline === -1) {
      begun = filled;
      continue;
    }
    const whole = buffer.subarray(0, lastNewline + 1);
    apply(snapshot, decoded(whole), file, changes);
    addChecksum(snapshot, whole);
    snapshot.offset += whole.length;
    buffer.copyWithin(0, lastNewline + 1, filled);
    begun = filled - lastNewline - 1;
  }
}

/** The bytes as UTF-8 text; text that is all ASCII (most logs) is copied as it is, which is quicker than decoding it. */
function decoded(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Counts the bytes just read (at the snapshot's offset) into the last checksum, or a new one when the last ends elsewhere. */
function addChecksum(snapshot: Snapshot, bytes: Buffer): void {
  const last = snapshot.checksums.at(-1);
  if (last?.end === snapshot.offset) {
    last.crc = crc32(bytes, last.crc);
    last.end += bytes.length;
  } else {
    snapshot.checksums.push({ end: snapshot.offset + bytes.length, crc: crc32(bytes) });
  }
}

export function forEachChunk(fd: number, from: number, to: number, use: (chunk: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, to - from)));
  for (let position = from; position < to;) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, to - position), position);
    if (read === 0) break;
    use(buffer.subarray(0, read));
    position += read;
  }
}

/** What a batch of lines changed, for replayChanged. */
export interface Changes {
  /** Groups from this one on are new in the batch. */
  firstNewGroup: number;
  /** Reviews from this index on were appended in the batch. */
  firstNewReview: number;
  /** Groups with a review undone: replayed in full. */
  undone: Set<number>;
  /** Undo keys first seen in the batch: markUndone applies them to the reviews read before them. */
  undoKeys: string[];
}

export function newChanges(snapshot: Snapshot): Changes {
  return { firstNewGroup: snapshot.groupIds.length, firstNewReview: snapshot.count, undone: new Set(), undoKeys: [] };
}

/** Adds the records of whole lines (or of the file's last line) to the snapshot. */
export function apply(snapshot: Snapshot, text: string, file: string, changes: Changes): void {
  const parsed = parseLogKeys(text, file, snapshot.lines + 1);
  snapshot.lines += parsed.newlines;
  snapshot.problems.push(...parsed.problems);

  const lookup = addUndoKeys(snapshot, parsed.undone, changes);
  // A review an undo key names is left out here; one read before its undo record is marked by markUndone.
  const { usual, order, others, otherTimes } = parsed;
  for (const k of order) {
    if (k >= 0) addUsualLine(snapshot, lookup, usual, k);
    else addReview(snapshot, lookup, others[-1 - k]!, otherTimes[-1 - k]!);
  }
  // The ids read are slices of this chunk's text: joined now, they keep none of it.
  idText(snapshot);
}

function addReview(snapshot: Snapshot, lookup: Lookups, review: ReviewKeyFields, time: number): void {
  if (isNamedByUndo(snapshot, lookup, review.id, review.questionId, () => review.reviewedAt)) return;
  const group = groupOfReview(snapshot, lookup, review);
  const index = append(snapshot, group, review.rating, time);
  addId(snapshot, index, review.id);
  if (!isIsoTime(review.reviewedAt, snapshot.time[index]!)) snapshot.writtenTimes.set(index, review.reviewedAt);
}

/**
 * Adds usual line k: as addReview would, but its fields are read from the text
 * only when needed. Its group is most often the one last found for its number
 * (see Lookups), and whether an undo key may name it is told by the lookups'
 * filters; only then are its question id and time made strings.
 */
function addUsualLine(snapshot: Snapshot, lookup: Lookups, usual: UsualLines, k: number): void {
  const text = usual.text;
  const number = usual.number(k);
  const groupStart = usual.groupStart(k);
  const groupEnd = usual.groupEnd(k);
  const guess = lastGroupOf(lookup, number);
  // A slice compared, not text.startsWith(groupText, groupStart): that one is far slower.
  const known =
    guess !== -1 &&
    lookup.groupTexts[guess]!.length === groupEnd - groupStart &&
    text.slice(groupStart, groupEnd) === lookup.groupTexts[guess];
  const id = usual.id(k);
  if (snapshot.undoKeys.size > 0) {
    const byId = id !== undefined && mayBeUndoKey(lookup, id, 0, id.length) && snapshot.undoKeys.has(id);
    const byQuestion =
      (known ? lookup.legacyNamed[guess] === 1 : lookup.undoQuestionIds.has(usual.questionId(k))) && lookup.undoTimes.has(usual.time(k));
    if ((byId || byQuestion) && isUndone({ id, questionId: usual.questionId(k), reviewedAt: usual.reviewedAt(k) }, snapshot.undoKeys))
      return;
  }
  let group = guess;
  if (!known) {
    // A new group's strings are pieces of its group text's own copy: one string made, and nothing of the chunk kept.
    const groupText = flatCopy(text.slice(groupStart, groupEnd));
    const own = (piece: string): string => piece;
    group = groupOf(snapshot, lookup, usual.questionId(k, groupText), usual.deck(k, groupText), usual.question(k, groupText), own);
    setLastGroup(lookup, number, group);
    lookup.groupTexts[group] = groupText;
  }
  // Its time is written as toISOString writes it (see UsualLines): no written time to keep.
  addId(snapshot, append(snapshot, group, usual.rating(k), usual.time(k)), id);
}

/** Adds the undo keys not known yet, as new keys of this batch (markUndone applies them to the reviews read before); gives the lookups that know them. */
export function addUndoKeys(snapshot: Snapshot, keys: Iterable<string>, changes: Changes): Lookups {
  const added: string[] = [];
  for (const key of keys) {
    if (snapshot.undoKeys.has(key)) continue;
    snapshot.undoKeys.add(key);
    added.push(key);
  }
  changes.undoKeys.push(...added);
  return lookups(snapshot, added);
}

/**
 * Whether an undo key the snapshot knows names this review. Its written time
 * is asked for only when one may: only reviews whose id a key is, or whose
 * question a legacy key names, need their key built.
 */
export function isNamedByUndo(
  snapshot: Snapshot,
  lookup: Lookups,
  id: string | undefined,
  questionId: string,
  reviewedAt: () => string,
): boolean {
  const undoKeys = snapshot.undoKeys;
  if (undoKeys.size === 0) return false;
  if ((id === undefined || !mayBeUndoKey(lookup, id, 0, id.length) || !undoKeys.has(id)) && !lookup.undoQuestionIds.has(questionId))
    return false;
  return isUndone({ id, questionId, reviewedAt: reviewedAt() }, undoKeys);
}

/** Whether `text` from `start` to `end` may be an undo key the lookups know: false tells it is none, without hashing it. */
export function mayBeUndoKey(lookup: Lookups, text: string, start: number, end: number): boolean {
  return lookup.undoKeyTails[tail(text, start, end)] === 1;
}

/** A hash of a key's length and last four characters, for the lookups' undoKeyTails: ids differ most at the end (random digits). */
function tail(text: string, start: number, end: number): number {
  let hash = end - start;
  for (let at = Math.max(start, end - 4); at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x9e3779b1);
  return hash >>> (32 - TAIL_BITS);
}

const TAIL_BITS = 16;

/** Ids added since the snapshot's idText was last brought up to date. */
const pendingIds = new WeakMap<Snapshot, string[]>();

/** Adds the ids of `from`'s first `count` reviews, given to the snapshot's reviews from `at` on. */
export function addIds(snapshot: Snapshot, at: number, from: Snapshot, count: number): void {
  const base = at === 0 ? 0 : snapshot.idEnds[at - 1]!;
  for (let i = 0; i < count; i++) snapshot.idEnds[at + i] = base + from.idEnds[i]!;
  const text = idText(from);
  const length = count === 0 ? 0 : from.idEnds[count - 1]!;
  if (length > 0) addPendingIds(snapshot, length === text.length ? text : text.slice(0, length));
}

/** Gives review `index` (the last added) its id. */
export function addId(snapshot: Snapshot, index: number, id: string | undefined): void {
  const start = index === 0 ? 0 : snapshot.idEnds[index - 1]!;
  snapshot.idEnds[index] = start + (id?.length ?? 0);
  if (id) addPendingIds(snapshot, id);
}

function addPendingIds(snapshot: Snapshot, ids: string): void {
  const pending = pendingIds.get(snapshot);
  if (pending) pending.push(ids);
  else pendingIds.set(snapshot, [ids]);
}

/** The snapshot's idText, with the ids added since. */
export function idText(snapshot: Snapshot): string {
  const pending = pendingIds.get(snapshot);
  if (pending && pending.length > 0) {
    snapshot.idText += pending.join('');
    pending.length = 0;
  }
  return snapshot.idText;
}

/** Review `index`'s id, or undefined when it was logged without one. */
export function idOf(snapshot: Snapshot, index: number): string | undefined {
  const start = index === 0 ? 0 : snapshot.idEnds[index - 1]!;
  const end = snapshot.idEnds[index]!;
  return end === start ? undefined : idText(snapshot).slice(start, end);
}

/** Marks the reviews read before the batch's new undo keys, and named by them, as undone. */
export function markUndone(snapshot: Snapshot, changes: Changes): void {
  const keys = changes.undoKeys;
  if (keys.length === 0) return;
  const undo = (i: number): void => {
    if (snapshot.undone[i] === 1) return;
    snapshot.undone[i] = 1;
    changes.undone.add(snapshot.group[i]!);
  };
  // Undo records of this kfq name a review id: one pass over the ids, looking each up among the batch's
  // keys (an index of every id would cost more to build than the pass). A line copied by hand may share an id: all go.
  const newKeys = new Set(keys);
  // Only ids that may be one of them (see tail) are made strings and looked up.
  const newKeyTails = new Uint8Array(1 << TAIL_BITS);
  for (const key of keys) newKeyTails[tail(key, 0, key.length)] = 1;
  const named = new Set<string>();
  const text = idText(snapshot);
  for (let i = 0, start = 0; i < snapshot.count; start = snapshot.idEnds[i++]!) {
    const end = snapshot.idEnds[i]!;
    if (end === start || newKeyTails[tail(text, start, end)] === 0) continue;
    const id = text.slice(start, end);
    if (!newKeys.has(id)) continue;
    undo(i);
    named.add(id);
  }
  // Older undo records name `questionId@reviewedAt`: only reviews of those questions need their time written out.
  const legacy = keys.filter((key) => !named.has(key) && key.includes('@'));
  if (legacy.length === 0) return;
  const wanted = new Set(legacy);
  const questionIds = questionIdsIn(legacy);
  // The time each key may name, parsed: a review at another time cannot be named by any.
  const times = new Set(legacy.flatMap((key) => atSigns(key).map((at) => Date.parse(key.slice(at + 1)))));
  // The groups of those questions, found by id: a part read elsewhere shares a table of all the groups read there.
  const lookup = lookups(snapshot, []);
  const candidate = new Uint8Array(snapshot.groupIds.length);
  for (const questionId of questionIds) markGroupsOf(lookup, questionId, candidate);
  for (let i = 0; i < snapshot.count; i++) {
    if (snapshot.undone[i] === 1 || candidate[snapshot.group[i]!] === 0 || !times.has(snapshot.time[i]!)) continue;
    if (
      isUndone({ id: idOf(snapshot, i), questionId: snapshot.groupIds[snapshot.group[i]!]!, reviewedAt: writtenTime(snapshot, i) }, wanted)
    )
      undo(i);
  }
}

/** The question ids legacy undo keys (`questionId@reviewedAt`) may name: the text before any of their @ signs. */
function questionIdsIn(keys: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const key of keys) for (const at of atSigns(key)) ids.add(key.slice(0, at));
  return ids;
}

function atSigns(key: string): number[] {
  const found: number[] = [];
  for (let at = key.indexOf('@'); at !== -1; at = key.indexOf('@', at + 1)) found.push(at);
  return found;
}

export function append(snapshot: Snapshot, group: number, rating: ReviewRating, time: number): number {
  makeRoom(snapshot, 1);
  const index = snapshot.count++;
  snapshot.group[index] = group;
  snapshot.rating[index] = rating;
  snapshot.time[index] = time;
  snapshot.undone[index] = 0;
  return index;
}

/** Grows the columns, if need be, to hold `more` reviews more. */
export function makeRoom(snapshot: Snapshot, more: number): void {
  if (snapshot.count + more <= snapshot.group.length) return;
  const capacity = Math.max(1024, snapshot.count * 2, snapshot.count + more);
  snapshot.group = grown(snapshot.group, new Uint32Array(capacity));
  snapshot.rating = grown(snapshot.rating, new Uint8Array(capacity));
  snapshot.time = grown(snapshot.time, new Float64Array(capacity));
  snapshot.undone = grown(snapshot.undone, new Uint8Array(capacity));
  snapshot.idEnds = grown(snapshot.idEnds, new Uint32Array(capacity));
}

export interface Lookups {
  /** A group of each question id: the latest made (see sameId for the others). */
  groupById: Map<string, number>;
  /** By group: the next group of the same question id, or -1. */
  sameId: number[];
  /** One string per deck name, shared by the groups: comparing a review's deck with it reads memory that is in the cache already. */
  decks: Map<string, string>;
  /** Every question id a legacy undo key may name (see questionIdsIn): only reviews of these need their key built. */
  undoQuestionIds: Set<string>;
  /** Every time a legacy undo key may name (what Date.parse gives for the text after any of its @ signs): a review at another time is named by none. */
  undoTimes: Set<number>;
  /** By group: 1 when undoQuestionIds holds its question id (small: read for every review while there are undo keys). */
  legacyNamed: Uint8Array;
  /** 1 at the tail hash (see tail) of every undo key: a review whose id has a 0 there is named by no key, and its id is never hashed. */
  undoKeyTails: Uint8Array;
  /**
   * The group last found for a question number (1 + group, by number; 0 for
   * none; numbers outside it in lastByLargeNumber), and by group the text of
   * the line that found it (its questionId to question, as written; see
   * reviewLine.ts): a line with the same number and that same text is in that
   * group. One lookup by number and one comparison of text kept together, where
   * comparing the group's three strings reads memory all over the heap.
   */
  lastByNumber: Int32Array;
  lastByLargeNumber: Map<number, number>;
  groupTexts: string[];
}

/** Question numbers below this are looked up by index (see Lookups.lastByNumber); a deck's go up from 1. */
const INDEXED_NUMBERS = 1 << 22;

const snapshotLookups = new WeakMap<Snapshot, Lookups>();

/** The snapshot's lookups, made on first use and brought up to date with the undo keys just added. */
export function lookups(snapshot: Snapshot, newUndoKeys: readonly string[]): Lookups {
  let found = snapshotLookups.get(snapshot);
  if (!found) {
    found = {
      groupById: new Map(),
      sameId: [],
      decks: new Map(),
      undoQuestionIds: new Set(),
      undoTimes: new Set(),
      legacyNamed: new Uint8Array(1024),
      undoKeyTails: new Uint8Array(1 << TAIL_BITS),
      lastByNumber: new Int32Array(1024),
      lastByLargeNumber: new Map(),
      groupTexts: [],
    };
    for (let group = 0; group < snapshot.groupIds.length; group++) addGroup(found, snapshot.groupIds[group]!, group);
    addKeysTo(found, snapshot.undoKeys);
    snapshotLookups.set(snapshot, found);
  }
  addKeysTo(found, newUndoKeys);
  return found;
}

function addKeysTo(lookup: Lookups, undoKeys: Iterable<string>): void {
  for (const key of undoKeys) {
    lookup.undoKeyTails[tail(key, 0, key.length)] = 1;
    for (const at of atSigns(key)) {
      lookup.undoTimes.add(Date.parse(key.slice(at + 1)));
      const questionId = key.slice(0, at);
      if (lookup.undoQuestionIds.has(questionId)) continue;
      lookup.undoQuestionIds.add(questionId);
      markGroupsOf(lookup, questionId, lookup.legacyNamed);
    }
  }
}

/** Sets to 1, in `marks` (by group), every group of the question id. */
function markGroupsOf(lookup: Lookups, questionId: string, marks: Uint8Array): void {
  for (let group = lookup.groupById.get(questionId) ?? -1; group !== -1; group = lookup.sameId[group]!) marks[group] = 1;
}

/** The group last found for a question number (see Lookups), or -1. */
function lastGroupOf(lookup: Lookups, number: number): number {
  if (number >= 0 && number < lookup.lastByNumber.length) return lookup.lastByNumber[number]! - 1;
  return lookup.lastByLargeNumber.get(number) ?? -1;
}

function setLastGroup(lookup: Lookups, number: number, group: number): void {
  if (number >= 0 && number < INDEXED_NUMBERS) {
    if (number >= lookup.lastByNumber.length) {
      const length = Math.min(INDEXED_NUMBERS, Math.max(2 * lookup.lastByNumber.length, number + 1));
      lookup.lastByNumber = grown(lookup.lastByNumber, new Int32Array(length));
    }
    lookup.lastByNumber[number] = group + 1;
  } else {
    lookup.lastByLargeNumber.set(number, group);
  }
}

/**
 * The group of a review's (questionId, deck, question), made when new. Looked
 * up by question id, then the few groups of that id compared: no key string
 * is built per review. A new group keeps `own` of its strings (by default a
 * copy: a field read from a line may be a slice that keeps its whole chunk).
 */
export function groupOf(
  snapshot: Snapshot,
  lookup: Lookups,
  questionId: string,
  deck: string,
  question: string,
  own: (text: string) => string = ownCopy,
): number {
  for (let group = lookup.groupById.get(questionId) ?? -1; group !== -1; group = lookup.sameId[group]!) {
    if (snapshot.groupQuestions[group] === question && snapshot.groupDecks[group] === deck) return group;
  }
  let shared = lookup.decks.get(deck);
  if (shared === undefined) {
    shared = own(deck);
    lookup.decks.set(shared, shared);
  }
  const group = snapshot.groupIds.length;
  const id = own(questionId);
  snapshot.groupIds.push(id);
  snapshot.groupDecks.push(shared);
  snapshot.groupQuestions.push(own(question));
  addGroup(lookup, id, group);
  return group;
}

/** The group of a review read from a line, found first by its number and line text (see Lookups). */
function groupOfReview(snapshot: Snapshot, lookup: Lookups, review: ReviewKeyFields): number {
  const guess = lastGroupOf(lookup, review.number);
  if (guess !== -1 && review.groupText !== undefined && lookup.groupTexts[guess] === review.groupText) return guess;
  const group = groupOf(snapshot, lookup, review.questionId, review.deck, review.question);
  if (review.groupText !== undefined) {
    setLastGroup(lookup, review.number, group);
    lookup.groupTexts[group] = flatCopy(review.groupText);
  }
  return group;
}

/** The text as one flat string of its own: compared a million times, it should be one object in memory, not a slice of another. */
function flatCopy(text: string): string {
  // Two pieces joined are written into one new flat string (V8): a fifth of a JSON round trip's time.
  return [text.slice(0, 1), text.slice(1)].join('');
}

/**
 * The text as a string of its own. A field read from a line may be a slice
 * that keeps the line's whole chunk of the log alive; the snapshot keeps only
 * the field.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** Makes `lines` group its reviews in `table`'s groups (the same arrays and lookups): parts read one after another share them. */
export function shareGroups(lines: Snapshot, table: Snapshot): void {
  lines.groupIds = table.groupIds;
  lines.groupDecks = table.groupDecks;
  lines.groupQuestions = table.groupQuestions;
  snapshotLookups.set(lines, lookups(table, []));
}

function addGroup(lookup: Lookups, questionId: string, group: number): void {
  // Filled in group order, so V8 keeps these arrays packed rather than as dictionaries.
  lookup.groupTexts[group] = '';
  if (group === lookup.legacyNamed.length) lookup.legacyNamed = grown(lookup.legacyNamed, new Uint8Array(2 * group));
  lookup.legacyNamed[group] = lookup.undoQuestionIds.has(questionId) ? 1 : 0;
  lookup.sameId[group] = lookup.groupById.get(questionId) ?? -1;
  lookup.groupById.set(questionId, group);
}

const DAY = 86_400_000;

let isoDay = NaN;

let isoDayPrefix = '';

/**
 * Whether `text` is exactly the ISO form of `time` (what toISOString gives),
 * as in every line kfq writes: the date part is formatted once per day, not
 * once per review.
 */
function isIsoTime(text: string, time: number): boolean {
  const day = Math.floor(time / DAY);
  if (day !== isoDay) {
    isoDay = day;
    isoDayPrefix = new Date(day * DAY).toISOString().slice(0, -'00:00:00.000Z'.length);
  }
  if (text.length !== isoDayPrefix.length + 13 || !text.startsWith(isoDayPrefix)) return false;
  const rest = time - day * DAY;
  const at = isoDayPrefix.length;
  return (
    digits(text, at, 2) === Math.floor(rest / 3_600_000) &&
    text[at + 2] === ':' &&
    digits(text, at + 3, 2) === Math.floor(rest / 60_000) % 60 &&
    text[at + 5] === ':' &&
    digits(text, at + 6, 2) === Math.floor(rest / 1000) % 60 &&
    text[at + 8] === '.' &&
    digits(text, at + 9, 3) === rest % 1000 &&
    text[at + 12] === 'Z'
  );
}

export function writtenTime(snapshot: Snapshot, index: number): string {
  return snapshot.writtenTimes.get(index) ?? new Date(snapshot.time[index]!).toISOString();
}

/** The snapshot with its columns cut to length, so the file holds no unused capacity. */
export function compacted<CardState>(snapshot: Snapshot<CardState>): Snapshot<CardState> {
  const count = snapshot.count;
  return {
    ...snapshot,
    group: snapshot.group.slice(0, count),
    rating: snapshot.rating.slice(0, count),
    time: snapshot.time.slice(0, count),
    undone: snapshot.undone.slice(0, count),
    idText: idText(snapshot),
    idEnds: snapshot.idEnds.slice(0, count),
  };
}
