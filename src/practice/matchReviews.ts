// Which question each logged review belongs to. Reviews carry the question's id
// and its text as they were when answered. For a deck kfq has followed through
// its changes (deckIdentity.ts), that name says which question it was; for
// names it never saw (reviews from before it followed the deck), the text
// decides where it can, then the id.
import type { Question } from '../model/question.js';
import type { Review, ReviewGroups } from '../model/review.js';
import { nameKey } from './deckIdentity.js';

/** Per deck slug: old names (id and text) of its questions and where their reviews belong now (null: removed). */
const followedDecks = new Map<string, Map<string, string | null>>();

/** Tells every matcher made from now on where the reviews logged under a deck's old names belong. */
export function followPastNames(deck: string, names: Map<string, string | null>): void {
  followedDecks.set(deck, names);
  matchers = new WeakMap();
}

/**
 * Reviews grouped by the id of the question they belong to now, oldest first.
 * A review of a question that is gone (deck removed, question deleted) is left out.
 */
export function reviewsByQuestion(questions: readonly Question[], reviews: Iterable<Review>): Map<string, Review[]> {
  const match = questionMatcher(questions);
  const grouped = new Map<string, Review[]>();
  for (const review of reviews) {
    const question = match(review);
    if (!question) continue;
    const list = grouped.get(question.id);
    if (list) list.push(review);
    else grouped.set(question.id, [review]);
  }
  for (const [id, list] of grouped) grouped.set(id, oldestFirst(list));
  return grouped;
}

/** The reviews sorted by time (a stable sort: equal times keep their order), each date parsed once, not once per comparison. */
function oldestFirst(reviews: Review[]): Review[] {
  const times = reviews.map((review) => Date.parse(review.reviewedAt));
  if (times.every((time, i) => i === 0 || time >= times[i - 1]!)) return reviews;
  return times
    .map((time, i) => ({ time, i }))
    .sort((a, b) => a.time - b.time || a.i - b.i)
    .map(({ i }) => reviews[i]!);
}

type Matcher = (review: Pick<Review, 'questionId' | 'deck' | 'question'>) => Question | undefined;

/** The position in the list of the question a review belongs to now, or -1 when it is gone. */
type PositionMatcher = (review: Pick<Review, 'questionId' | 'deck' | 'question'>) => number;

// One matcher per list of questions (lists are not changed once loaded):
// `kfq stats` matches a million reviews in two places, and building the maps
// for 100,000 questions takes a fifth of a second.
let matchers = new WeakMap<readonly Question[], PositionMatcher>();

/** Per matcher (a new one once past names change), per table of groups: the positions found so far (a table only grows). */
const positionsFound = new WeakMap<PositionMatcher, WeakMap<readonly string[], Int32Array>>();

/**
 * The position in `questions` of the question each group's reviews belong to
 * now, -1 when it is gone. Found once per table of groups and list of
 * questions: card states and stats both ask, for a hundred thousand groups.
 */
export function groupPositions(questions: readonly Question[], groups: ReviewGroups): Int32Array {
  const match = positionMatcher(questions);
  let byTable = positionsFound.get(match);
  if (!byTable) positionsFound.set(match, (byTable = new WeakMap()));
  const known = byTable.get(groups.groupIds);
  const count = groups.groupIds.length;
  if (known?.length === count) return known;
  const positions = new Int32Array(count);
  const from = known?.length ?? 0;
  if (known) positions.set(known);
  for (let group = from; group < count; group++) {
    positions[group] = match({
      questionId: groups.groupIds[group]!,
      deck: groups.groupDecks[group]!,
      question: groups.groupQuestions[group]!,
    });
  }
  byTable.set(groups.groupIds, positions);
  return positions;
}

/** The question a review belongs to now, or undefined when it is gone. */
export function questionMatcher(questions: readonly Question[]): Matcher {
  const match = positionMatcher(questions);
  return (review) => {
    const position = match(review);
    return position < 0 ? undefined : questions[position];
  };
}

function positionMatcher(questions: readonly Question[]): PositionMatcher {
  let matcher = matchers.get(questions);
  if (!matcher) {
    matcher = newMatcher(questions);
    matchers.set(questions, matcher);
  }
  return matcher;
}

function newMatcher(questions: readonly Question[]): PositionMatcher {
  const byId = new Map<string, number>();
  questions.forEach((question, position) => byId.set(question.id, position));
  // Made on first need: while every review's id still has its text, it never is.
  let byText: Map<string, number> | undefined;
  const textIndex = (): Map<string, number> => {
    if (!byText) {
      byText = new Map();
      questions.forEach((question, position) => {
        const key = textKey(question.deck, question.question);
        if (!byText!.has(key)) byText!.set(key, position);
      });
    }
    return byText;
  };
  return (review) => {
    const names = followedDecks.get(review.deck);
    if (names !== undefined && names.size > 0) {
      const now = names.get(nameKey(review.questionId, review.question));
      if (now !== undefined) return now === null ? -1 : (byId.get(now) ?? -1);
    }
    const sameId = byId.get(review.questionId);
    if (sameId !== undefined && questions[sameId]!.question === review.question) return sameId;
    // Renumbered: the text now lives under another id. Otherwise the text was edited in place.
    return textIndex().get(textKey(review.deck, review.question)) ?? sameId ?? -1;
  };
}

function textKey(deck: string, text: string): string {
  return `${deck}\u0000${text}`;
}
