// kfq history: the review log, newest first. Reads only the log, so it works
// even when a deck is missing or broken.
import type { GlobalOptions } from '../cli.js';
import { kfqPaths } from '../store/paths.js';
import { RATING_NAMES, type Review } from '../store/reviewLog.js';
import { forEachReview, scanLog, type LogScan } from '../store/reviewLogStream.js';
import { note, printJson, printLines, warn } from '../ui/output.js';
import { out, RATING_COLOURS } from '../ui/theme.js';
import { localDateTime, safeLine, terminalWidth, truncate, visibleWidth } from '../ui/text.js';


export async function run(options: { limit: number; json?: boolean }, _globals: GlobalOptions): Promise<void> {
  const { history } = kfqPaths();
  const scan = await scanLog(history);
  const newest = await newestReviews(history, scan, options.limit);
  for (const problem of scan.problems) warn(`${history}:${problem.line}: ${problem.message}`);

  if (options.json) return printJson(newest.map(toJson));
  if (newest.length === 0) return note('No reviews yet. Start practising with: kfq drill');
  const width = terminalWidth();
  // Narrow terminals drop the mode column to leave room for the question.
  const showMode = width >= 60;
  printLines(
    newest.map((review) => {
      const columns = [
        out.dim(localDateTime(review.reviewedAt)),
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

/** The `limit` newest reviews, newest first (ties: the later in the log first), read as a stream. */
async function newestReviews(file: string, scan: LogScan, limit: number): Promise<Review[]> {
  let kept: { review: Review; order: number; at: number }[] = [];
  let order = 0;
  const newestFirst = (a: (typeof kept)[number], b: (typeof kept)[number]): number => b.at - a.at || b.order - a.order;
  await forEachReview(file, scan, (reviews) => {
    for (const review of reviews) kept.push({ review, order: order++, at: Date.parse(review.reviewedAt) });
    // Only the newest `limit` can be shown: trimmed now and then, so memory stays bounded.
    if (kept.length > 2 * limit + 10_000) kept = kept.sort(newestFirst).slice(0, limit);
  });
  return kept.sort(newestFirst).slice(0, limit).map(({ review }) => review);
}

function toJson(review: Review) {
  const { questionId, number, deck, rating, reviewedAt, mode, durationMs, answer } = review;
  return { questionId, number, deck, rating, reviewedAt, mode, durationMs, answer };
}

