// The worker thread of logPartReader.ts (built as dist/logPart.cjs): reads
// segments of the review log from the last one back, each into a part, until
// it reaches one the main thread has claimed.
import { workerData, type MessagePort } from 'node:worker_threads';
import { readLogPart } from './cardSnapshot.js';
import { CLAIMED_BY_WORKER, UNCLAIMED, WORKER_DONE, WORKER_READING } from './logPartReader.js';

const { logFile, bounds, port, shared } = workerData as { logFile: string; bounds: number[]; port: MessagePort; shared: Int32Array };
tell(WORKER_READING);
try {
  for (let segment = bounds.length - 2; segment >= 0; segment--) {
    if (Atomics.compareExchange(shared, 1 + segment, UNCLAIMED, CLAIMED_BY_WORKER) !== UNCLAIMED) break;
    port.postMessage(partMessage(segment));
  }
} finally {
  tell(WORKER_DONE);
}

function partMessage(segment: number): { segment: number; part?: ReturnType<typeof readLogPart> } {
  try {
    return { segment, part: readLogPart(logFile, bounds[segment]!, bounds[segment + 1]!) };
  } catch {
    // No part: the main thread reads these lines itself, and reports what is wrong with them.
    return { segment };
  }
}

function tell(state: number): void {
  Atomics.store(shared, 0, state);
  Atomics.notify(shared, 0);
}
