// kfq history: the review log, newest first. Reads only the log, so it works
// even when a deck is missing or broken.
import type { GlobalOptions } from '../cli.js';
import { RATING_NAMES } from '../practice/scheduler.js';
import { kfqPaths } from '../store/paths.js';
import { readReviewLog, type Review } from '../store/reviewLog.js';
import { note, printJson, printLines, warn } from '../ui/output.js';
import { out } from '../ui/theme.js';
import { safeLine, terminalWidth, truncate, visibleWidth } from '../ui/text.js';

const RATING_COLOURS = { 1: out.red, 2: out.yellow, 3: out.green, 4: out.cyan } as const;

export async function run(options: { limit: number; json?: boolean }, _globals: GlobalOptions): Promise<void> {
  const { history } = kfqPaths();
  const log = readReviewLog(history);
  for (const problem of log.problems) warn(`${history}:${problem.line}: ${problem.message}`);
  const newest = log.reviews
    .map((review, order) => ({ review, order, at: Date.parse(review.reviewedAt) }))
    .sort((a, b) => b.at - a.at || b.order - a.order)
    .slice(0, options.limit)
    .map(({ review }) => review);

  if (options.json) return printJson(newest.map(toJson));
  if (newest.length === 0) return note('No reviews yet. Start practising with: kfq drill');
  const width = terminalWidth();
  // Narrow terminals drop the mode column to leave room for the question.
  const showMode = width >= 60;
  printLines(
    newest.map((review) => {
      const columns = [
        out.dim(localTime(review.reviewedAt)),
        RATING_COLOURS[review.rating](RATING_NAMES[review.rating].padEnd(5)),
        ...(showMode ? [out.dim(review.mode.padEnd(5))] : []),
        // The log is a plain file anyone can edit: nothing from it reaches the terminal raw.
        safeLine(review.questionId),
      ];
      const used = visibleWidth(columns.join(' ')) + 1;
      return `${columns.join(' ')} ${truncate(safeLine(review.question), Math.max(10, width - used))}`;
    }),
  );
}

function toJson(review: Review) {
  const { questionId, number, deck, rating, reviewedAt, mode, durationMs, answer } = review;
  return { questionId, number, deck, rating, reviewedAt, mode, durationMs, answer };
}

/** `2024-10-03 14:02` in local time. */
function localTime(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
