// Writing a big cache entry (a review-log snapshot, a parsed 100,000-question
// deck) on a worker thread (dist/cacheWrite.cjs, built from
// cacheWriteWorker.ts) while the command goes on: given the entry's bytes, or
// the value itself to serialize there, the worker publishes it as
// writeCacheBytes does, and kfq exits once it has. A cache is only a
// speed-up: an entry the worker could not write is made again next time, and
// one read meanwhile is the old one, or none.
import { doneWithout, waitForWorker } from '../model/workerState.js';
import { START_MS, workerBundle } from './workerThread.js';

/** What the worker writes: the entry's bytes, or a value to serialize under a key and build. */
export type CacheWrite =
  { file: string; headerLine: Uint8Array; payload: Uint8Array } | { file: string; key: string; build: string; value: unknown };

/** How long an early exit waits for a write to end, once started (see START_MS). */
const WRITE_MS = 10_000;

/** The state (model/workerState.ts) of each write handed to a worker and not yet waited for. */
const writing: Int32Array[] = [];

/**
 * Hands the entry to a worker thread, with the memory of `transfer`; false
 * when there is none to start (running from the sources) or the entry cannot
 * be sent (a clone error), and it must be written here.
 */
export function writeInBackground(job: CacheWrite, transfer: ArrayBuffer[]): boolean {
  const bundle = workerBundle('cacheWrite.cjs');
  if (bundle === undefined) return false;
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const state = new Int32Array(new SharedArrayBuffer(4));
  let worker: InstanceType<typeof Worker>;
  try {
    worker = new Worker(bundle, { workerData: { job, state }, transferList: transfer });
  } catch {
    return false;
  }
  worker.on('error', () => doneWithout(state));
  writing.push(state);
  return true;
}

/**
 * Waits for the writes still going: a process that exits before it would end
 * by itself (its reader closed the pipe) would cut them, and the next run
 * would read the whole review log again.
 */
export function finishCacheWrites(): void {
  for (const state of writing.splice(0)) waitForWorker(state, START_MS, WRITE_MS);
}
