// A long stretch of the review log read on two threads: the stretch is cut
// into segments, the main thread reads them from the front and a worker
// thread from the back until they meet (readStretch in cardSnapshot.ts).
// Started when the log is opened, the worker reads while the main thread
// loads the decks. Only when kfq runs built: the worker is the bundle
// logPart.cjs beside kfq's own (scripts/build.js); from the sources (tests)
// there is none, and the log is read on one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Below this, one thread: starting a worker would cost more than it saves. */
const SPLIT_BYTES = 16 << 20;
/** Segments small enough for the two threads to meet near the best point, big enough that few parts are added. */
const SEGMENT_BYTES = 24 << 20;
const MAX_SEGMENTS = 12;
/** How long to wait for a worker to start, then to finish, before reading its segments here after all: a worker that could not load or died. */
const START_MS = 2_000;
const READ_MS = 60_000;

/** The worker's state (slot 0 of the shared Int32Array), and who claimed each segment (slot 1 + segment). */
export const WORKER_LOADING = 0;
export const WORKER_READING = 1;
export const WORKER_DONE = 2;
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
  return {
    cuts(from, to) {
      if (to - from < SPLIT_BYTES || !existsSync(workerFile())) return undefined;
      const count = Math.min(MAX_SEGMENTS, Math.max(2, Math.round((to - from) / SEGMENT_BYTES)));
      return Array.from({ length: count - 1 }, (_, k) => from + Math.floor(((k + 1) * (to - from)) / count));
    },
    start(stretch) {
      const { MessageChannel, receiveMessageOnPort, Worker } = process.getBuiltinModule('node:worker_threads');
      const shared = new Int32Array(new SharedArrayBuffer(4 * stretch.bounds.length));
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(workerFile(), { workerData: { stretch, port: port2, shared }, transferList: [port2] });
      // A worker left behind (reading the rest failed) must not keep kfq running,
      // and one that fails is not an error: its segments are read here instead.
      worker.unref();
      worker.on('error', () => undefined);
      return {
        claim: (segment) => Atomics.compareExchange(shared, 1 + segment, UNCLAIMED, CLAIMED_HERE) === UNCLAIMED,
        parts(first) {
          // Blocking is the point: this thread has nothing else to do until the parts are there.
          Atomics.wait(shared, 0, WORKER_LOADING, START_MS);
          Atomics.wait(shared, 0, WORKER_READING, READ_MS);
          if (Atomics.load(shared, 0) !== WORKER_DONE) void worker.terminate();
          const parts: Array<Part | undefined> = Array.from({ length: stretch.bounds.length - 1 - first });
          for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) {
            const { segment, part } = message.message as { segment: number; part?: Part };
            if (segment >= first) parts[segment - first] = part;
          }
          port1.close();
          return parts;
        },
      };
    },
  };
}

function workerFile(): string {
  return fileURLToPath(new URL('logPart.cjs', import.meta.url));
}
