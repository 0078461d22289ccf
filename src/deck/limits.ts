// Bounds that keep a hostile or accidental input (a log file, a generated
// monster, a nesting bomb) from hanging kfq or exhausting memory. Real decks
// are far below all of them: the seed is 30 KB; 100,000 questions are ~12 MB.
import { DeckError } from '../errors.js';

/** Largest deck file kfq reads, in bytes (and characters, for parseDeck). */
export const MAX_DECK_BYTES = 32 * 1024 * 1024;

export function deckTooLargeError(file: string): DeckError {
  return new DeckError(file, undefined, `deck is larger than ${MAX_DECK_BYTES / 1024 / 1024} MB`, {
    hint: 'split it into several decks in one folder',
  });
}

/** Largest front matter block, in characters (gray-matter scans it in quadratic time). */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

/** YAML aliases allowed in front matter (a "billion laughs" bomb needs many). */
export const MAX_YAML_ALIASES = 16;

/** Deepest nesting of lists and block quotes; marked slows down sharply beyond it. */
export const MAX_NESTING = 64;

/**
 * CPU-time budget for reading the Markdown of one deck: a base plus an
 * allowance per MB, several times what a large real deck needs (a 12 MB deck
 * takes ~1.2 s). CPU time, so a busy machine does not make a deck fail.
 */
export const LEX_BUDGET_BASE_MS = 3_000;
export const LEX_BUDGET_MS_PER_MB = 250;

/** A Markdown piece longer than this is cut at the next blank line before a new block. */
export const SOFT_PIECE_CHARS = 16 * 1024;

/** A Markdown piece longer than this is cut at the next line (outside code fences). */
export const HARD_PIECE_CHARS = 64 * 1024;
