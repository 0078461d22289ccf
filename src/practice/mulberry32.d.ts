/** A generator of numbers in [0, 1), the same sequence for the same seed. */
export declare function mulberry32(seed: number): () => number;
