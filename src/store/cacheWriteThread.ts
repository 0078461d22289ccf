// Writing a big cache entry (a review-log snapshot, a parsed 100,000-question
// deck) on a worker thread (dist/cacheWrite.cjs, built from
// cacheWriteWorker.ts) while the command goes on: given the entry's bytes, or
// the value itself to serialize there, the worker publishes it as
// writeCacheBytes does, and kfq exits once it has. A cache is only a
// speed-up: an entry the worker could not write is made again next time, and
// one read meanwhile is the old one, or none.
import { workerBundle } from './workerThread.js';

/** What the worker writes: the entry's bytes, or a value to serialize under a key and build. */
export type CacheWrite =
  { file: string; headerLine: Uint8Array; payload: Uint8Array } | { file: string; key: string; build: string; value: unknown };

/** Hands the entry to a worker thread, with the memory of `transfer`; false when there is none to start (running from the sources). */
export function writeInBackground(job: CacheWrite, transfer: ArrayBuffer[]): boolean {
  const bundle = workerBundle('cacheWrite.cjs');
  if (bundle === undefined) return false;
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  const worker = new Worker(bundle, { workerData: job, transferList: transfer });
  worker.on('error', () => undefined);
  return true;
}
