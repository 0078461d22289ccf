// The review log, read fast. A snapshot in the cache holds what the first
// `offset` bytes of the log say (the reviews as compact columns, undo keys,
// damaged lines) and the card state each distinct question of the log reaches.
// What a card state is and how a review moves it on (FSRS) is practice's
// business: it comes in as a CardReplay, so the store only keeps the results.
// A start reads the snapshot, checks by CRC that the log still begins with
// those bytes, and parses only what was appended since; a log that shrank or
// changed is read again from the start. The columns and how lines are read
// into them are in snapshotLines.ts; a long stretch is read on two threads
// (logSegments.ts).
//
// Why: parsing a million JSON lines and replaying them through FSRS takes
// seconds; reading the snapshot takes a fraction of that. A first read keeps
// per review only columns of numbers, sorts the reviews by card once and
// replays each card's history in one call. The result is exactly what
// readReviewLog and a review-by-review replay give (test/unit/store/cardSnapshot.test.ts).
import { closeSync, fstatSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StorageError } from '../errors.js';
import type { Question } from '../model/question.js';
import type { CardReplay, ReplayBatch, ReviewColumns } from '../model/review.js';
import { cacheName, readCache, writeCache } from './cacheFile.js';
import { describeFsError } from './files.js';
import { openRegularFile } from './fileType.js';
import { workerPartReader, type PartReader } from './logPartReader.js';
import { readStretch, startSegments, type LogPart, type Segments } from './logSegments.js';
import { REVIEW_LOG_HINT, type ReviewLogProblem } from './reviewLog.js';
import { apply, compacted, coversStartOf, markUndone, newChanges, newSnapshot, type Changes, type Snapshot } from './snapshotLines.js';

export interface ReviewHistory<CardState> {
  /** Reviews not undone, oldest first as logged: what readReviewLog(file).reviews holds, in the fields stats use. */
  reviews(): ReviewColumns;
  reviewCount: number;
  /** Damaged lines, as readReviewLog reports them. */
  problems: ReviewLogProblem[];
  /** The same as cardStates(questions, readReviewLog(file).reviews, retention). */
  cardStates(questions: readonly Question[], retention?: number): Map<string, CardState>;
}

/** Past this many bytes to read (about 70,000 reviews, a second or more), onLongRead is told first. */
const LONG_READ_BYTES = 16 << 20;

export interface ReadHistoryOptions {
  /** Called before reading and replaying a big stretch of the log the snapshot does not cover yet (the first run, or after an update). */
  onLongRead?: (bytes: number) => void;
  /** Who may read the back part of a long stretch while this thread reads the front; by default a worker thread, when kfq runs built. */
  partReader?: PartReader<LogPart>;
  /** Told what another thread did of reading and replaying (for KFQ_DEBUG). */
  onOtherThread?: (done: string) => void;
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
    const cached = loadedSnapshot(readCache<SavedSnapshot>(cacheFile, key), replayer);
    const snapshot = cached && coversStartOf(fd, size, cached) ? cached : emptySnapshot();
    const segments = startSegments(fd, snapshot.offset, size, logFile, options.partReader ?? workerPartReader());
    const openFd = fd;
    read = () => {
      // Told at read, not at open: a command that fails on its decks first has read nothing.
      if (size - snapshot.offset >= LONG_READ_BYTES) options.onLongRead?.(size - snapshot.offset);
      return readOpened(snapshot, cached, openFd, size, { logFile, cacheFile, key, empty }, replayer, segments, options.onOtherThread);
    };
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

/** The snapshot as its cache file holds it: its columns copied to their length, the card states packed (CardReplay.pack), per retention. */
type SavedSnapshot = Omit<Snapshot, 'states'> & { states: Map<number, Float64Array> };

function savedSnapshot<CardState>(snapshot: Snapshot<CardState>, replayer: CardReplay<CardState>): SavedSnapshot {
  return { ...compacted(snapshot), states: new Map([...snapshot.states].map(([retention, states]) => [retention, replayer.pack(states)])) };
}

function loadedSnapshot<CardState>(saved: SavedSnapshot | undefined, replayer: CardReplay<CardState>): Snapshot<CardState> | undefined {
  if (!(saved?.states instanceof Map) || ![...saved.states.values()].every((packed) => packed instanceof Float64Array)) return undefined;
  return { ...saved, states: new Map([...saved.states].map(([retention, packed]) => [retention, replayer.unpack(packed)])) };
}

/** The rest of openReviewHistory: reads what the snapshot does not cover yet, replays it and saves the snapshot. */
function readOpened<CardState>(
  snapshot: Snapshot<CardState>,
  cached: Snapshot<CardState> | undefined,
  fd: number,
  size: number,
  files: { logFile: string; cacheFile: string; key: string; empty: () => ReviewHistory<CardState> },
  replayer: CardReplay<CardState>,
  segments: Segments | undefined,
  tell: (done: string) => void = () => undefined,
): ReviewHistory<CardState> {
  const { logFile, cacheFile, key, empty } = files;
  try {
    const changes = newChanges(snapshot);
    const read = readStretch(snapshot, fd, size, logFile, changes, segments);
    if (read.readByOther > 0) tell(`read ${read.readByOther} of ${read.segments} segments of the review log on a worker thread`);
    markUndone(snapshot, changes);
    const replayed = replayChanged(snapshot, changes, replayer);
    if (replayed.elsewhere > 0) tell(`replayed ${replayed.elsewhere} of ${replayed.fresh} new cards on a worker thread`);
    const save = (): void => {
      const saved = savedSnapshot(snapshot, replayer);
      // Its columns are copies made for saving: the worker that writes them may have their memory.
      const handOver = [saved.group, saved.rating, saved.time, saved.undone, saved.idEnds, ...saved.states.values()].map(
        (column) => column.buffer as ArrayBuffer,
      );
      writeCache(cacheFile, key, saved, { handOver });
    };
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
    return historyError(error, logFile, empty);
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
  return replayer.replay(from, inReplayOrder(snapshot.time, indexes), snapshot.rating, snapshot.time, retention) ?? null;
}

/** Sorted by time, then log order: what a stable sort by time gives for reviews in log order. */
function inReplayOrder(time: Float64Array, indexes: Uint32Array): Uint32Array {
  return inTimeOrder(time, indexes) ? indexes : indexes.slice().sort((a, b) => time[a]! - time[b]! || a - b);
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
function replayChanged<CardState>(
  snapshot: Snapshot<CardState>,
  changes: Changes,
  replayer: CardReplay<CardState>,
): { fresh: number; elsewhere: number } {
  const replayed = { fresh: 0, elsewhere: 0 };
  if (snapshot.count === changes.firstNewReview && changes.undone.size === 0) return replayed;
  const appended = liveByGroup(snapshot, changes.firstNewReview);
  for (const [retention, states] of snapshot.states) {
    const full = new Set(changes.undone);
    const fresh: number[] = [];
    for (let group = 0; group < snapshot.groupIds.length; group++) {
      const live = reviewsOf(appended, group);
      // A new group is replayed from a new card, whether or not a review of it was undone.
      if (group >= changes.firstNewGroup) {
        fresh.push(group);
        full.delete(group);
        continue;
      }
      if (live.length === 0 || full.has(group)) continue;
      const state = states[group];
      if (state && live.every((i) => snapshot.time[i]! >= replayer.lastReviewedAt(state).getTime())) {
        states[group] = replay(snapshot, replayer, live, retention, state);
      } else {
        full.add(group);
      }
    }
    replayed.fresh += fresh.length;
    replayed.elsewhere += replayFresh(snapshot, replayer, { groups: fresh, reviews: appended, retention }, states);
    replayGroups(snapshot, replayer, full, retention, states);
  }
  return replayed;
}

/** A card's replay costs about this many reviews' on top of its reviews (a new card, its state, sending it back). */
const CARD_COST_IN_REVIEWS = 4;
/** The share of the work kept here: the other thread starts late, but its small heap replays faster than this one's. */
const SHARE_HERE = 0.45;

/**
 * Replays groups new in the batch, each from a new card: the later ones
 * elsewhere, when the replayer can, while this thread replays the first. Says
 * how many were replayed elsewhere.
 */
function replayFresh<CardState>(
  snapshot: Snapshot<CardState>,
  replayer: CardReplay<CardState>,
  { groups, reviews, retention }: { groups: number[]; reviews: ReviewsByGroup; retention: number },
  states: Array<CardState | null>,
): number {
  const cost = (group: number): number => reviews.start[group + 1]! - reviews.start[group]! + CARD_COST_IN_REVIEWS;
  const total = groups.reduce((sum, group) => sum + cost(group), 0);
  let split = groups.length;
  let rest: (() => Float64Array | undefined) | undefined;
  if (replayer.replayElsewhere && groups.length > 1) {
    for (let sum = 0, k = 0; k < groups.length; k++) {
      sum += cost(groups[k]!);
      if (sum >= total * SHARE_HERE) {
        split = k + 1;
        break;
      }
    }
    rest = replayer.replayElsewhere(replayBatch(snapshot, groups.slice(split), reviews, retention));
  }
  for (let k = 0; k < split; k++) states[groups[k]!] = replay(snapshot, replayer, reviewsOf(reviews, groups[k]!), retention);
  const packed = rest?.();
  const replayed = packed && replayer.unpack(packed);
  for (let k = split; k < groups.length; k++) {
    const group = groups[k]!;
    states[group] = replayed ? (replayed[k - split] ?? null) : replay(snapshot, replayer, reviewsOf(reviews, group), retention);
  }
  return replayed ? groups.length - split : 0;
}

/** The groups' reviews, each group's in replay order, as a batch of their own. */
function replayBatch(snapshot: Snapshot, groups: readonly number[], reviews: ReviewsByGroup, retention: number): ReplayBatch {
  const starts = new Uint32Array(groups.length + 1);
  groups.forEach((group, k) => {
    starts[k + 1] = starts[k]! + reviews.start[group + 1]! - reviews.start[group]!;
  });
  const ratings = new Uint8Array(starts[groups.length]!);
  const times = new Float64Array(starts[groups.length]!);
  groups.forEach((group, k) => {
    inReplayOrder(snapshot.time, reviewsOf(reviews, group)).forEach((i, j) => {
      ratings[starts[k]! + j] = snapshot.rating[i]!;
      times[starts[k]! + j] = snapshot.time[i]!;
    });
  });
  return { starts, ratings, times, retention };
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
    reviews: () => liveColumns(snapshot),
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

/** The reviews not undone, as columns: the snapshot's own, or copies of the live entries when some were undone. */
function liveColumns(snapshot: Snapshot): ReviewColumns {
  const { count, undone, groupIds, groupDecks, groupQuestions } = snapshot;
  let live = 0;
  for (let i = 0; i < count; i++) if (undone[i] === 0) live++;
  if (live === count) {
    return {
      groupIds,
      groupDecks,
      groupQuestions,
      group: snapshot.group.subarray(0, count),
      rating: snapshot.rating.subarray(0, count),
      time: snapshot.time.subarray(0, count),
    };
  }
  const columns = {
    groupIds,
    groupDecks,
    groupQuestions,
    group: new Uint32Array(live),
    rating: new Uint8Array(live),
    time: new Float64Array(live),
  };
  for (let i = 0, k = 0; i < count; i++) {
    if (undone[i] !== 0) continue;
    columns.group[k] = snapshot.group[i]!;
    columns.rating[k] = snapshot.rating[i]!;
    columns.time[k++] = snapshot.time[i]!;
  }
  return columns;
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
 * first review, as cardStates gives them. Question ids are unique in a list (deck/ids.ts).
 */
function statesOfQuestions<CardState>(
  snapshot: Snapshot<CardState>,
  replayer: CardReplay<CardState>,
  questions: readonly Question[],
  states: Array<CardState | null>,
  retention: number,
): Map<string, CardState> {
  const positions = replayer.questionPositions(questions, snapshot);
  // The rule is one group per question; the groups of questions with several (renumbered, edited) are listed apart.
  const firstGroup = new Int32Array(questions.length).fill(-1);
  const moreGroups = new Map<number, number[]>();
  for (let group = 0; group < snapshot.groupIds.length; group++) {
    const position = positions[group]!;
    if (position < 0) continue;
    const more = moreGroups.get(position);
    if (firstGroup[position] === -1) firstGroup[position] = group;
    else if (more) more.push(group);
    else moreGroups.set(position, [firstGroup[position]!, group]);
  }

  // Questions in the order of their first live review: one pass over the reviews, no sort.
  const listed = new Uint8Array(questions.length);
  let live: ReviewsByGroup | undefined;
  const result = new Map<string, CardState>();
  for (let i = 0; i < snapshot.count; i++) {
    if (snapshot.undone[i] !== 0) continue;
    const position = positions[snapshot.group[i]!]!;
    if (position < 0 || listed[position] === 1) continue;
    listed[position] = 1;
    const groups = moreGroups.get(position);
    let state: CardState | null | undefined;
    if (groups === undefined) {
      state = states[firstGroup[position]!];
    } else {
      live ??= liveByGroup(snapshot, 0);
      const merged = Uint32Array.from(groups.flatMap((group) => [...reviewsOf(live!, group)])).sort();
      state = replay(snapshot, replayer, merged, retention);
    }
    if (state) result.set(questions[position]!.id, state);
  }
  return result;
}
