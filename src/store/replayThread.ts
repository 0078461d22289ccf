// Replaying half of a long history's new cards on a worker thread
// (dist/replay.cjs, built from practice/replayWorker.ts) while the main thread
// replays the others: the store passes the batch and the scheduler's settings
// along; practice does the replaying.
import type { ReplayBatch } from '../model/review.js';
import { startWorker, workerBundle } from './workerThread.js';

/** Below this many reviews, one thread: starting a worker would cost more than it saves. */
const WORKER_REVIEWS = 50_000;

/** Starts the worker; the function returned waits for it and gives the states it packed, or undefined when it failed. */
export function replayOnWorker(batch: ReplayBatch, schedulerSettings: unknown): () => Float64Array | undefined {
  const file = batch.ratings.length < WORKER_REVIEWS ? undefined : workerBundle('replay.cjs');
  if (file === undefined) return () => undefined;
  const worker = startWorker(
    file,
    { batch, settings: schedulerSettings },
    {
      state: new Int32Array(new SharedArrayBuffer(4)),
      transfer: [batch.starts, batch.ratings, batch.times].map(({ buffer }) => buffer as ArrayBuffer),
    },
  );
  return () => {
    const states = (worker.messages()[0] as { states?: unknown } | undefined)?.states;
    return states instanceof Float64Array ? states : undefined;
  };
}
