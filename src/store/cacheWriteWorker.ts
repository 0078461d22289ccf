// The worker thread of cacheWriteThread.ts (built as dist/cacheWrite.cjs):
// publishes one cache entry, then ends.
import { workerData } from 'node:worker_threads';
import { writeCacheBytes } from './cacheFile.js';

const { file, headerLine, payload } = workerData as { file: string; headerLine: Uint8Array; payload: Uint8Array };
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
writeCacheBytes(file, asBuffer(headerLine), asBuffer(payload));
