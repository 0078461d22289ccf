// Reproducible randomness for --seed: a tiny PRNG (mulberry32) and a shuffle
// that takes it, so the same seed always gives the same order.
import { mulberry32 } from './mulberry32.js';

/** A generator of numbers in [0, 1), the same sequence for the same seed. */
export const seededRandom: (seed: number) => () => number = mulberry32;

/** A shuffled copy (Fisher–Yates); the input is left as it is. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
