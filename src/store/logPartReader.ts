// A long stretch of the review log read on two threads: the stretch is cut
// into segments, the main thread reads them from the front and a worker
// thread from the back until they meet (readStretch in cardSnapshot.ts).
// Started when the log is opened, the worker reads while the main thread
// loads the decks. Only when kfq runs built: the worker is the bundle
// logPart.cjs beside kfq's own (scripts/build.js); from the sources (tests)
// there is none, and the log is read on one thread.
import { startWorker, workerBundle } from './workerThread.js';

const WORKER = 'logPart.cjs';
/** Below this, one thread: starting a worker would cost more than it saves. */
const SPLIT_BYTES = 16 << 20;
/** Small segments: the two threads meet near the best point, and a part costs little beyond its lines (its groups are sent once). */
const SEGMENT_BYTES = 8 << 20;
const MAX_SEGMENTS = 64;

/** Who claimed each segment (slot 1 + segment of the shared Int32Array; slot 0 is the worker's state, see model/workerState.ts). */
export const UNCLAIMED = 0;
export const CLAIMED_HERE = 1;
export const CLAIMED_BY_WORKER = 2;

/** Reads segments of a stretch of the log into parts (for the review-log snapshot: a snapshot of those lines alone), on another thread. */
export interface PartReader<Part> {
  /** Where to cut the stretch [from, to) into segments (each cut moves on to a line start), or undefined to read it all on this thread. */
  cuts(from: number, to: number): number[] | undefined;
  /** Starts the other reader on the stretch's segments, from the last one back. */
  start(stretch: Stretch): SharedSegments<Part>;
}

/** A stretch of the log cut into segments: segment i is [bounds[i], bounds[i + 1]) of the file the main thread opened. */
export interface Stretch {
  logFile: string;
  bounds: readonly number[];
  /** Which file that is: the other reader reads nothing of another put in its place since. */
  file: { dev: number; ino: number };
}

export interface SharedSegments<Part> {
  /** Claims a segment for this thread (front to back): false once the other reader has it. */
  claim(segment: number): boolean;
  /** Waits for the other reader: the parts of the segments from `first` to the last, undefined where it read none. */
  parts(first: number): Array<Part | undefined>;
}

export function workerPartReader<Part>(): PartReader<Part> {
  let file: string | undefined;
  return {
    cuts(from, to) {
      file = to - from < SPLIT_BYTES ? undefined : workerBundle(WORKER);
      if (file === undefined) return undefined;
      const count = Math.min(MAX_SEGMENTS, Math.max(2, Math.round((to - from) / SEGMENT_BYTES)));
      return Array.from({ length: count - 1 }, (_, k) => from + Math.floor(((k + 1) * (to - from)) / count));
    },
    start(stretch) {
      const shared = new Int32Array(new SharedArrayBuffer(4 * stretch.bounds.length));
      const worker = startWorker(file!, { stretch }, { state: shared });
      return {
        claim: (segment) => Atomics.compareExchange(shared, 1 + segment, UNCLAIMED, CLAIMED_HERE) === UNCLAIMED,
        parts(first) {
          const parts: Array<Part | undefined> = Array.from({ length: stretch.bounds.length - 1 - first });
          for (const message of worker.messages()) {
            const { segment, part } = message as { segment: number; part?: Part };
            if (segment >= first) parts[segment - first] = part;
          }
          return parts;
        },
      };
    },
  };
}
