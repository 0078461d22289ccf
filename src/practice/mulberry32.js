// mulberry32, a tiny seeded PRNG, in plain JavaScript so the benchmark's deck
// generator (test/support/generate.js, run by node without a build) and kfq share it.

/** A generator of numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
