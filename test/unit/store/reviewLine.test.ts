import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewOf, type Review } from '../../../src/model/review.js';
import { isoTime, quickReview, type ReviewKeyFields } from '../../../src/store/reviewLine.js';
import { parseLogKeys, parseLogLines, type LogKeys, type LogLines } from '../../../src/store/reviewLog.js';

/** Text as people and decks write it: quotes, backslashes, control characters, accents, emoji, lone surrogates. */
const text = fc.string({
  unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\u0000', '\u001f', '\u007f', 'é', '😀', '\ud800', '\u2028'),
});
const time = fc.date({ min: new Date('1999-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

/** Text JSON.stringify writes without escapes, as most questions are. */
const plainText = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '/', '\u007f', 'é', '😀', '\u2028', ',', ':', '{') });

/** A review as drill and mock write it (reviewOf: its fields in kfq's order), with or without an id. */
const kfqReview = reviewWith(text, text);
/** Its keying fields plain, its answer any text: the usual line (see UsualLines). */
const plainReview = reviewWith(plainText, text);

function reviewWith(text: fc.Arbitrary<string>, answerText: fc.Arbitrary<string>): fc.Arbitrary<Review> {
  return fc
    .record({
      questionId: text.filter((id) => id !== ''),
      deck: text,
      number: fc.integer({ min: -5, max: 10 ** 9 }),
      question: text,
      rating: fc.constantFrom(1, 2, 3, 4 as const),
      at: time,
      durationMs: fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e6, noNaN: true })),
      answer: answerText,
      mode: fc.constantFrom('drill' as const, 'mock' as const),
      id: fc.option(
        text.filter((id) => id !== ''),
        { nil: undefined },
      ),
    })
    .map(({ questionId, deck, number, question, rating, at, durationMs, answer, mode, id }) => {
      const review: Review = reviewOf({ id: questionId, deck, number, question }, rating, at, { durationMs, answer, mode });
      if (id === undefined) delete review.id;
      else review.id = id;
      return review;
    });
}

/** A line of a log: a review as kfq writes it, or the same line changed by hand or cut by a crash. */
const logLine = fc.oneof(
  kfqReview.map((review) => JSON.stringify(review)),
  plainReview.map((review) => JSON.stringify(review)),
  fc.tuple(kfqReview, fc.nat(), fc.nat(), fc.string({ maxLength: 3 })).map(([review, at, length, inserted]) => {
    const line = JSON.stringify(review);
    const from = at % (line.length + 1);
    return line.slice(0, from) + inserted + line.slice(from + (length % 4));
  }),
  fc.constantFrom(
    '{"kfq":"review-log","version":1}',
    '{"undo":"2025-01-01T00:00:00.000Z","questionId":"d/1","id":"x"}',
    '  {"questionId":"d/1","deck":"d","number":1,"question":"Q","rating":3,"reviewedAt":"2025-01-01T00:00:00.000Z","durationMs":1,"answer":"","mode":"drill"} ',
    '{"questionId":"d/1","deck":"d","number":1.0,"question":"Q","rating":3,"reviewedAt":"2025-01-01T00:00:00.000Z","durationMs":1,"answer":"","mode":"drill"}',
    '{"questionId":"d/1","deck":"d","number":1,"question":"Q","rating":3,"reviewedAt":"2025-02-30T00:00:00.000Z","durationMs":1e3,"answer":"","mode":"drill"}',
    '{"questionId":"d/1","deck":"d","number":1,"question":"Q","rating":3,"reviewedAt":"2025-01-01T00:00:00.000Z","durationMs":0.5,"answer":"","mode":"drill"}',
    '{"id":"","questionId":"d/1","deck":"d","number":1,"question":"Q","rating":3,"reviewedAt":"2025-01-01T00:00:00.000Z","durationMs":1,"answer":"","mode":"drill"}',
    '{"questionId":"d/1","deck":"d","number":1,"question":"Q","rating":3,"reviewedAt":"2025-01-01T24:00:00.000Z","durationMs":1,"answer":"","mode":"drill"}',
  ),
);

/** What parseLogKeys found, as parseLogLines gives it: each usual line's fields read from where they are. */
function asLogLines({ usual, order, others, otherTimes, undone, problems, newlines }: LogKeys): LogLines<ReviewKeyFields> {
  const reviews = order.map((k): ReviewKeyFields => {
    if (k < 0) return others[-1 - k]!;
    const id = usual.id(k);
    return {
      ...(id === undefined ? {} : { id }),
      questionId: usual.questionId(k),
      deck: usual.deck(k),
      number: usual.number(k),
      question: usual.question(k),
      rating: usual.rating(k),
      reviewedAt: usual.reviewedAt(k),
    };
  });
  const times = order.map((k) => (k < 0 ? otherTimes[-1 - k]! : usual.time(k)));
  return { reviews, times, undone, problems, newlines };
}

/** What the snapshot reads of each review: the fields that key it. */
function keyFields(lines: LogLines<ReviewKeyFields>): unknown {
  return {
    ...lines,
    reviews: lines.reviews.map(({ id, questionId, deck, number, question, rating, reviewedAt }) => ({
      id,
      questionId,
      deck,
      number,
      question,
      rating,
      reviewedAt,
    })),
  };
}

describe('reading the usual review line quickly', () => {
  it('reads each field of a review kfq wrote exactly as JSON.parse does, and its time as Date.parse does', () => {
    fc.assert(
      fc.property(kfqReview, (review) => {
        const found = quickReview(JSON.stringify(review));
        expect(found).toBeDefined();
        const { id, questionId, deck, number, question, rating, reviewedAt } = review;
        const { groupText, ...fields } = found!.review;
        expect(fields).toEqual({ id, questionId, deck, number, question, rating, reviewedAt });
        // The text that keys the group: the line from questionId to question, as written.
        const line = JSON.stringify(review);
        expect(groupText).toBe(line.slice(line.indexOf('"questionId"'), line.indexOf(',"rating"')));
        expect(found!.time).toBe(Date.parse(reviewedAt));
      }),
    );
  });

  it('gives for any lines what reading each with JSON.parse gives: the same reviews, times, undo keys and damaged lines', () => {
    fc.assert(
      fc.property(fc.array(logLine, { maxLength: 12 }), fc.boolean(), (lines, endsWithNewline) => {
        const text = lines.join('\n') + (endsWithNewline ? '\n' : '');
        expect(keyFields(asLogLines(parseLogKeys(text, 'log', 3)))).toEqual(keyFields(parseLogLines(text, 'log', 3)));
      }),
    );
  });

  it('parses a time as Date.parse does, whatever the text', () => {
    const digits = (length: number): fc.Arbitrary<string> =>
      fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '9'), minLength: length, maxLength: length });
    const isoLike = fc
      .tuple(digits(4), digits(2), digits(2), digits(2), digits(2), digits(2), digits(3), fc.constantFrom('Z', 'z', '+'))
      .map(([y, mo, d, h, mi, s, ms, zone]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}${zone}`);
    fc.assert(
      fc.property(
        fc.oneof(
          isoLike,
          time.map((date) => date.toISOString()),
          fc.string({ maxLength: 26 }),
        ),
        (written) => {
          expect(isoTime(written)).toBe(Date.parse(written));
        },
      ),
    );
    for (const written of [
      '2025-02-29T00:00:00.000Z',
      '2024-02-29T23:59:59.999Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T24:30:00.000Z',
      '2025-06-30T23:59:60.000Z',
    ])
      expect(isoTime(written)).toBe(Date.parse(written));
  });
});
