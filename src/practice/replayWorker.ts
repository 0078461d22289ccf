// The worker thread of replayElsewhere.ts (built as dist/replay.cjs): replays
// its batch's cards under the main thread's scheduler settings and hands back
// their states.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { ReplayBatch } from '../model/review.js';
import { working } from '../model/workerState.js';
import { replayGrades } from './gradeReplay.js';
import { packStates } from './packedStates.js';
import { useSchedulerSettings, type SchedulerSettings } from './scheduler.js';

const { batch, settings, port, state } = workerData as {
  batch: ReplayBatch;
  settings: SchedulerSettings;
  port: MessagePort;
  state: Int32Array;
};
working(state, () => {
  useSchedulerSettings(settings);
  const { starts, ratings, times, retention } = batch;
  const inOrder = Uint32Array.from({ length: ratings.length }, (_, i) => i);
  const states = Array.from({ length: starts.length - 1 }, (_, k) =>
    replayGrades(undefined, inOrder.subarray(starts[k], starts[k + 1]), ratings, times, retention),
  );
  const packed = packStates(states);
  port.postMessage({ states: packed }, [packed.buffer as ArrayBuffer]);
});
