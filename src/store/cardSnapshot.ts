// The review log, read fast. A snapshot in the cache holds what the first
// `offset` bytes of the log say (the reviews as compact columns, undo keys,
// damaged lines) and the card state each distinct question of the log reaches.
// What a card state is and how a review moves it on (FSRS) is practice's
// business: it comes in as a CardReplay, so the store only keeps the results.
// A start reads the snapshot, checks by CRC that the log still begins with
// those bytes, and parses only what was appended since; a log that shrank or
// changed is read again from the start.
//
// Why: parsing a million JSON lines and replaying them through FSRS takes
// seconds; reading the snapshot takes a fraction of that. A first read keeps
// per review only columns of numbers, sorts the reviews by card once and
// replays each card's history in one call. The result is exactly what
// readReviewLog and a review-by-review replay give (test/unit/store/cardSnapshot.test.ts).
import { closeSync, fstatSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { StorageError } from '../errors.js';
import type { Question } from '../model/question.js';
import type { CardReplay, ReviewFacts, ReviewRating } from '../model/review.js';
import { cacheName, readCache, writeCache } from './cacheFile.js';
import { describeFsError } from './files.js';
import { openRegularFile } from './fileType.js';
import { digits } from './reviewLine.js';
import { workerPartReader, type PartReader, type SharedSegments } from './logPartReader.js';
import { isUndone, parseLogKeys, REVIEW_LOG_HINT, type ReviewLogProblem } from './reviewLog.js';

export interface ReviewHistory<CardState> {
  /** Reviews not undone, oldest first as logged: what readReviewLog(file).reviews holds, in the fields stats use. */
  reviews(): Iterable<ReviewFacts>;
  reviewCount: number;
  /** Damaged lines, as readReviewLog reports them. */
  problems: ReviewLogProblem[];
  /** The same as cardStates(questions, readReviewLog(file).reviews, retention). */
  cardStates(questions: readonly Question[], retention?: number): Map<string, CardState>;
}

/** What the snapshot keeps; a review's group is its (questionId, deck, question), which decides the question it belongs to. */
interface Snapshot<CardState = unknown> {
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
  /** Each review's id as logged ('' for reviews logged before ids), by review index. */
  ids: string[];
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
/** Past this many bytes to read (about 70,000 reviews, a second or more), onLongRead is told first. */
const LONG_READ_BYTES = 16 << 20;

export interface ReadHistoryOptions {
  /** Called before reading and replaying a big stretch of the log the snapshot does not cover yet (the first run, or after an update). */
  onLongRead?: (bytes: number) => void;
  /** Who may read the back part of a long stretch while this thread reads the front; by default a worker thread, when kfq runs built. */
  partReader?: PartReader<LogPart>;
}

/**
 * A segment's whole lines, read by the other reader: a snapshot of those lines
 * alone, whose groups are numbered in that reader's own table; it brings the
 * groups new in it (numbered from firstGroup).
 */
export interface LogPart {
  lines: Snapshot;
  firstGroup: number;
}
/** The default retention's states are always kept; other retentions used lately, up to this many in all. */
const KEPT_RETENTIONS = 3;

export function readReviewHistory<CardState>(
  logFile: string,
  cacheDir: string,
  replayer: CardReplay<CardState>,
  options: ReadHistoryOptions = {},
): ReviewHistory<CardState> {
  return openReviewHistory(logFile, cacheDir, replayer, options).read();
}

/** A review history opened, and a long stretch of it already being read on another thread, until read() finishes it. */
export interface OpenedHistory<CardState> {
  read(): ReviewHistory<CardState>;
}

/**
 * Opens the review log and checks its snapshot now; read() reads the rest.
 * Between the two the caller can do other work (load its decks) while another
 * thread reads a long stretch. What goes wrong opening is thrown by read().
 */
export function openReviewHistory<CardState>(
  logFile: string,
  cacheDir: string,
  replayer: CardReplay<CardState>,
  options: ReadHistoryOptions = {},
): OpenedHistory<CardState> {
  const emptySnapshot = (): Snapshot<CardState> => newSnapshot(replayer.defaultRetention);
  const empty = (): ReviewHistory<CardState> => history(emptySnapshot(), replayer, () => undefined);
  const cacheFile = join(cacheDir, `reviews-${cacheName(resolve(logFile))}`);
  const key = JSON.stringify(['reviews', resolve(logFile), replayer.signature()]);
  let fd: number | undefined;
  let read: () => ReviewHistory<CardState>;
  try {
    // Not a plain open: a FIFO in place of the log would block forever.
    fd = openRegularFile(logFile, 'the review log');
    if (fd === undefined) return { read: empty };
    const size = fstatSync(fd).size;
    const cached = readCache<Snapshot<CardState>>(cacheFile, key);
    const snapshot = cached && coversStartOf(fd, size, cached) ? cached : emptySnapshot();
    if (size - snapshot.offset >= LONG_READ_BYTES) options.onLongRead?.(size - snapshot.offset);
    const segments = startSegments(fd, snapshot.offset, size, logFile, options.partReader ?? workerPartReader());
    const openFd = fd;
    read = () => readOpened(snapshot, cached, openFd, size, { logFile, cacheFile, key }, replayer, segments);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    read = () => historyError(error, logFile, empty);
  }
  let done = false;
  return {
    read() {
      if (done) throw new Error('a review history is read once');
      done = true;
      return read();
    },
  };
}

/** The rest of openReviewHistory: reads what the snapshot does not cover yet, replays it and saves the snapshot. */
function readOpened<CardState>(
  snapshot: Snapshot<CardState>,
  cached: Snapshot<CardState> | undefined,
  fd: number,
  size: number,
  files: { logFile: string; cacheFile: string; key: string },
  replayer: CardReplay<CardState>,
  segments: Segments | undefined,
): ReviewHistory<CardState> {
  const { logFile, cacheFile, key } = files;
  try {
    const changes = newChanges(snapshot);
    readStretch(snapshot, fd, size, logFile, changes, segments);
    markUndone(snapshot, changes);
    replayChanged(snapshot, changes, replayer);
    const save = (): void => void writeCache(cacheFile, key, compacted(snapshot));
    if (snapshot !== cached || snapshot.offset > cached.offset) save();
    if (size === snapshot.offset) return history(snapshot, replayer, save);
    // A last line without its newline may still grow: it is read every time and never saved.
    const rest = Buffer.alloc(size - snapshot.offset);
    readSync(fd, rest, 0, rest.length, snapshot.offset);
    const restChanges = newChanges(snapshot);
    apply(snapshot, rest.toString('utf8'), logFile, restChanges);
    markUndone(snapshot, restChanges);
    replayChanged(snapshot, restChanges, replayer);
    return history(snapshot, replayer, () => undefined);
  } catch (error) {
    return historyError(error, logFile, () => history(newSnapshot<CardState>(replayer.defaultRetention), replayer, () => undefined));
  } finally {
    closeSync(fd);
  }
}

/** What a failure to read the log means: no history yet when it is gone, else an error saying what is wrong. */
function historyError<T>(error: unknown, logFile: string, empty: () => T): T {
  if (error instanceof StorageError) throw error;
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
  throw new StorageError(`cannot read the review log ${logFile}: ${describeFsError(error)}`, {
    hint: REVIEW_LOG_HINT,
    cause: error,
  });
}

function newSnapshot<CardState>(defaultRetention: number): Snapshot<CardState> {
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
    ids: [],
    writtenTimes: new Map(),
    undoKeys: new Set(),
    problems: [],
    states: new Map([[defaultRetention, []]]),
  };
}

/** Whether the log still begins with the bytes the snapshot was made from. */
function coversStartOf(fd: number, size: number, snapshot: Snapshot): boolean {
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
    Array.isArray(value.ids) &&
    value.group.length >= value.count &&
    value.states instanceof Map
  );
}

/** A long stretch of the log cut into segments at line starts, which this thread and another read from either end. */
interface Segments {
  /** Segment i is [bounds[i], bounds[i + 1]). */
  bounds: number[];
  shared: SharedSegments<LogPart>;
}

/** Starts the other reader on a long stretch [from, size), when the part reader cuts it. */
function startSegments(fd: number, from: number, size: number, logFile: string, reader: PartReader<LogPart>): Segments | undefined {
  const cuts = reader.cuts(from, size);
  if (cuts === undefined) return undefined;
  const starts = cuts.map((cut) => lineStartFrom(fd, from, cut, size)).filter((start): start is number => start !== undefined);
  const bounds = [from, ...[...new Set(starts)].sort((a, b) => a - b), size];
  return { bounds, shared: reader.start(logFile, bounds) };
}

/**
 * Adds the whole lines from the snapshot's offset to `size`. Cut into
 * segments, this thread reads them from the front and the other reader from
 * the back until they meet; then the other's parts are added in order, as if
 * read here (a segment it could not read is read here).
 */
function readStretch(snapshot: Snapshot, fd: number, size: number, file: string, changes: Changes, segments: Segments | undefined): void {
  if (segments === undefined) return extend(snapshot, fd, size, file, changes);
  const { bounds, shared } = segments;
  const count = bounds.length - 1;
  let next = 0;
  for (; next < count && shared.claim(next); next++) extend(snapshot, fd, bounds[next + 1]!, file, changes);
  if (next === count) return;
  const parts = shared.parts(next);
  const groupsOfReader = mapGroups(snapshot, parts);
  parts.forEach((part, k) => {
    if (part) appendPart(snapshot, part.lines, groupsOfReader, changes);
    else extend(snapshot, fd, bounds[next + k + 1]!, file, changes);
  });
}

/** The snapshot's group of each group of the other reader's table, made where new. All parts first: a part may use a group one read before it brought. */
function mapGroups(snapshot: Snapshot, parts: ReadonlyArray<LogPart | undefined>): number[] {
  const lookup = lookups(snapshot, []);
  const groups: number[] = [];
  for (const part of parts) {
    if (!part) continue;
    const { groupIds, groupDecks, groupQuestions } = part.lines;
    groupIds.forEach((id, k) => {
      groups[part.firstGroup + k] = groupOf(snapshot, lookup, id, groupDecks[k]!, groupQuestions[k]!);
    });
  }
  return groups;
}

/** The start of the first line that begins at or after `from` (and after `offset`), or undefined when no line does before `size`. */
function lineStartFrom(fd: number, offset: number, from: number, size: number): number | undefined {
  const buffer = Buffer.allocUnsafe(1 << 16);
  for (let position = Math.max(offset, from - 1); position < size;) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, size - position), position);
    if (read === 0) return undefined;
    const newline = buffer.subarray(0, read).indexOf(0x0a);
    if (newline !== -1) return position + newline + 1 < size ? position + newline + 1 : undefined;
    position += read;
  }
  return undefined;
}

/**
 * What the other reader does (a worker thread, logPartWorker.ts): reads the
 * segments from the last one back, while it can claim them, each into a part.
 * The parts share one table of groups and each brings the groups new in it.
 */
export function readSegmentsFromBack(
  logFile: string,
  bounds: readonly number[],
  claim: (segment: number) => boolean,
  send: (segment: number, part: LogPart | undefined) => void,
): void {
  const fd = openRegularFile(logFile, 'the review log');
  if (fd === undefined) return;
  const table = newSnapshot(0);
  try {
    for (let segment = bounds.length - 2; segment >= 0 && claim(segment); segment--) {
      const firstGroup = table.groupIds.length;
      let lines: Snapshot;
      try {
        lines = readSegment(fd, logFile, bounds[segment]!, bounds[segment + 1]!, table);
      } catch {
        // Groups it made are in the table but never sent: no later part may use them, so none is read.
        send(segment, undefined);
        return;
      }
      const { groupIds, groupDecks, groupQuestions } = lines;
      const sent = {
        ...compacted(lines),
        groupIds: groupIds.slice(firstGroup),
        groupDecks: groupDecks.slice(firstGroup),
        groupQuestions: groupQuestions.slice(firstGroup),
      };
      send(segment, { lines: sent, firstGroup });
    }
  } finally {
    closeSync(fd);
  }
}

/** The whole lines of [from, to), grouped in `table`'s groups. */
function readSegment(fd: number, logFile: string, from: number, to: number, table: Snapshot): Snapshot {
  const lines = newSnapshot(0);
  lines.offset = from;
  lines.groupIds = table.groupIds;
  lines.groupDecks = table.groupDecks;
  lines.groupQuestions = table.groupQuestions;
  snapshotLookups.set(lines, lookups(table, []));
  const changes = newChanges(lines);
  extend(lines, fd, to, logFile, changes);
  markUndone(lines, changes);
  return lines;
}

/**
 * Adds a part read elsewhere, as reading its lines here would have: a review
 * that an undo record read before it names is left out, and the part's undo
 * keys are new keys of this batch (markUndone applies them to earlier reviews).
 */
function appendPart(snapshot: Snapshot, part: Snapshot, groupsOfReader: readonly number[], changes: Changes): void {
  snapshot.checksums.push(...part.checksums);
  const undoKeys = snapshot.undoKeys;
  const lookup = lookups(snapshot, []);
  for (let i = 0; i < part.count; i++) {
    if (part.undone[i] === 1) continue;
    const group = groupsOfReader[part.group[i]!]!;
    const id = part.ids[i] || undefined;
    const questionId = snapshot.groupIds[group]!;
    if (
      ((id !== undefined && undoKeys.has(id)) || lookup.undoQuestionIds.has(questionId)) &&
      isUndone({ id, questionId, reviewedAt: writtenTime(part, i) }, undoKeys)
    )
      continue;
    const index = append(snapshot, group, part.rating[i]! as ReviewRating, part.time[i]!);
    snapshot.ids[index] = part.ids[i] ?? '';
    const written = part.writtenTimes.get(i);
    if (written !== undefined) snapshot.writtenTimes.set(index, written);
  }
  for (const problem of part.problems) snapshot.problems.push({ ...problem, line: problem.line + snapshot.lines });
  snapshot.lines += part.lines;
  snapshot.offset = part.offset;
  const added = [...part.undoKeys].filter((key) => !undoKeys.has(key));
  for (const key of added) undoKeys.add(key);
  changes.undoKeys.push(...added);
  lookups(snapshot, added);
}

/** Adds the whole lines from the snapshot's offset to `size`. */
function extend(snapshot: Snapshot, fd: number, size: number, file: string, changes: Changes): void {
  let carry = Buffer.alloc(0);
  forEachChunk(fd, snapshot.offset, size, (chunk) => {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const lastNewline = bytes.lastIndexOf(0x0a);
    if (lastNewline === -1) {
      carry = Buffer.from(bytes);
      return;
    }
    const whole = bytes.subarray(0, lastNewline + 1);
    apply(snapshot, whole.toString('utf8'), file, changes);
    addChecksum(snapshot, whole);
    snapshot.offset += whole.length;
    carry = Buffer.from(bytes.subarray(lastNewline + 1));
  });
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

function forEachChunk(fd: number, from: number, to: number, use: (chunk: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(1, to - from)));
  for (let position = from; position < to;) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, to - position), position);
    if (read === 0) break;
    use(buffer.subarray(0, read));
    position += read;
  }
}

/** What a batch of lines changed, for replayChanged. */
interface Changes {
  /** Groups from this one on are new in the batch. */
  firstNewGroup: number;
  /** Reviews from this index on were appended in the batch. */
  firstNewReview: number;
  /** Groups with a review undone: replayed in full. */
  undone: Set<number>;
  /** Undo keys first seen in the batch: markUndone applies them to the reviews read before them. */
  undoKeys: string[];
}

function newChanges(snapshot: Snapshot): Changes {
  return { firstNewGroup: snapshot.groupIds.length, firstNewReview: snapshot.count, undone: new Set(), undoKeys: [] };
}

/** Adds the records of whole lines (or of the file's last line) to the snapshot. */
function apply(snapshot: Snapshot, text: string, file: string, changes: Changes): void {
  const parsed = parseLogKeys(text, file, snapshot.lines + 1);
  snapshot.lines += parsed.newlines;
  snapshot.problems.push(...parsed.problems);

  const added: string[] = [];
  for (const key of parsed.undone) {
    if (snapshot.undoKeys.has(key)) continue;
    snapshot.undoKeys.add(key);
    added.push(key);
  }
  changes.undoKeys.push(...added);
  // A review an undo key names is left out here; one read before its undo record is marked by markUndone.
  const undoKeys = snapshot.undoKeys;
  const lookup = lookups(snapshot, added);
  const { undoQuestionIds } = lookup;
  parsed.reviews.forEach((review, k) => {
    if (((review.id !== undefined && undoKeys.has(review.id)) || undoQuestionIds.has(review.questionId)) && isUndone(review, undoKeys))
      return;
    const group = groupOf(snapshot, lookup, review.questionId, review.deck, review.question);
    const index = append(snapshot, group, review.rating, parsed.times[k]!);
    snapshot.ids[index] = review.id === undefined ? '' : ownCopy(review.id);
    if (!isIsoTime(review.reviewedAt, snapshot.time[index]!)) snapshot.writtenTimes.set(index, review.reviewedAt);
  });
}

/** Marks the reviews read before the batch's new undo keys, and named by them, as undone. */
function markUndone(snapshot: Snapshot, changes: Changes): void {
  const keys = changes.undoKeys;
  if (keys.length === 0) return;
  const undo = (i: number): void => {
    if (snapshot.undone[i] === 1) return;
    snapshot.undone[i] = 1;
    changes.undone.add(snapshot.group[i]!);
  };
  // Undo records of this kfq name a review id: found through an index, not a scan of the log.
  const byId = idIndex(snapshot);
  for (const key of keys) {
    const i = byId.first.get(key);
    if (i !== undefined) undo(i);
    for (const j of byId.more.get(key) ?? []) undo(j);
  }
  // Older undo records name `questionId@reviewedAt`: only reviews of those questions need their time written out.
  const legacy = keys.filter((key) => !byId.first.has(key) && key.includes('@'));
  if (legacy.length === 0) return;
  const wanted = new Set(legacy);
  const questionIds = questionIdsIn(legacy);
  // The time each key may name, parsed: a review at another time cannot be named by any.
  const times = new Set(legacy.flatMap((key) => atSigns(key).map((at) => Date.parse(key.slice(at + 1)))));
  const candidates = new Set<number>();
  snapshot.groupIds.forEach((id, group) => {
    if (questionIds.has(id)) candidates.add(group);
  });
  for (let i = 0; i < snapshot.count; i++) {
    if (snapshot.undone[i] === 1 || !times.has(snapshot.time[i]!) || !candidates.has(snapshot.group[i]!)) continue;
    if (
      isUndone(
        { id: snapshot.ids[i] || undefined, questionId: snapshot.groupIds[snapshot.group[i]!]!, reviewedAt: writtenTime(snapshot, i) },
        wanted,
      )
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

interface IdIndex {
  /** The review with each id. */
  first: Map<string, number>;
  /** Further reviews with an id already taken (a line copied by hand): an undo takes back each, as readReviewLog does. */
  more: Map<string, number[]>;
  upTo: number;
}

const idIndexes = new WeakMap<Snapshot, IdIndex>();

/** Reviews by id, brought up to date with the reviews appended since it was last asked for. */
function idIndex(snapshot: Snapshot): IdIndex {
  let index = idIndexes.get(snapshot);
  if (!index) {
    index = { first: new Map(), more: new Map(), upTo: 0 };
    idIndexes.set(snapshot, index);
  }
  for (; index.upTo < snapshot.count; index.upTo++) {
    const id = snapshot.ids[index.upTo];
    if (!id) continue;
    const more = index.more.get(id);
    if (more) more.push(index.upTo);
    else if (index.first.has(id)) index.more.set(id, [index.upTo]);
    else index.first.set(id, index.upTo);
  }
  return index;
}

function append(snapshot: Snapshot, group: number, rating: ReviewRating, time: number): number {
  if (snapshot.count === snapshot.group.length) {
    const capacity = Math.max(1024, snapshot.count * 2);
    snapshot.group = grown(snapshot.group, new Uint32Array(capacity));
    snapshot.rating = grown(snapshot.rating, new Uint8Array(capacity));
    snapshot.time = grown(snapshot.time, new Float64Array(capacity));
    snapshot.undone = grown(snapshot.undone, new Uint8Array(capacity));
  }
  const index = snapshot.count++;
  snapshot.group[index] = group;
  snapshot.rating[index] = rating;
  snapshot.time[index] = time;
  snapshot.undone[index] = 0;
  return index;
}

function grown<T extends Uint32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

interface Lookups {
  /** A group of each question id: the latest made (see sameId for the others). */
  groupById: Map<string, number>;
  /** By group: the next group of the same question id, or -1. */
  sameId: number[];
  /** One string per deck name, shared by the groups: comparing a review's deck with it reads memory that is in the cache already. */
  decks: Map<string, string>;
  /** Every question id a legacy undo key may name (see questionIdsIn): only reviews of these need their key built. */
  undoQuestionIds: Set<string>;
}

const snapshotLookups = new WeakMap<Snapshot, Lookups>();

/** The snapshot's lookups, made on first use and brought up to date with the undo keys just added. */
function lookups(snapshot: Snapshot, newUndoKeys: readonly string[]): Lookups {
  let found = snapshotLookups.get(snapshot);
  if (!found) {
    found = { groupById: new Map(), sameId: [], decks: new Map(), undoQuestionIds: questionIdsIn(snapshot.undoKeys) };
    for (let group = 0; group < snapshot.groupIds.length; group++) addGroup(found, snapshot.groupIds[group]!, group);
    snapshotLookups.set(snapshot, found);
  }
  for (const key of newUndoKeys) for (const at of atSigns(key)) found.undoQuestionIds.add(key.slice(0, at));
  return found;
}

/**
 * The group of a review's (questionId, deck, question), made when new. Looked
 * up by question id, then the few groups of that id compared: no key string
 * is built per review.
 */
function groupOf(snapshot: Snapshot, lookup: Lookups, questionId: string, deck: string, question: string): number {
  for (let group = lookup.groupById.get(questionId) ?? -1; group !== -1; group = lookup.sameId[group]!) {
    if (snapshot.groupQuestions[group] === question && snapshot.groupDecks[group] === deck) return group;
  }
  let shared = lookup.decks.get(deck);
  if (shared === undefined) {
    shared = ownCopy(deck);
    lookup.decks.set(shared, shared);
  }
  const group = snapshot.groupIds.length;
  const id = ownCopy(questionId);
  snapshot.groupIds.push(id);
  snapshot.groupDecks.push(shared);
  snapshot.groupQuestions.push(ownCopy(question));
  addGroup(lookup, id, group);
  return group;
}

/**
 * The text as a string of its own. A field read from a line may be a slice
 * that keeps the line's whole chunk of the log alive; the snapshot keeps only
 * the field.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

function addGroup(lookup: Lookups, questionId: string, group: number): void {
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

function writtenTime(snapshot: Snapshot, index: number): string {
  return snapshot.writtenTimes.get(index) ?? new Date(snapshot.time[index]!).toISOString();
}

/** Live reviews from review `from` on, by group: group g's are `order[start[g]]` to before `order[start[g + 1]]`, in log order. */
interface ReviewsByGroup {
  order: Uint32Array;
  start: Uint32Array;
}

/** A counting sort of the live reviews by group: two passes over the columns, no list per group. */
function liveByGroup(snapshot: Snapshot, from: number): ReviewsByGroup {
  const groups = snapshot.groupIds.length;
  const start = new Uint32Array(groups + 1);
  for (let i = from; i < snapshot.count; i++) if (snapshot.undone[i] === 0) start[snapshot.group[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const order = new Uint32Array(start[groups]!);
  const next = start.slice(0, groups);
  for (let i = from; i < snapshot.count; i++) if (snapshot.undone[i] === 0) order[next[snapshot.group[i]!]!++] = i;
  return { order, start };
}

function reviewsOf({ order, start }: ReviewsByGroup, group: number): Uint32Array {
  return order.subarray(start[group], start[group + 1]);
}

/** Replays reviews as cardStates does: oldest first (a stable sort, so equal times keep log order). */
function replay<CardState>(
  snapshot: Snapshot<CardState>,
  replayer: CardReplay<CardState>,
  indexes: Uint32Array,
  retention: number,
  from?: CardState,
): CardState | null {
  const time = snapshot.time;
  // Sorted by time, then log order: what a stable sort by time gives for reviews in log order.
  const ordered = inTimeOrder(time, indexes) ? indexes : indexes.slice().sort((a, b) => time[a]! - time[b]! || a - b);
  return replayer.replay(from, ordered, snapshot.rating, time, retention) ?? null;
}

/** Whether the reviews are oldest first already, as a log's reviews nearly always are: then sorting them changes nothing. */
function inTimeOrder(times: Float64Array, indexes: Uint32Array): boolean {
  for (let k = 1; k < indexes.length; k++) if (times[indexes[k]!]! < times[indexes[k - 1]!]!) return false;
  return true;
}

/**
 * Brings the card states of changed groups up to date, for every retention
 * kept. Reviews appended after a group's last one continue from its state
 * (what a drill adds); anything else replays the group from its first review.
 */
function replayChanged<CardState>(snapshot: Snapshot<CardState>, changes: Changes, replayer: CardReplay<CardState>): void {
  if (snapshot.count === changes.firstNewReview && changes.undone.size === 0) return;
  const appended = liveByGroup(snapshot, changes.firstNewReview);
  for (const [retention, states] of snapshot.states) {
    const full = new Set(changes.undone);
    for (let group = 0; group < snapshot.groupIds.length; group++) {
      const live = reviewsOf(appended, group);
      if (live.length === 0 || full.has(group)) continue;
      const state = states[group];
      if (group >= changes.firstNewGroup) {
        states[group] = replay(snapshot, replayer, live, retention);
      } else if (state && live.every((i) => snapshot.time[i]! >= replayer.lastReviewedAt(state).getTime())) {
        states[group] = replay(snapshot, replayer, live, retention, state);
      } else {
        full.add(group);
      }
    }
    replayGroups(snapshot, replayer, full, retention, states);
  }
}

function replayGroups<CardState>(
  snapshot: Snapshot<CardState>,
  replayer: CardReplay<CardState>,
  groups: ReadonlySet<number>,
  retention: number,
  states: Array<CardState | null>,
): void {
  if (groups.size === 0) return;
  const live = liveByGroup(snapshot, 0);
  for (const group of groups) states[group] = replay(snapshot, replayer, reviewsOf(live, group), retention);
}

function history<CardState>(snapshot: Snapshot<CardState>, replayer: CardReplay<CardState>, save: () => void): ReviewHistory<CardState> {
  return {
    // Counted when asked: the commands never ask, and a million reviews is a loop at every start.
    get reviewCount() {
      return snapshot.count - snapshot.undone.subarray(0, snapshot.count).reduce((sum, flag) => sum + flag, 0);
    },
    problems: snapshot.problems,
    *reviews() {
      for (let i = 0; i < snapshot.count; i++) if (snapshot.undone[i] === 0) yield new LoggedReview(snapshot, i);
    },
    cardStates(questions, retention = replayer.defaultRetention) {
      let states = snapshot.states.get(retention);
      if (!states) {
        states = [];
        replayGroups(snapshot, replayer, new Set(snapshot.groupIds.keys()), retention, states);
        rememberStates(snapshot, replayer.defaultRetention, retention, states);
        save();
      }
      return statesOfQuestions(snapshot, replayer, questions, states, retention);
    },
  };
}

/** A review as stats reads it: the fields of its group and its reviewedAt string are looked up only if asked for. */
class LoggedReview implements ReviewFacts {
  readonly rating: ReviewRating;
  readonly at: number;
  readonly group: number;

  constructor(
    private readonly snapshot: Snapshot,
    private readonly index: number,
  ) {
    this.group = snapshot.group[index]!;
    this.rating = snapshot.rating[index]! as ReviewRating;
    this.at = snapshot.time[index]!;
  }

  get questionId(): string {
    return this.snapshot.groupIds[this.group]!;
  }

  get deck(): string {
    return this.snapshot.groupDecks[this.group]!;
  }

  get question(): string {
    return this.snapshot.groupQuestions[this.group]!;
  }

  get reviewedAt(): string {
    return writtenTime(this.snapshot, this.index);
  }
}

function rememberStates<CardState>(
  snapshot: Snapshot<CardState>,
  defaultRetention: number,
  retention: number,
  states: Array<CardState | null>,
): void {
  snapshot.states.set(retention, states);
  for (const kept of snapshot.states.keys()) {
    if (snapshot.states.size <= KEPT_RETENTIONS) break;
    if (kept !== defaultRetention && kept !== retention) snapshot.states.delete(kept);
  }
}

/**
 * Each question's state: its group's, when one group of reviews belongs to it
 * (the rule); replayed from all its groups' reviews when several do (a deck
 * renumbered or edited since). Entries come in the order of each question's
 * first review, as cardStates gives them.
 */
function statesOfQuestions<CardState>(
  snapshot: Snapshot<CardState>,
  replayer: CardReplay<CardState>,
  questions: readonly Question[],
  states: Array<CardState | null>,
  retention: number,
): Map<string, CardState> {
  const match = replayer.matcher(questions);
  const groupsOf = new Map<string, number[]>();
  snapshot.groupIds.forEach((questionId, group) => {
    const question = match({ questionId, deck: snapshot.groupDecks[group]!, question: snapshot.groupQuestions[group]! });
    if (!question) return;
    const groups = groupsOf.get(question.id);
    if (groups) groups.push(group);
    else groupsOf.set(question.id, [group]);
  });

  const firstReview = new Float64Array(snapshot.groupIds.length).fill(Infinity);
  for (let i = snapshot.count - 1; i >= 0; i--) if (snapshot.undone[i] === 0) firstReview[snapshot.group[i]!] = i;
  const ordered = [...groupsOf].map(([id, groups]) => ({ id, groups, first: Math.min(...groups.map((group) => firstReview[group]!)) }));
  ordered.sort((a, b) => a.first - b.first);

  let live: ReviewsByGroup | undefined;
  const result = new Map<string, CardState>();
  for (const { id, groups } of ordered) {
    let state: CardState | null | undefined;
    if (groups.length === 1) {
      state = states[groups[0]!];
    } else {
      live ??= liveByGroup(snapshot, 0);
      const merged = Uint32Array.from(groups.flatMap((group) => [...reviewsOf(live!, group)])).sort();
      state = replay(snapshot, replayer, merged, retention);
    }
    if (state) result.set(id, state);
  }
  return result;
}

/** The snapshot with its columns cut to length, so the file holds no unused capacity. */
function compacted<CardState>(snapshot: Snapshot<CardState>): Snapshot<CardState> {
  const count = snapshot.count;
  return {
    ...snapshot,
    group: snapshot.group.slice(0, count),
    rating: snapshot.rating.slice(0, count),
    time: snapshot.time.slice(0, count),
    undone: snapshot.undone.slice(0, count),
    ids: snapshot.ids.slice(0, count),
  };
}
