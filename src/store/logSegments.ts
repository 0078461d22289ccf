// A long stretch of the review log cut into segments at line starts, read by
// two threads from either end until they meet (logPartReader.ts starts the
// other one): each of the other's segments comes back as a part, added here
// as if this thread had read its lines.
import { closeSync, fstatSync, readSync } from 'node:fs';
import type { ReviewRating } from '../model/review.js';
import { openRegularFile } from './fileType.js';
import type { PartReader, SharedSegments, Stretch } from './logPartReader.js';
import {
  addId,
  addUndoKeys,
  addIds,
  append,
  compacted,
  extend,
  groupOf,
  idOf,
  idText,
  isNamedByUndo,
  lookups,
  makeRoom,
  markUndone,
  mayBeUndoKey,
  newChanges,
  newSnapshot,
  shareGroups,
  writtenTime,
  type Changes,
  type Snapshot,
} from './snapshotLines.js';

/**
 * A segment's whole lines, read by the other reader: a snapshot of those lines
 * alone, whose groups are numbered in that reader's own table; it brings the
 * groups new in it (numbered from firstGroup).
 */
export interface LogPart {
  lines: Snapshot;
  firstGroup: number;
}

/** A long stretch of the log cut into segments at line starts, which this thread and another read from either end. */
export interface Segments {
  /** Segment i is [bounds[i], bounds[i + 1]). */
  bounds: number[];
  shared: SharedSegments<LogPart>;
}

/** Starts the other reader on a long stretch [from, size), when the part reader cuts it. */
export function startSegments(fd: number, from: number, size: number, logFile: string, reader: PartReader<LogPart>): Segments | undefined {
  const cuts = reader.cuts(from, size);
  if (cuts === undefined) return undefined;
  const starts = cuts.map((cut) => lineStartFrom(fd, from, cut, size)).filter((start): start is number => start !== undefined);
  const bounds = [from, ...[...new Set(starts)].sort((a, b) => a - b), size];
  const { dev, ino } = fstatSync(fd);
  return { bounds, shared: reader.start({ logFile, bounds, file: { dev, ino } }) };
}

/**
 * Adds the whole lines from the snapshot's offset to `size`. Cut into
 * segments, this thread reads them from the front and the other reader from
 * the back until they meet; then the other's parts are added in order, as if
 * read here (a segment it could not read is read here). Says how many
 * segments there were and how many the other reader read.
 */
export function readStretch(
  snapshot: Snapshot,
  fd: number,
  size: number,
  file: string,
  changes: Changes,
  segments: Segments | undefined,
): { segments: number; readByOther: number } {
  if (segments === undefined) {
    extend(snapshot, fd, size, file, changes);
    return { segments: 1, readByOther: 0 };
  }
  const { bounds, shared } = segments;
  const count = bounds.length - 1;
  let next = 0;
  for (; next < count && shared.claim(next); next++) extend(snapshot, fd, bounds[next + 1]!, file, changes);
  if (next === count) return { segments: count, readByOther: 0 };
  const parts = shared.parts(next);
  const groupsOfReader = mapGroups(snapshot, parts);
  parts.forEach((part, k) => {
    if (part) appendPart(snapshot, part.lines, groupsOfReader, changes);
    else extend(snapshot, fd, bounds[next + k + 1]!, file, changes);
  });
  return { segments: count, readByOther: parts.filter(Boolean).length };
}

/** The snapshot's group of each group of the other reader's table, made where new. All parts first: a part may use a group one read before it brought. */
function mapGroups(snapshot: Snapshot, parts: ReadonlyArray<LogPart | undefined>): Uint32Array {
  const lookup = lookups(snapshot, []);
  const count = parts.reduce((most, part) => (part ? Math.max(most, part.firstGroup + part.lines.groupIds.length) : most), 0);
  const groups = new Uint32Array(count);
  for (const part of parts) {
    if (!part) continue;
    const { groupIds, groupDecks, groupQuestions } = part.lines;
    groupIds.forEach((id, k) => {
      groups[part.firstGroup + k] = groupOf(snapshot, lookup, id, groupDecks[k]!, groupQuestions[k]!);
    });
  }
  return groups;
}

/**
 * Which of a part's reviews are added: not one undone in the part, nor one an
 * undo record read before it names. Usually all, which appendAll adds at once.
 * Only a review whose id may be an undo key (by the lookups' filter), or whose
 * question and time a legacy key may name, is looked at closer.
 */
function keptReviews(snapshot: Snapshot, part: Snapshot, groupsOfReader: Uint32Array): Uint8Array | 'all' {
  const lookup = lookups(snapshot, []);
  const ids = idText(part);
  const anyUndoKey = snapshot.undoKeys.size > 0;
  let kept: Uint8Array | undefined;
  for (let i = 0, start = 0; i < part.count; start = part.idEnds[i++]!) {
    let named = false;
    if (anyUndoKey) {
      const group = groupsOfReader[part.group[i]!]!;
      const end = part.idEnds[i]!;
      if (
        (end > start && mayBeUndoKey(lookup, ids, start, end)) ||
        (lookup.legacyNamed[group] === 1 && lookup.undoTimes.has(part.time[i]!))
      )
        named = isNamedByUndo(snapshot, lookup, idOf(part, i), snapshot.groupIds[group]!, () => writtenTime(part, i));
    }
    if (part.undone[i] === 0 && !named) continue;
    kept ??= new Uint8Array(part.count).fill(1);
    kept[i] = 0;
  }
  return kept ?? 'all';
}

/** Adds every review of a part, column by column. */
function appendAll(snapshot: Snapshot, part: Snapshot, groupsOfReader: Uint32Array): void {
  const at = snapshot.count;
  makeRoom(snapshot, part.count);
  for (let i = 0; i < part.count; i++) snapshot.group[at + i] = groupsOfReader[part.group[i]!]!;
  snapshot.rating.set(part.rating.subarray(0, part.count), at);
  snapshot.time.set(part.time.subarray(0, part.count), at);
  snapshot.undone.fill(0, at, at + part.count);
  addIds(snapshot, at, part, part.count);
  for (const [i, written] of part.writtenTimes) snapshot.writtenTimes.set(at + i, written);
  snapshot.count += part.count;
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
  { logFile, bounds, file }: Stretch,
  claim: (segment: number) => boolean,
  send: (segment: number, part: LogPart | undefined) => void,
): void {
  const fd = openRegularFile(logFile, 'the review log');
  if (fd === undefined) return;
  const table = newSnapshot(0);
  try {
    // The log replaced since it was opened is another file: the main thread reads its own.
    const { dev, ino } = fstatSync(fd);
    if (dev !== file.dev || ino !== file.ino) return;
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
  shareGroups(lines, table);
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
function appendPart(snapshot: Snapshot, part: Snapshot, groupsOfReader: Uint32Array, changes: Changes): void {
  snapshot.checksums.push(...part.checksums);
  const kept = keptReviews(snapshot, part, groupsOfReader);
  if (kept === 'all') {
    appendAll(snapshot, part, groupsOfReader);
  } else {
    for (let i = 0; i < part.count; i++) {
      if (kept[i] === 0) continue;
      const index = append(snapshot, groupsOfReader[part.group[i]!]!, part.rating[i]! as ReviewRating, part.time[i]!);
      addId(snapshot, index, idOf(part, i));
      const written = part.writtenTimes.get(i);
      if (written !== undefined) snapshot.writtenTimes.set(index, written);
    }
  }
  idText(snapshot);
  for (const problem of part.problems) snapshot.problems.push({ ...problem, line: problem.line + snapshot.lines });
  snapshot.lines += part.lines;
  snapshot.offset = part.offset;
  addUndoKeys(snapshot, part.undoKeys, changes);
}
