// Types for test/support/generate.js, for the TypeScript tests and benchmark scripts that use it.
export interface PlantedQuestion {
  question: string;
  answer: string;
  queries: string[];
}

export const PLANTED: PlantedQuestion[];
export const COMMON_QUERIES: string[];

export function generateDeck(options: { count: number; seed?: number; title?: string }): {
  text: string;
  questions: { number: number; question: string }[];
  planted: { number: number; question: string; queries: string[] }[];
};

export function writeReviewLog(
  file: string,
  options: { deck: string; questions: { number: number; question: string }[]; count: number; seed?: number; end?: Date; days?: number },
): { reviews: number; undos: number; damaged: number; bytes: number };
