// How kfq's worker threads say how far they are: a shared Int32Array whose
// slot 0 the worker sets, and the main thread waits on (blocking is the point:
// it has nothing else to do until the worker's results are there).
const WORKER_LOADING = 0;
const WORKER_WORKING = 1;
const WORKER_DONE = 2;

function tellState(state: Int32Array, value: number): void {
  Atomics.store(state, 0, value);
  Atomics.notify(state, 0);
}

/**
 * A worker thread's whole job: says it is working, does `work` and says it is
 * done, failing or not. A worker that fails sends nothing more; the main
 * thread does the rest of the work itself, and reports what is wrong there.
 */
export function working(state: Int32Array, work: () => void): void {
  tellState(state, WORKER_WORKING);
  try {
    work();
  } catch {
    // See above: what was not sent is done on the main thread.
  } finally {
    tellState(state, WORKER_DONE);
  }
}

/** Says a worker is done that never will say so itself (it failed to load): nothing is left to wait for. */
export function doneWithout(state: Int32Array): void {
  tellState(state, WORKER_DONE);
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
