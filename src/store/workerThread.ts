// Starting one of kfq's worker threads (a bundle beside kfq's own, built by
// scripts/build.js) and waiting for what it sends. From the sources (tests)
// there is no such bundle, and the work is done on the main thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { waitForWorker } from '../model/workerState.js';

/**
 * How long to wait for a worker to start, then to finish, before the main
 * thread does its work after all: only a worker that could not load or died
 * takes so long.
 */
export const START_MS = 2_000;
const WORK_MS = 60_000;

export interface StartedWorker {
  /** Waits for the worker to finish (see above), then gives all it sent; stops it if it did not finish. */
  messages(): unknown[];
}

/** The bundle of that name beside kfq's own, when there is one. */
export function workerBundle(name: string): string | undefined {
  const file = fileURLToPath(new URL(name, import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * Starts the worker `file` with `data`, plus `port` (where it sends) and
 * `state` (slot 0 its state, see model/workerState.ts; the caller may use
 * further slots).
 */
export function startWorker(
  file: string,
  data: object,
  { state, transfer = [] }: { state: Int32Array; transfer?: ArrayBuffer[] },
): StartedWorker {
  const { MessageChannel, receiveMessageOnPort, Worker } = process.getBuiltinModule('node:worker_threads');
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(file, { workerData: { ...data, port: port2, state }, transferList: [port2, ...transfer] });
  // Left behind (the main thread failed), it must not keep kfq running; failing, it is no error: its work is done here.
  worker.unref();
  worker.on('error', () => undefined);
  return {
    messages() {
      const done = waitForWorker(state, START_MS, WORK_MS);
      const sent: unknown[] = [];
      for (let message = receiveMessageOnPort(port1); message; message = receiveMessageOnPort(port1)) sent.push(message.message);
      port1.close();
      if (!done) void worker.terminate();
      return sent;
    },
  };
}
