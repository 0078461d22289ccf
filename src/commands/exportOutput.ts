// Where an export goes: stdout (waiting for a slow reader, so memory stays
// flat), or a file written through the store's one atomic writer.
import { once } from 'node:events';
import { openAtomicFile } from '../store/files.js';
import { safeText } from '../ui/text.js';

export interface ExportOutput {
  write(text: string): Promise<void>;
  /** The file appears (atomically), or stdout is flushed. */
  finish(): Promise<void>;
  /** After a failure: no partial file is left. */
  abort(): void;
}

export function stdoutOutput(stdout: NodeJS.WriteStream): ExportOutput {
  return {
    async write(text) {
      // Data goes to a pipe or file byte for byte; a terminal shows a deck's control characters escaped.
      const shown = stdout.isTTY ? text.split('\r\n').map(safeText).join('\r\n') : text;
      if (!stdout.write(shown)) await once(stdout, 'drain');
    },
    async finish() {},
    abort() {},
  };
}

export function fileOutput(file: string): ExportOutput {
  const atomic = openAtomicFile(file, { what: file, hint: 'choose another --output, or free some space' });
  return {
    async write(text) {
      atomic.write(text);
    },
    async finish() {
      atomic.commit();
    },
    abort: () => atomic.abort(),
  };
}
