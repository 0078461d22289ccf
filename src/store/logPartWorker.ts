// The worker thread of logPartReader.ts (built as dist/logPart.cjs): reads its
// stretch of the review log into a part and hands it back.
import { workerData, type MessagePort } from 'node:worker_threads';
import { readLogPart } from './cardSnapshot.js';
import { WORKER_DONE, WORKER_READING } from './logPartReader.js';

const { logFile, from, to, port, state } = workerData as {
  logFile: string;
  from: number;
  to: number;
  port: MessagePort;
  state: Int32Array;
};
tell(WORKER_READING);
try {
  const part = readLogPart(logFile, from, to);
  port.postMessage(
    { part },
    [part.group, part.rating, part.time, part.undone].map(({ buffer }) => buffer as ArrayBuffer),
  );
} catch {
  // No part: the main thread reads these lines itself, and reports what is wrong with them.
  port.postMessage({});
} finally {
  tell(WORKER_DONE);
}

function tell(value: number): void {
  Atomics.store(state, 0, value);
  Atomics.notify(state, 0);
}
