// Reviews given as objects (a sync folder's merged logs, tests) as the columns
// the passes over every review read: one group per distinct question id, deck
// and question text, in order of first review.
import type { ReviewColumns, ReviewFacts } from '../model/review.js';

export function reviewColumns(reviews: readonly ReviewFacts[]): ReviewColumns {
  const columns = {
    groupIds: [] as string[],
    groupDecks: [] as string[],
    groupQuestions: [] as string[],
    group: new Uint32Array(reviews.length),
    rating: new Uint8Array(reviews.length),
    time: new Float64Array(reviews.length),
  };
  const groupOf = new Map<string, number>();
  reviews.forEach((review, i) => {
    const key = JSON.stringify([review.questionId, review.deck, review.question]);
    let group = groupOf.get(key);
    if (group === undefined) {
      group = columns.groupIds.length;
      groupOf.set(key, group);
      columns.groupIds.push(review.questionId);
      columns.groupDecks.push(review.deck);
      columns.groupQuestions.push(review.question);
    }
    columns.group[i] = group;
    columns.rating[i] = review.rating;
    columns.time[i] = review.at ?? Date.parse(review.reviewedAt);
  });
  return columns;
}
