// Writing a big cache entry (a review-log snapshot, a parsed 100,000-question
// deck) on a worker thread (dist/cacheWrite.cjs, built from
// cacheWriteWorker.ts) while the command goes on: the bytes are made here and
// handed over, the worker publishes them as writeCacheBytes does, and kfq
// exits once it has. A cache is only a speed-up: an entry the worker could not
// write is made again next time, and one read meanwhile is the old one, or none.
import { workerBundle } from './workerThread.js';

/** Hands the entry to a worker thread; false when there is none to start (running from the sources), and it must be written here. */
export function writeInBackground(file: string, headerLine: Buffer, payload: Buffer): boolean {
  const bundle = workerBundle('cacheWrite.cjs');
  if (bundle === undefined) return false;
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  // Handed over, not copied, when the payload has its memory to itself.
  const own = payload.byteOffset === 0 && payload.buffer.byteLength === payload.length ? payload : Buffer.from(payload);
  const worker = new Worker(bundle, { workerData: { file, headerLine, payload: own }, transferList: [own.buffer as ArrayBuffer] });
  worker.on('error', () => undefined);
  return true;
}
