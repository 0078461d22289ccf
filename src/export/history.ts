// The user's own data, to take away: every review and every interview report,
// written piece by piece so a log of millions of reviews never has to be one
// string in memory.
import type { InterviewReport } from '../model/interview.js';
import type { Review } from '../model/review.js';
import { csvRow, type CsvOptions } from './csv.js';

/** Where the pieces go; awaited, so a slow reader holds the writer back. */
export type WriteText = (text: string) => void | Promise<void>;

export interface HistorySource {
  /** Calls back with the reviews, in log order, a batch at a time. */
  forEachReviews(onReviews: (reviews: Review[]) => Promise<void>): Promise<void>;
  interviews: InterviewReport[];
}

/** `{ "reviews": [...], "interviews": [...] }`, byte for byte what JSON.stringify(value, null, 2) makes. */
export async function writeHistoryJson(source: HistorySource, write: WriteText): Promise<number> {
  let reviews = 0;
  await write('{\n  "reviews": [');
  await source.forEachReviews(async (batch) => {
    if (batch.length === 0) return;
    await write(`${reviews === 0 ? '\n' : ',\n'}${arrayItems(batch)}`);
    reviews += batch.length;
  });
  await write(reviews === 0 ? '],\n  "interviews": [' : '\n  ],\n  "interviews": [');
  if (source.interviews.length > 0) await write(`\n${arrayItems(source.interviews)}`);
  await write(source.interviews.length === 0 ? ']\n}\n' : '\n  ]\n}\n');
  return reviews;
}

/** The items of a non-empty array as they appear at depth 2 of the whole document: JSON.stringify indents them natively. */
function arrayItems(values: readonly unknown[]): string {
  const wrapped = JSON.stringify({ items: values }, null, 2);
  return wrapped.slice('{\n  "items": [\n'.length, -'\n  ]\n}'.length);
}

const HISTORY_HEADER = [
  'record',
  'at',
  'question_id',
  'deck',
  'number',
  'question',
  'rating',
  'duration_ms',
  'mode',
  'answer',
  'interview_id',
  'finished_at',
  'status',
  'score',
];

/**
 * One table with a row per review and a row per interview; `record` says which,
 * so a spreadsheet filter splits them. Interview rows carry the interview's
 * id, times, status, score and the ids of its questions.
 */
export async function writeHistoryCsv(source: HistorySource, write: WriteText, options: CsvOptions = {}): Promise<number> {
  let reviews = 0;
  await write(csvRow(HISTORY_HEADER));
  await source.forEachReviews(async (batch) => {
    reviews += batch.length;
    await write(
      batch
        .map((r) =>
          csvRow(
            ['review', r.reviewedAt, r.questionId, r.deck, r.number, r.question, r.rating, r.durationMs, r.mode, r.answer, '', '', '', ''],
            options,
          ),
        )
        .join(''),
    );
  });
  for (const i of source.interviews) {
    await write(
      csvRow(
        [
          'interview',
          i.startedAt,
          i.questions.map((q) => q.id).join(' '),
          '',
          '',
          '',
          '',
          '',
          'mock',
          '',
          i.id,
          i.finishedAt,
          i.status,
          i.score,
        ],
        options,
      ),
    );
  }
  return reviews;
}
