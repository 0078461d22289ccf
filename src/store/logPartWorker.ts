// The worker thread of logPartReader.ts (built as dist/logPart.cjs): reads
// segments of the review log from the last one back, each into a part, until
// it reaches one the main thread has claimed.
import { workerData, type MessagePort } from 'node:worker_threads';
import { readSegmentsFromBack } from './logSegments.js';
import { working } from '../model/workerState.js';
import { CLAIMED_BY_WORKER, UNCLAIMED, type Stretch } from './logPartReader.js';

const { stretch, port, state: shared } = workerData as { stretch: Stretch; port: MessagePort; state: Int32Array };
working(shared, () =>
  readSegmentsFromBack(
    stretch,
    (segment) => Atomics.compareExchange(shared, 1 + segment, UNCLAIMED, CLAIMED_BY_WORKER) === UNCLAIMED,
    (segment, part) => {
      const columns = part ? [part.lines.group, part.lines.rating, part.lines.time, part.lines.undone, part.lines.idEnds] : [];
      port.postMessage(
        { segment, part },
        columns.map(({ buffer }) => buffer as ArrayBuffer),
      );
    },
  ),
);
