// The usual review line, read without JSON.parse. Nearly every line of a log
// is a review exactly as kfq writes it: the same fields in the same order.
// One regular expression both checks such a line (it matches only valid JSON
// that is a valid review) and finds the fields the snapshot keeps; any other
// line (the header, an undo, a line edited by hand or damaged) is left to
// JSON.parse. Why: JSON.parse builds a whole record per line, and a first run
// reads a million lines.
import type { Review } from '../model/review.js';

/** What the review-log snapshot keeps of a review. */
export type ReviewKeyFields = Pick<Review, 'id' | 'questionId' | 'deck' | 'number' | 'question' | 'rating' | 'reviewedAt'> & {
  /** The line's text from questionId to question as written: two lines with the same text here have the same group. */
  groupText?: string;
};

/** A JSON string's contents: any character but a quote, a backslash or a control character, or an escape. */
const STRING = String.raw`(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))`;
const TEXT = `"(${STRING}*)"`;
const NON_EMPTY_TEXT = `"(${STRING}+)"`;
/** Integers short enough to be exact; other numbers go to JSON.parse. */
const INTEGER = String.raw`-?(?:0|[1-9]\d{0,14})`;
const NON_NEGATIVE = String.raw`(?:0|[1-9]\d{0,14})(?:\.\d{1,6})?`;

const KFQ_REVIEW = new RegExp(
  String.raw`^\{(?:"id":${NON_EMPTY_TEXT},)?("questionId":${NON_EMPTY_TEXT},"deck":${TEXT},"number":(${INTEGER}),"question":${TEXT}),` +
    String.raw`"rating":([1-4]),"reviewedAt":${TEXT},"durationMs":${NON_NEGATIVE},"answer":"${STRING}*","mode":"(?:drill|mock)"\}$`,
);

/** A line kfq wrote as a review: its fields and time (epoch milliseconds); undefined for any other line. */
export function quickReview(line: string): { review: ReviewKeyFields; time: number } | undefined {
  const match = KFQ_REVIEW.exec(line);
  if (match === null) return undefined;
  const reviewedAt = unescaped(match[8]!);
  const time = isoTime(reviewedAt);
  if (Number.isNaN(time)) return undefined;
  const review: ReviewKeyFields = {
    questionId: unescaped(match[3]!),
    deck: unescaped(match[4]!),
    number: Number(match[5]),
    question: unescaped(match[6]!),
    rating: (match[7]!.charCodeAt(0) - 48) as ReviewKeyFields['rating'],
    reviewedAt,
    groupText: match[2]!,
  };
  if (match[1] !== undefined) review.id = unescaped(match[1]);
  return { review, time };
}

/** A JSON string's value from its contents, which the expression has checked. */
function unescaped(contents: string): string {
  return contents.includes('\\') ? (JSON.parse(`"${contents}"`) as string) : contents;
}

const DAY_PREFIX = 'YYYY-MM-DDT'.length;
let lastDay = '';
let lastDayStart = NaN;

/**
 * Date.parse(text), quicker for the form toISOString writes: the day is
 * parsed once for all the reviews of that day, the time of day from its digits.
 */
export function isoTime(text: string): number {
  if (text.length !== 'YYYY-MM-DDTHH:MM:SS.mmmZ'.length || text[23] !== 'Z') return Date.parse(text);
  const day = text.slice(0, DAY_PREFIX);
  if (day !== lastDay) {
    lastDay = day;
    const start = Date.parse(`${day}00:00:00.000Z`);
    // Only a day that exists: Date.parse may read "02-30" as a day in March.
    lastDayStart = !Number.isNaN(start) && new Date(start).toISOString().startsWith(day) ? start : NaN;
  }
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  const seconds = digits(text, 17, 2);
  const millis = digits(text, 20, 3);
  if (
    Number.isNaN(lastDayStart) ||
    text[13] !== ':' ||
    text[16] !== ':' ||
    text[19] !== '.' ||
    !(hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60 && seconds >= 0 && seconds < 60 && millis >= 0)
  )
    return Date.parse(text);
  return lastDayStart + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** The number the `length` decimal digits at `from` spell, or -1 when they are not all digits. */
export function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
