// The usual review line, read without JSON.parse. Nearly every line of a log
// is a review exactly as kfq writes it: the same fields in the same order.
// One regular expression both checks such a line (it matches only valid JSON
// that is a valid review) and finds the fields the snapshot keeps; any other
// line (the header, an undo, a line edited by hand or damaged) is left to
// JSON.parse. Most such lines hold no escapes in the fields that key them:
// those are only tested in place in their chunk of the log (UsualLines), and
// their fields found by offset, so that no string is made of a line unless
// it is kept. Why: JSON.parse builds a whole record per line, and a first run
// reads a million lines.
import type { Review } from '../model/review.js';
import { grown } from './typedArrays.js';

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

/** A JSON string's contents without escapes: then they are the text itself, and the string ends at the next quote. */
const PLAIN = String.raw`[^"\\\u0000-\u001f]`;
/** Any JSON string (STRING*, unrolled so that a run of plain characters is one step). */
const ANY_TEXT = String.raw`"${PLAIN}*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})${PLAIN}*)*"`;

/**
 * The usual line of all, tested in place in a chunk of the log from a line's
 * start (sticky, no captures: nothing is made of a line but what is kept): a
 * line KFQ_REVIEW matches whose fields up to reviewedAt hold no escapes, so
 * each ends at its next quote.
 */
const USUAL_REVIEW = new RegExp(
  String.raw`\{(?:"id":"${PLAIN}+",)?"questionId":"${PLAIN}+","deck":"${PLAIN}*","number":${INTEGER},"question":"${PLAIN}*",` +
    String.raw`"rating":[1-4],"reviewedAt":"${PLAIN}*","durationMs":${NON_NEGATIVE},"answer":${ANY_TEXT},"mode":"(?:drill|mock)"\}(?=\n|$)`,
  'y',
);

/** Offsets kept per usual line: its start, where its group text starts, where questionId and deck end, where question starts and ends. */
const OFFSETS = 6;

/**
 * The usual review lines of a chunk of the log (see USUAL_REVIEW) whose time
 * is written as toISOString writes it: where their fields are, as offsets in
 * the chunk's text, and their times. A field is made a string only when asked for.
 */
export class UsualLines {
  count = 0;
  private offsets = new Int32Array(OFFSETS * 1024);
  private times = new Float64Array(1024);

  constructor(readonly text: string) {}

  /** Adds the line starting at `start` if it is a usual line: where it ends (its newline, or the end of the text), or -1 when it is not one. */
  add(start: number): number {
    const text = this.text;
    USUAL_REVIEW.lastIndex = start;
    if (!USUAL_REVIEW.test(text)) return -1;
    const end = USUAL_REVIEW.lastIndex;
    // '{"id":"' or '{"questionId":"'; each field's end is its closing quote.
    const groupStart = text.charCodeAt(start + 2) === 0x69 /* i */ ? text.indexOf('"', start + 7) + 2 : start + 1;
    const questionIdEnd = text.indexOf('"', groupStart + '"questionId":"'.length);
    const deckEnd = text.indexOf('"', questionIdEnd + '","deck":"'.length);
    const questionStart = text.indexOf(',', deckEnd + '","number":'.length) + ',"question":"'.length;
    const questionEnd = text.indexOf('"', questionStart);
    const timeStart = questionEnd + TIME_AFTER_QUESTION;
    const time = exactIsoTime(text, timeStart, text.indexOf('"', timeStart));
    if (Number.isNaN(time)) return -1;
    const k = this.count++;
    if (k === this.times.length) {
      this.times = grown(this.times, new Float64Array(2 * k));
      this.offsets = grown(this.offsets, new Int32Array(2 * OFFSETS * k));
    }
    const at = OFFSETS * k;
    this.offsets[at] = start;
    this.offsets[at + 1] = groupStart;
    this.offsets[at + 2] = questionIdEnd;
    this.offsets[at + 3] = deckEnd;
    this.offsets[at + 4] = questionStart;
    this.offsets[at + 5] = questionEnd;
    this.times[k] = time;
    return end;
  }

  time(k: number): number {
    return this.times[k]!;
  }

  /** Where line k's id ends; equal to idStart when it has none. */
  idEnd(k: number): number {
    const groupStart = this.offsets[OFFSETS * k + 1]!;
    return this.hasId(k) ? groupStart - '",'.length : this.idStart(k);
  }

  idStart(k: number): number {
    return this.offsets[OFFSETS * k]! + '{"id":"'.length;
  }

  id(k: number): string | undefined {
    return this.hasId(k) ? this.text.slice(this.idStart(k), this.idEnd(k)) : undefined;
  }

  private hasId(k: number): boolean {
    return this.offsets[OFFSETS * k + 1]! !== this.offsets[OFFSETS * k]! + 1;
  }

  /** Where line k's group text (see ReviewKeyFields) starts and ends. */
  groupStart(k: number): number {
    return this.offsets[OFFSETS * k + 1]!;
  }

  groupEnd(k: number): number {
    return this.offsets[OFFSETS * k + 5]! + 1;
  }

  /**
   * Line k's question id, deck and question. From `groupCopy`, a copy of its
   * group text, when given: pieces of that keep nothing of the chunk.
   */
  questionId(k: number, groupCopy?: string): string {
    return this.piece(k, this.offsets[OFFSETS * k + 1]! + '"questionId":"'.length, this.offsets[OFFSETS * k + 2]!, groupCopy);
  }

  deck(k: number, groupCopy?: string): string {
    return this.piece(k, this.offsets[OFFSETS * k + 2]! + '","deck":"'.length, this.offsets[OFFSETS * k + 3]!, groupCopy);
  }

  question(k: number, groupCopy?: string): string {
    return this.piece(k, this.offsets[OFFSETS * k + 4]!, this.offsets[OFFSETS * k + 5]!, groupCopy);
  }

  private piece(k: number, start: number, end: number, groupCopy: string | undefined): string {
    if (groupCopy === undefined) return this.text.slice(start, end);
    const groupStart = this.offsets[OFFSETS * k + 1]!;
    return groupCopy.slice(start - groupStart, end - groupStart);
  }

  /** Line k's number: INTEGER's digits, at most 15, so the sum is exact. */
  number(k: number): number {
    const text = this.text;
    let at = this.offsets[OFFSETS * k + 3]! + '","number":'.length;
    const end = this.offsets[OFFSETS * k + 4]! - ',"question":"'.length;
    const negative = text.charCodeAt(at) === 0x2d; /* - */
    if (negative) at++;
    const value = digits(text, at, end - at);
    return negative ? -value : value;
  }

  rating(k: number): ReviewKeyFields['rating'] {
    return (this.text.charCodeAt(this.offsets[OFFSETS * k + 5]! + '","rating":'.length) - 48) as ReviewKeyFields['rating'];
  }

  /** Line k's reviewedAt, as written (the ISO form of its time). */
  reviewedAt(k: number): string {
    const start = this.offsets[OFFSETS * k + 5]! + TIME_AFTER_QUESTION;
    return this.text.slice(start, start + ISO_LENGTH);
  }
}

/** From the quote that closes question to reviewedAt's first character: '","rating":N,"reviewedAt":"'. */
const TIME_AFTER_QUESTION = '","rating":1,"reviewedAt":"'.length;

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
const ISO_LENGTH = 'YYYY-MM-DDTHH:MM:SS.mmmZ'.length;
let lastDay = '';
let lastDayStart = NaN;

/**
 * Date.parse(text), quicker for the form toISOString writes: the day is
 * parsed once for all the reviews of that day, the time of day from its digits.
 */
export function isoTime(text: string): number {
  const time = exactIsoTime(text, 0, text.length);
  return Number.isNaN(time) ? Date.parse(text) : time;
}

/**
 * The time `text` writes from `start` to `end` when that is exactly what
 * toISOString writes (then it is what Date.parse gives); NaN for any other text.
 */
export function exactIsoTime(text: string, start: number, end: number): number {
  if (end - start !== ISO_LENGTH || text.charCodeAt(start + 23) !== 0x5a /* Z */) return NaN;
  if (lastDay === '' || !text.startsWith(lastDay, start)) {
    const day = text.slice(start, start + DAY_PREFIX);
    lastDay = day;
    const dayStart = Date.parse(`${day}00:00:00.000Z`);
    // Only a day that exists: Date.parse may read "02-30" as a day in March.
    lastDayStart = !Number.isNaN(dayStart) && new Date(dayStart).toISOString().startsWith(day) ? dayStart : NaN;
  }
  const hours = digits(text, start + 11, 2);
  const minutes = digits(text, start + 14, 2);
  const seconds = digits(text, start + 17, 2);
  const millis = digits(text, start + 20, 3);
  if (
    Number.isNaN(lastDayStart) ||
    text.charCodeAt(start + 13) !== 0x3a /* : */ ||
    text.charCodeAt(start + 16) !== 0x3a ||
    text.charCodeAt(start + 19) !== 0x2e /* . */ ||
    !(hours >= 0 && hours < 24 && minutes >= 0 && minutes < 60 && seconds >= 0 && seconds < 60 && millis >= 0)
  )
    return NaN;
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
