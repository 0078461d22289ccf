// kfq history: the review log, newest first. Reads only the log, so it works
// even when a deck is missing or broken.
import type { CommandContext } from './context.js';
import { RATING_NAMES } from '../model/review.js';
import { readReviewLog } from '../store/reviewLog.js';
import { type Review } from '../model/review.js';
import { note, printJson, printLines, warn } from '../ui/output.js';
import { out, RATING_COLOURS } from '../ui/theme.js';
import { safeLine, truncate, visibleWidth } from '../ui/text.js';
import { localDateTime } from '../practice/time.js';
import { ExitCode } from '../errors.js';
import { layoutWidth } from './shared.js';


export async function run(ctx: CommandContext, options: { limit: number; json?: boolean }): Promise<number> {
  const { history } = ctx.paths;
  const log = readReviewLog(history);
  for (const problem of log.problems) warn(ctx.stderr, `${history}:${problem.line}: ${problem.message}`);
  const newest = log.reviews
    .map((review, order) => ({ review, order, at: Date.parse(review.reviewedAt) }))
    .sort((a, b) => b.at - a.at || b.order - a.order)
    .slice(0, options.limit)
    .map(({ review }) => review);

  if (options.json) {

    printJson(ctx.stdout, newest.map(toJson));

    return ExitCode.ok;

  }
  if (newest.length === 0) {
    note(ctx.stderr, 'No reviews yet. Start practising with: kfq drill');
    return ExitCode.ok;
  }
  const width = layoutWidth(ctx);
  // Narrow terminals drop the mode column to leave room for the question.
  const showMode = width >= 60;
  printLines(
    ctx.stdout,
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
  return ExitCode.ok;
}

function toJson(review: Review) {
  const { questionId, number, deck, rating, reviewedAt, mode, durationMs, answer } = review;
  return { questionId, number, deck, rating, reviewedAt, mode, durationMs, answer };
}

