// kfq's stdout. On a terminal it is process.stdout. Anywhere else it is a
// stream that writes straight to descriptor 1, as Node's own stdout does for a
// file: Node builds process.stdout for a pipe on its network modules, a real
// share of the start of a command that prints once and exits.
import { writeSync } from 'node:fs';
import { Writable } from 'node:stream';
import { isTerminal } from './isTerminal.js';

let stdout: NodeJS.WriteStream | undefined;

/** The one stdout of this process (see above); its errors (EPIPE when the reader has gone) are its 'error' events, as process.stdout's. */
export function standardOutput(): NodeJS.WriteStream {
  // Typed as process.stdout is, which for a pipe is no more a tty.WriteStream than this.
  stdout ??= isTerminal(1) ? process.stdout : (new DescriptorOutput(1) as unknown as NodeJS.WriteStream);
  return stdout;
}

/** Writes each chunk whole before write() returns; a descriptor another program left non-blocking is handed to process.stdout, which waits for the reader. */
class DescriptorOutput extends Writable {
  readonly isTTY = false;
  private handedOver = false;

  constructor(private readonly fd: number) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    let written = 0;
    if (!this.handedOver) {
      try {
        while (written < chunk.length) written += writeSync(this.fd, chunk, written);
        done();
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
          done(error as Error);
          return;
        }
        this.handedOver = true;
        process.stdout.on('error', (streamError) => this.destroy(streamError));
      }
    }
    process.stdout.write(chunk.subarray(written), (error) => done(error));
  }
}
