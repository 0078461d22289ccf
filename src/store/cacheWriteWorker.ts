// The worker thread of cacheWriteThread.ts (built as dist/cacheWrite.cjs):
// publishes one cache entry, then ends.
import { workerData } from 'node:worker_threads';
import { working } from '../model/workerState.js';
import { encodeCache, writeCacheBytes } from './cacheFile.js';
import type { CacheWrite } from './cacheWriteThread.js';

const { job, state } = workerData as { job: CacheWrite; state: Int32Array };
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
working(state, () => {
  if ('value' in job) {
    const { headerLine, payload } = encodeCache(job.key, job.value, job.build);
    writeCacheBytes(job.file, headerLine, payload);
  } else {
    writeCacheBytes(job.file, asBuffer(job.headerLine), asBuffer(job.payload));
  }
});
