// A long stretch of the review log read on two threads: a worker thread reads
// the back part while the main thread reads the front (readStretch in
// cardSnapshot.ts). Only when kfq runs built: the worker is the bundle
// logPart.cjs beside kfq's own (scripts/build.js); from the sources (tests)
// there is none, and the log is read on one thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Below this, one thread: starting a worker would cost more than it saves. */
const SPLIT_BYTES = 16 << 20;
/** How long to wait for a worker to start, then to read its part, before reading the part here after all: a worker that could not load or died. */
const START_MS = 2_000;
const READ_MS = 60_000;
/** The worker's state, in a shared Int32Array the main thread waits on. */
export const WORKER_LOADING = 0;
export const WORKER_READING = 1;
export const WORKER_DONE = 2;

/** Reads the whole lines of a stretch of the log into a part (for the review-log snapshot: a snapshot of those lines alone), possibly on another thread. */
export interface PartReader<Part> {
  /** Where to split the stretch [from, to) (a byte offset; the back part starts at the next line), or undefined to read it all here. */
  splitAt(from: number, to: number): number | undefined;
  /** Starts reading [from, to) of the log; the function returned waits for the part, or gives undefined when it could not be read there. */
  start(logFile: string, from: number, to: number): () => Part | undefined;
}

export function workerPartReader<Part>(): PartReader<Part> {
  return {
    splitAt(from, to) {
      if (to - from < SPLIT_BYTES || !existsSync(workerFile())) return undefined;
      return from + Math.floor((to - from) / 2);
    },
    start(logFile, from, to) {
      const { MessageChannel, receiveMessageOnPort, Worker } = process.getBuiltinModule('node:worker_threads');
      const state = new Int32Array(new SharedArrayBuffer(4));
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(workerFile(), { workerData: { logFile, from, to, port: port2, state }, transferList: [port2] });
      // A worker left behind (the front part failed) must not keep kfq running,
      // and one that fails is not an error: its part is read here instead.
      worker.unref();
      worker.on('error', () => undefined);
      return () => {
        // Blocking is the point: the main thread has nothing else to do until the part is there.
        Atomics.wait(state, 0, WORKER_LOADING, START_MS);
        Atomics.wait(state, 0, WORKER_READING, READ_MS);
        const message = receiveMessageOnPort(port1)?.message as { part?: Part } | undefined;
        port1.close();
        if (Atomics.load(state, 0) !== WORKER_DONE) void worker.terminate();
        return message?.part;
      };
    },
  };
}

function workerFile(): string {
  return fileURLToPath(new URL('logPart.cjs', import.meta.url));
}
