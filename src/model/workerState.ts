// How kfq's worker threads say how far they are: a shared Int32Array whose
// slot 0 the worker sets, and the main thread waits on (blocking is the point:
// it has nothing else to do until the worker's results are there).
export const WORKER_LOADING = 0;
export const WORKER_WORKING = 1;
export const WORKER_DONE = 2;

/** Tells the main thread the worker's state. */
export function tellState(state: Int32Array, value: number): void {
  Atomics.store(state, 0, value);
  Atomics.notify(state, 0);
}

/**
 * Waits for the worker to start (startMs at most), then to finish (workMs at
 * most): false when it did not, having failed to load or died.
 */
export function waitForWorker(state: Int32Array, startMs: number, workMs: number): boolean {
  Atomics.wait(state, 0, WORKER_LOADING, startMs);
  Atomics.wait(state, 0, WORKER_WORKING, workMs);
  return Atomics.load(state, 0) === WORKER_DONE;
}
