import { expect } from 'vitest';
import { DeckError } from '../../src/errors.js';

/** The DeckError that `run` throws (fails the test if it throws anything else or nothing). */
export function deckError(run: () => unknown): DeckError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DeckError);
    return error as DeckError;
  }
  throw new Error('expected a DeckError, but nothing was thrown');
}
