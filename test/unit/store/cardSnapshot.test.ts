import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StorageError } from '../../../src/errors.js';
import type { Question } from '../../../src/model/question.js';
import type { CardReplay, Review } from '../../../src/model/review.js';
import { FSRS_REPLAY } from '../../../src/practice/cardReplay.js';
import { reviewsByQuestion } from '../../../src/practice/matchReviews.js';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  gradeCard,
  schedulerSignature,
  useSchedulerSettings,
  type CardState,
} from '../../../src/practice/scheduler.js';
import { cacheName, readCache, writeCache } from '../../../src/store/cacheFile.js';
import { openReviewHistory, readReviewHistory, type ReviewHistory } from '../../../src/store/cardSnapshot.js';
import { readSegmentsFromBack, type LogPart } from '../../../src/store/logSegments.js';
import type { PartReader } from '../../../src/store/logPartReader.js';
import { reviewFacts } from '../../support/reviewFacts.js';
import { readReviewLog } from '../../../src/store/reviewLog.js';

const temp = mkdtempSync(join(tmpdir(), 'kfq-snapshot-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * The other reader of a long stretch, on this thread: the stretch is cut at
 * the fractions given; it reads the segments from the back down to `meet`,
 * and stops (reads no more) at `stopAt` as a worker that fails does.
 */
function inThreadReader(fractions: number[], meet: number, stopAt = -1): PartReader<LogPart> {
  return {
    cuts: (from, to) => fractions.map((fraction) => from + Math.floor(fraction * (to - from))),
    start: (stretch) => ({
      claim: (segment) => segment < meet,
      parts: (first) => {
        const parts: Array<LogPart | undefined> = Array.from({ length: stretch.bounds.length - 1 - first });
        readSegmentsFromBack(
          stretch,
          (segment) => segment >= first && segment !== stopAt,
          (segment, part) => {
            parts[segment - first] = part;
          },
        );
        return parts;
      },
    }),
  };
}

const questions: Question[] = [
  ...['What is Katib?', 'What is KServe?', 'What is Istio?', 'What is a pipeline?'].map((question) => ['deck', question]),
  // A second deck, one of its questions worded as one of the first deck's.
  ...['What is Katib?', 'What is Argo?'].map((question) => ['other', question]),
].map(([deck, question], i) => ({
  id: `${deck}/${i < 4 ? i + 1 : i - 3}`,
  number: i < 4 ? i + 1 : i - 3,
  category: 'Basics',
  question: question!,
  prompt: question!,
  answer: '- An answer.',
  line: 3 * i + 1,
  deck: deck!,
}));

const HEADER = JSON.stringify({ kfq: 'review-log', version: 1 });
const START = Date.parse('2025-01-01T08:00:00.000Z');

/**
 * One log line. Reviews of current questions of two decks, of questions since
 * renumbered (their text is now under another id), of deleted questions, with
 * times that go back and repeat, with and without review ids; undo records
 * (by id, and by question and time as older kfq wrote them) of real and
 * unknown reviews; damaged lines; a time only a person writes.
 */
const line = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      target: fc.integer({ min: 0, max: 7 }),
      rating: fc.constantFrom(1, 2, 3, 4),
      minutes: fc.integer({ min: 0, max: 60 * 24 * 60 }),
      handWritten: fc.boolean(),
      withId: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ undo: fc.integer({ min: 0, max: 40 }) }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"questionId": "cut',
      'not json',
      '',
      '{"questionId":"deck/1"}',
      HEADER,
      // February has no 30th: a valid date all the same, which toISOString writes as 2 March.
      JSON.stringify({ ...reviewFields('deck/3', 'What is Istio?'), rating: 2, reviewedAt: '2025-02-30T08:00:00.000Z' }),
      // A line copied by hand: two reviews with one id, and an undo that names it.
      JSON.stringify({ id: 'copied', ...reviewFields('deck/2', 'What is KServe?'), rating: 1, reviewedAt: '2025-01-03T08:00:00.000Z' }),
      JSON.stringify({ undo: '2025-01-03T08:00:00.000Z', questionId: 'deck/2', id: 'copied' }),
    ),
  },
);

function reviewFields(questionId: string, question: string): Omit<Review, 'rating' | 'reviewedAt'> {
  return {
    questionId,
    deck: questionId.split('/')[0]!,
    number: Number(questionId.split('/')[1]),
    question,
    durationMs: 1000,
    answer: '',
    mode: 'drill',
  };
}

let reviewIds = 0;
function review(spec: { target: number; rating: number; minutes: number; handWritten: boolean; withId: boolean }): Review {
  const at = new Date(START + spec.minutes * 60_000);
  // 6: renumbered (question 2's text under id 1); 7: a deleted question.
  const [questionId, question] =
    spec.target < 6
      ? [questions[spec.target]!.id, questions[spec.target]!.question]
      : spec.target === 6
        ? ['deck/1', questions[1]!.question]
        : ['deck/9', 'Gone?'];
  const { deck, number, durationMs, answer, mode } = reviewFields(questionId, question);
  // In the order kfq writes a review's fields (reviewOf), so most lines are read without JSON.parse.
  return {
    ...(spec.withId ? { id: `review-${++reviewIds}` } : {}),
    questionId,
    deck,
    number,
    question,
    rating: spec.rating as Review['rating'],
    // A hand-edited time: no milliseconds, still a valid date.
    reviewedAt: spec.handWritten ? at.toISOString().replace('.000Z', 'Z') : at.toISOString(),
    durationMs,
    answer,
    mode,
  };
}

function logLines(specs: unknown[]): string[] {
  const written: Review[] = [];
  return specs.map((spec) => {
    if (typeof spec === 'string') return spec;
    if (typeof spec === 'object' && spec !== null && 'undo' in spec) {
      const target = written[(spec as { undo: number }).undo];
      if (!target) return JSON.stringify({ undo: '2020-01-01T00:00:00.000Z', questionId: 'deck/1' });
      return JSON.stringify({ undo: target.reviewedAt, questionId: target.questionId, ...(target.id ? { id: target.id } : {}) });
    }
    const entry = review(spec as Parameters<typeof review>[0]);
    written.push(entry);
    return JSON.stringify(entry);
  });
}

/** The reference: each question's reviews graded one by one through ts-fsrs (gradeCard), as kfq did before it replayed a history at once. */
function gradedOneByOne(reviews: Review[], retention: number): Map<string, CardState> {
  const states = new Map<string, CardState>();
  for (const [id, list] of reviewsByQuestion(questions, reviews)) {
    let state: CardState | undefined;
    for (const review of list) state = gradeCard(state, review.rating, new Date(review.reviewedAt), retention);
    states.set(id, state!);
  }
  return states;
}

/** What the snapshot must equal: the whole log read and replayed. */
function expectSameAsFullReplay(file: string, history: ReviewHistory<CardState>, retention: number): void {
  const full = readReviewLog(file);
  expect([...history.cardStates(questions, retention)]).toEqual([...gradedOneByOne(full.reviews, retention)]);
  expect(history.problems).toEqual(full.problems);
  expect(history.reviewCount).toBe(full.reviews.length);
  expect(reviewFacts(history.reviews())).toEqual(
    full.reviews.map(({ questionId, deck, question, rating, reviewedAt }) => ({
      questionId,
      deck,
      question,
      rating,
      at: Date.parse(reviewedAt),
    })),
  );
}

let counter = 0;
function paths(): { log: string; cacheDir: string } {
  const dir = mkdtempSync(join(temp, `case-${++counter}-`));
  return { log: join(dir, 'reviews.jsonl'), cacheDir: join(dir, 'cache') };
}

describe('the card-state snapshot', () => {
  afterEach(() => useSchedulerSettings(DEFAULT_SCHEDULER_SETTINGS));

  it('gives what a full replay gives, for a log read whole and for a snapshot plus the lines appended since', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom(0.9, 0.8),
        fc.constantFrom<string[][]>([['1m', '10m'], ['10m']], [[], []], [['1h', '1d'], ['2d']]),
        (specs, cut, endsCut, retention, [learningSteps, relearningSteps]) => {
          useSchedulerSettings({ learningSteps: learningSteps!, relearningSteps: relearningSteps! });
          const { log, cacheDir } = paths();
          const lines = [HEADER, ...logLines(specs)];
          const at = 1 + (cut % lines.length);
          // The snapshot covers the first `at` lines; later runs read the rest.
          writeFileSync(log, `${lines.slice(0, at).join('\n')}\n`);
          expectSameAsFullReplay(log, readReviewHistory(log, cacheDir, FSRS_REPLAY), retention);
          writeFileSync(log, `${lines.join('\n')}${endsCut ? '' : '\n'}`);
          expectSameAsFullReplay(log, readReviewHistory(log, cacheDir, FSRS_REPLAY), retention);
          expectSameAsFullReplay(log, readReviewHistory(log, cacheDir, FSRS_REPLAY), 0.9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives the same when a stretch of the log is cut into segments that another reader reads from the back, wherever it is cut and they meet', () => {
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 40 }),
        fc.nat(),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        fc.nat(5),
        fc.integer({ min: -1, max: 5 }),
        (specs, cut, endsCut, cuts, meet, stopAt) => {
          const { log, cacheDir } = paths();
          const reader = inThreadReader(cuts, meet, stopAt);
          const read = (): ReviewHistory<CardState> => readReviewHistory(log, cacheDir, FSRS_REPLAY, { partReader: reader });
          const lines = [HEADER, ...logLines(specs)];
          const at = 1 + (cut % lines.length);
          writeFileSync(log, `${lines.slice(0, at).join('\n')}\n`);
          expectSameAsFullReplay(log, read(), 0.9);
          writeFileSync(log, `${lines.join('\n')}${endsCut ? '' : '\n'}`);
          expectSameAsFullReplay(log, read(), 0.9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same when the later part of the new cards is replayed elsewhere (another thread), or could not be', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.nat(), fc.boolean(), fc.boolean(), (specs, cut, endsCut, elsewhereFails) => {
        const { log, cacheDir } = paths();
        const replayer: CardReplay<CardState> = {
          ...FSRS_REPLAY,
          replayElsewhere: ({ starts, ratings, times, retention }) => {
            const inOrder = Uint32Array.from(ratings, (_, i) => i);
            const states = Array.from({ length: starts.length - 1 }, (_, k) =>
              FSRS_REPLAY.replay(undefined, inOrder.subarray(starts[k], starts[k + 1]), ratings, times, retention),
            );
            return () => (elsewhereFails ? undefined : FSRS_REPLAY.pack(states));
          },
        };
        const lines = [HEADER, ...logLines(specs)];
        const at = 1 + (cut % lines.length);
        writeFileSync(log, `${lines.slice(0, at).join('\n')}\n`);
        expectSameAsFullReplay(log, readReviewHistory(log, cacheDir, replayer), 0.9);
        writeFileSync(log, `${lines.join('\n')}${endsCut ? '' : '\n'}`);
        expectSameAsFullReplay(log, readReviewHistory(log, cacheDir, replayer), 0.9);
      }),
      { numRuns: 150 },
    );
  });

  it('when an undo read in an earlier run names a review in a segment the other reader read, then that review stays taken back, as a full read has it', () => {
    const { log, cacheDir } = paths();
    const named = { id: 'named-early', ...reviewFields('deck/1', 'What is Katib?'), rating: 1, reviewedAt: '2025-01-02T08:00:00.000Z' };
    const lines = [HEADER, JSON.stringify({ undo: named.reviewedAt, questionId: named.questionId, id: named.id })];
    writeFileSync(log, `${lines.join('\n')}\n`);
    readReviewHistory(log, cacheDir, FSRS_REPLAY);
    const good = { ...named, id: 'kept', rating: 3, reviewedAt: '2025-01-01T08:00:00.000Z' };
    writeFileSync(log, `${[...lines, JSON.stringify(good), JSON.stringify(named)].join('\n')}\n`);
    // Cut after the first new line: the other reader reads the line of the review named.
    const history = readReviewHistory(log, cacheDir, FSRS_REPLAY, { partReader: inThreadReader([0], 1) });
    expect(history.reviewCount).toBe(1);
    expectSameAsFullReplay(log, history, 0.9);
  });

  it('when an undo read in an earlier run names a usual review line read later, by id or as an older kfq did (question and time), on either thread, then that review stays taken back', () => {
    for (const reader of [undefined, inThreadReader([0], 1), inThreadReader([0.5], 0)]) {
      const { log, cacheDir } = paths();
      // In the order kfq writes a review's fields: the usual line, read in place.
      const { deck, number, question, durationMs, answer, mode } = reviewFields('deck/2', 'What is KServe?');
      const reviewedAt = '2025-01-02T08:00:00.000Z';
      const named = { id: 'named-by-time', questionId: 'deck/2', deck, number, question, rating: 1, reviewedAt, durationMs, answer, mode };
      // Of a question no legacy undo names: only its id can tell it is taken back.
      const byId = {
        ...named,
        id: 'named-by-id',
        questionId: 'deck/1',
        number: 1,
        question: 'What is Katib?',
        reviewedAt: '2025-01-03T08:00:00.000Z',
      };
      const lines = [
        HEADER,
        JSON.stringify({ undo: named.reviewedAt, questionId: named.questionId }),
        JSON.stringify({ undo: '', questionId: '', id: byId.id }),
      ];
      writeFileSync(log, `${lines.join('\n')}\n`);
      readReviewHistory(log, cacheDir, FSRS_REPLAY);
      const other = { ...named, id: 'same-question-other-time', rating: 3, reviewedAt: '2025-01-01T08:00:00.000Z' };
      const { id: _id, ...withoutId } = { ...named, rating: 2 };
      const later = [other, named, withoutId, byId].map((review) => JSON.stringify(review));
      writeFileSync(log, `${[...lines, ...later].join('\n')}\n`);
      const history = readReviewHistory(log, cacheDir, FSRS_REPLAY, reader ? { partReader: reader } : {});
      expect(reviewFacts(history.reviews()).map((review) => review.at)).toEqual([Date.parse(other.reviewedAt)]);
      expectSameAsFullReplay(log, history, 0.9);
    }
  });

  it('when a line is longer than a chunk read at once, then it is read whole, as are the lines around it', () => {
    const { log, cacheDir } = paths();
    const specs = [0, 1, 2].map((target) => ({ target, rating: 3, minutes: target, handWritten: false, withId: true }));
    const [before, long, after] = logLines(specs);
    const longAnswer = long!.replace('"answer":""', `"answer":"${'a long answer '.repeat(200_000)}"`);
    writeFileSync(log, `${[HEADER, before, longAnswer, after].join('\n')}\n`);
    const history = readReviewHistory(log, cacheDir, FSRS_REPLAY);
    expect(history.reviewCount).toBe(3);
    expectSameAsFullReplay(log, history, 0.9);
  });

  it('when question numbers are large, negative or shared by several questions, then each review keeps its own question, on either thread', () => {
    const numbers = [1, 4_194_303, 4_194_304, 2 ** 31, 10 ** 15 - 1, -3, 0];
    const reviews = numbers.flatMap((number, n) =>
      ['What is Katib?', 'What is KServe?'].map((question, q) => ({
        questionId: `deck/${number}`,
        deck: 'deck',
        number,
        question,
        rating: 1 + ((n + q) % 4),
        reviewedAt: new Date(START + (2 * n + q) * 60_000).toISOString(),
        durationMs: 1000,
        answer: '',
        mode: 'drill',
      })),
    );
    const lines = [HEADER, ...[...reviews, ...reviews.slice().reverse()].map((review) => JSON.stringify(review))];
    for (const reader of [undefined, inThreadReader([0.3, 0.6], 1)]) {
      const { log, cacheDir } = paths();
      writeFileSync(log, `${lines.join('\n')}\n`);
      const history = readReviewHistory(log, cacheDir, FSRS_REPLAY, reader ? { partReader: reader } : {});
      expect(history.reviewCount).toBe(2 * reviews.length);
      expectSameAsFullReplay(log, history, 0.9);
    }
  });

  it('when the log is replaced by another file after it was opened, then the other reader reads nothing of the new one: the history is that of the file opened', () => {
    const { log, cacheDir } = paths();
    const lines = [
      HEADER,
      ...[1, 2, 3, 4].map((day) =>
        JSON.stringify({ ...reviewFields('deck/1', 'What is Katib?'), rating: 3, reviewedAt: `2025-01-0${day}T08:00:00.000Z` }),
      ),
    ];
    writeFileSync(log, `${lines.join('\n')}\n`);
    const original = `${log}.original`;
    writeFileSync(original, `${lines.join('\n')}\n`);
    const opened = openReviewHistory(log, cacheDir, FSRS_REPLAY, { partReader: inThreadReader([0.5], 1) });
    const replacement = `${log}.new`;
    // Longer than the file opened: the segments cut in that one hold lines of this one.
    const other = (day: number): string =>
      JSON.stringify({ ...reviewFields('deck/2', 'What is KServe?'), rating: 1, reviewedAt: `2025-02-${10 + day}T08:00:00.000Z` });
    writeFileSync(replacement, `${[HEADER, ...Array.from({ length: 12 }, (_, day) => other(day))].join('\n')}\n`);
    renameSync(replacement, log);
    expectSameAsFullReplay(original, opened.read(), 0.9);
  });

  it('when opened, then a log replaced or damaged before it is read is still read as it is then, and an error opening it is thrown by read', () => {
    const { log, cacheDir } = paths();
    writeFileSync(log, `${HEADER}\n`);
    const opened = openReviewHistory(log, cacheDir, FSRS_REPLAY);
    expect(opened.read().reviewCount).toBe(0);
    expect(() => opened.read()).toThrow();
    const folder = join(temp, `folder-${++counter}`);
    mkdirSync(folder);
    const broken = openReviewHistory(folder, cacheDir, FSRS_REPLAY);
    expect(() => broken.read()).toThrow(StorageError);
  });

  it('when undo records after the snapshot name reviews by id, among reviews with and without ids, then exactly those are taken back', () => {
    const { log, cacheDir } = paths();
    const reviews = [1, 2, 3, 4, 5, 6, 7, 8].map((day) => ({
      ...(day % 3 === 0 ? {} : { id: `id-of-day-${day}` }),
      ...reviewFields('deck/1', 'What is Katib?'),
      rating: 3,
      reviewedAt: `2025-01-0${day}T08:00:00.000Z`,
    }));
    const lines = [HEADER, ...reviews.map((review) => JSON.stringify(review))];
    writeFileSync(log, `${lines.join('\n')}\n`);
    // The first read in three segments, the last two read by the other reader: their ids come from its parts.
    readReviewHistory(log, cacheDir, FSRS_REPLAY, { partReader: inThreadReader([0.3, 0.6], 1) });
    const undo = (day: number): string =>
      JSON.stringify({ undo: reviews[day - 1]!.reviewedAt, questionId: 'deck/1', id: `id-of-day-${day}` });
    writeFileSync(log, `${[...lines, undo(5), undo(8), undo(1)].join('\n')}\n`);
    const history = readReviewHistory(log, cacheDir, FSRS_REPLAY);
    expect(history.reviewCount).toBe(5);
    expect(reviewFacts(history.reviews()).map((review) => new Date(review.at).toISOString().slice(8, 10))).toEqual([
      '02',
      '03',
      '04',
      '06',
      '07',
    ]);
    expectSameAsFullReplay(log, history, 0.9);
  });

  it('when two reviews share an id (a line copied by hand) and an undo naming it comes after the snapshot, then both are taken back, as a full read does', () => {
    const { log, cacheDir } = paths();
    const copied = { id: 'copied', ...reviewFields('deck/1', 'What is Katib?'), rating: 1 };
    const lines = [HEADER, ...['2025-01-01', '2025-01-02'].map((day) => JSON.stringify({ ...copied, reviewedAt: `${day}T08:00:00.000Z` }))];
    writeFileSync(log, `${lines.join('\n')}\n`);
    readReviewHistory(log, cacheDir, FSRS_REPLAY);
    writeFileSync(
      log,
      `${[...lines, JSON.stringify({ undo: '2025-01-01T08:00:00.000Z', questionId: 'deck/1', id: 'copied' })].join('\n')}\n`,
    );
    const history = readReviewHistory(log, cacheDir, FSRS_REPLAY);
    expect(history.reviewCount).toBe(0);
    expectSameAsFullReplay(log, history, 0.9);
  });

  /** A log of one review, read once; then its saved snapshot's card states as `change` makes them, in the form it gives. */
  function plantedSnapshot(change: (states: Array<CardState | null>) => unknown): { log: string; cacheDir: string } {
    const { log, cacheDir } = paths();
    writeFileSync(log, `${[HEADER, ...logLines([{ target: 0, rating: 3, minutes: 1, handWritten: false }])].join('\n')}\n`);
    readReviewHistory(log, cacheDir, FSRS_REPLAY);
    const file = join(cacheDir, `reviews-${cacheName(resolve(log))}`);
    const key = JSON.stringify(['reviews', resolve(log), schedulerSignature()]);
    const snapshot = readCache<{ states: Map<number, unknown> }>(file, key)!;
    snapshot.states.set(0.9, change(FSRS_REPLAY.unpack(snapshot.states.get(0.9) as Float64Array)));
    writeCache(file, key, snapshot);
    return { log, cacheDir };
  }

  it('reads only the appended lines once it has a snapshot', () => {
    // Another state planted under the snapshot's key: only a run that trusts the snapshot returns it.
    const { log, cacheDir } = plantedSnapshot((states) => {
      states[0]!.agains = 42;
      return FSRS_REPLAY.pack(states);
    });
    writeFileSync(log, `${readFileSync(log, 'utf8')}${logLines([{ target: 1, rating: 1, minutes: 2, handWritten: false }])[0]}\n`);
    const states = readReviewHistory(log, cacheDir, FSRS_REPLAY).cardStates(questions);
    expect(states.get('deck/1')!.agains).toBe(42);
    expect(states.get('deck/2')!.agains).toBe(1);
  });

  it('when the cached snapshot keeps its card states in another form then it is read again from the log', () => {
    const { log, cacheDir } = plantedSnapshot((states) => {
      states[0]!.agains = 42;
      return states;
    });
    const history = readReviewHistory(log, cacheDir, FSRS_REPLAY);
    expect(history.cardStates(questions).get('deck/1')!.agains).toBe(0);
    expectSameAsFullReplay(log, history, 0.9);
  });

  it('says before reading a big stretch of log it has no snapshot of, and not once it has one', () => {
    const { log, cacheDir } = paths();
    const specs = Array.from({ length: 100_000 }, (_, i) => ({ target: i % 4, rating: 3, minutes: i, handWritten: false }));
    writeFileSync(log, `${[HEADER, ...logLines(specs)].join('\n')}\n`);
    const told: number[] = [];
    const first = readReviewHistory(log, cacheDir, FSRS_REPLAY, { onLongRead: (bytes) => told.push(bytes) });
    expect(told).toEqual([readFileSync(log).length]);
    expect(first.reviewCount).toBe(100_000);
    readReviewHistory(log, cacheDir, FSRS_REPLAY, { onLongRead: (bytes) => told.push(bytes) });
    expect(told).toHaveLength(1);
  });

  it('reads the log again when it shrank or its first lines changed', () => {
    const { log, cacheDir } = paths();
    const lines = [HEADER, ...logLines([1, 2, 3].map((target) => ({ target, rating: 3, minutes: target, handWritten: false })))];
    writeFileSync(log, `${lines.join('\n')}\n`);
    readReviewHistory(log, cacheDir, FSRS_REPLAY);
    truncateSync(log, Buffer.byteLength(`${lines.slice(0, 2).join('\n')}\n`));
    expectSameAsFullReplay(log, readReviewHistory(log, cacheDir, FSRS_REPLAY), 0.9);
    // Same length, other content: question 1 graded Again instead of Good.
    writeFileSync(log, `${lines.join('\n')}\n`);
    readReviewHistory(log, cacheDir, FSRS_REPLAY);
    writeFileSync(log, `${lines.join('\n').replace('"rating":3', '"rating":1')}\n`);
    expectSameAsFullReplay(log, readReviewHistory(log, cacheDir, FSRS_REPLAY), 0.9);
  });

  it('is empty, and writes nothing, when there is no log yet', () => {
    const { log, cacheDir } = paths();
    const history = readReviewHistory(log, cacheDir, FSRS_REPLAY);
    expect(history.reviewCount).toBe(0);
    expect(history.cardStates(questions).size).toBe(0);
    expect(reviewFacts(history.reviews())).toEqual([]);
  });

  it('still reads the log where the cache folder cannot be written', () => {
    const { log } = paths();
    writeFileSync(log, `${[HEADER, ...logLines([{ target: 0, rating: 2, minutes: 5, handWritten: false }])].join('\n')}\n`);
    const blocker = join(temp, `blocker-${counter}`);
    writeFileSync(blocker, '');
    expectSameAsFullReplay(log, readReviewHistory(log, join(blocker, 'cache'), FSRS_REPLAY), 0.9);
  });

  it('refuses, as readReviewLog does, a log that is a folder', () => {
    const { log, cacheDir } = paths();
    mkdirSync(log);
    expect(() => readReviewHistory(log, cacheDir, FSRS_REPLAY)).toThrow(StorageError);
    expect(() => readReviewLog(log)).toThrow(StorageError);
  });

  it('refuses, as readReviewLog does, a log from a newer kfq appended after the snapshot', () => {
    const { log, cacheDir } = paths();
    writeFileSync(log, `${HEADER}\n`);
    readReviewHistory(log, cacheDir, FSRS_REPLAY);
    writeFileSync(log, `${HEADER}\n${JSON.stringify({ kfq: 'review-log', version: 99 })}\n`);
    expect(() => readReviewHistory(log, cacheDir, FSRS_REPLAY)).toThrow(/newer kfq/);
  });
});
