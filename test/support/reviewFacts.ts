// The reviews a history's columns hold, as objects again: what tests compare with the log read line by line.
import type { ReviewColumns, ReviewRating } from '../../src/model/review.js';

export interface ColumnFacts {
  questionId: string;
  deck: string;
  question: string;
  rating: ReviewRating;
  at: number;
}

export function reviewFacts(columns: ReviewColumns): ColumnFacts[] {
  return Array.from(columns.group, (group, i) => ({
    questionId: columns.groupIds[group]!,
    deck: columns.groupDecks[group]!,
    question: columns.groupQuestions[group]!,
    rating: columns.rating[i]! as ReviewRating,
    at: columns.time[i]!,
  }));
}
