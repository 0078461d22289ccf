// Reading a deck file safely: only regular files (a FIFO would block, a device
// never ends), bounded in size, and decoded strictly so a binary or mis-encoded
// file gets a clear error with the line of the first bad byte.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { DeckError } from '../errors.js';
import { fileError, folderError } from './fileErrors.js';
import { deckTooLargeError, MAX_DECK_BYTES } from './limits.js';
import { countNewlines } from './lines.js';

/** The bytes of a deck file: only a regular file, and at most MAX_DECK_BYTES. */
export function readDeckBytes(path: string): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not hang before fstat can refuse it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw fileError(error, path);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw folderError(path);
    if (!stats.isFile()) {
      throw new DeckError(path, undefined, 'is not a regular file (a FIFO, socket or device)', {
        hint: 'save the deck to a file and pass that',
      });
    }
    if (stats.size > MAX_DECK_BYTES) throw deckTooLargeError(path);
    return readFileSync(fd);
  } catch (error) {
    throw fileError(error, path);
  } finally {
    closeSync(fd);
  }
}

/** UTF-8 (a BOM is dropped) or UTF-16 with a BOM. */
export function decodeDeckText(bytes: Buffer, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), false, path);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), true, path);

  const nul = bytes.indexOf(0);
  if (nul !== -1) throw binaryError(path, lineAt(bytes, nul));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const column = bad - bytes.lastIndexOf(0x0a, bad - 1);
    throw new DeckError(path, lineAt(bytes, bad), `is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16)} at column ${column})`, {
      hint: 'save the deck as UTF-8 text',
    });
  }
}

function decodeUtf16(bytes: Buffer, bigEndian: boolean, path: string): string {
  if (bytes.length % 2 !== 0)
    throw new DeckError(path, undefined, 'is not valid UTF-16 (odd number of bytes)', { hint: 'save the deck as UTF-8 text' });
  const copy = Buffer.from(bytes);
  if (bigEndian) copy.swap16();
  const text = copy.toString('utf16le');
  const nul = text.indexOf('\0');
  if (nul !== -1) throw binaryError(path, countNewlines(text, nul) + 1);
  return text;
}

function binaryError(path: string, line: number): DeckError {
  return new DeckError(path, line, 'contains NUL bytes: this looks like a binary file, not a Markdown deck', {
    hint: 'decks are Markdown text files in UTF-8',
  });
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included). */
function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const second = bytes[i + 1];
    const [low, high] =
      lead === 0xe0
        ? [0xa0, 0xbf]
        : lead === 0xed
          ? [0x80, 0x9f]
          : lead === 0xf0
            ? [0x90, 0xbf]
            : lead === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return i;
}
