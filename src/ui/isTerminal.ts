// Whether a descriptor is a terminal, without loading node:tty where the answer
// is no: node:tty loads Node's network modules, a real share of a start whose
// output goes to a pipe or a file. Its own module, importing nothing of kfq,
// because scripts/build.js gives it to chalk's supports-color as well.
import { fstatSync } from 'node:fs';

/** tty.isatty(fd): only a character device can be a terminal; a pipe, file or socket never is. */
export function isTerminal(fd: number): boolean {
  let characterDevice: boolean;
  try {
    characterDevice = fstatSync(fd).isCharacterDevice();
  } catch {
    return false; // Not open: not a terminal either.
  }
  return characterDevice && process.getBuiltinModule('node:tty').isatty(fd);
}
