// kfq history: the review log, newest first. Reads only the log (and with
// --deck only the deck names), so it works even when a deck is missing or
// broken; --orphans loads the decks to find reviews of removed questions.
import { ExitCode } from '../errors.js';
import { RATING_NAMES, type Review } from '../model/review.js';
import { questionMatcher } from '../practice/matchReviews.js';
import { localDateTime } from '../practice/time.js';
import { readAllReviews } from '../store/mergedLogs.js';
import type { KfqPaths } from '../store/paths.js';
import { reviewId, type ReviewLogProblem } from '../store/reviewLog.js';
import { forEachReview, scanLog } from '../store/reviewLogStream.js';
import { note, printJson, printLines, warn } from '../ui/output.js';
import { out, RATING_COLOURS } from '../ui/theme.js';
import { safeLine, truncate, visibleWidth } from '../ui/text.js';
import type { CommandContext } from './context.js';
import { deckSlugFilter } from './deckFilter.js';
import { layoutWidth, loadSelection } from './shared.js';

export async function run(ctx: CommandContext, options: { limit: number; json?: boolean; orphans?: boolean }): Promise<number> {
  const { paths } = ctx;
  const slugs = deckSlugFilter(ctx.deckSpecs, paths);
  const isOrphan = options.orphans ? await orphanTest(ctx) : undefined;
  const wanted = (review: Review): boolean => (!slugs || slugs.has(review.deck)) && (!isOrphan || isOrphan(review));
  const { newest, problems } = await newestReviews(paths, wanted, options.limit);
  for (const problem of problems) warn(ctx.stderr, `${problem.file ?? paths.history}:${problem.line}: ${problem.message}`);

  if (options.json) {
    printJson(ctx.stdout, newest.map(toJson));
    return ExitCode.ok;
  }
  if (newest.length === 0) {
    note(ctx.stderr, options.orphans ? 'No reviews of removed questions.' : 'No reviews yet. Start practising with: kfq drill');
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

/** Whether a review of the selected decks belongs to no question of them any more (a removed question). */
async function orphanTest(ctx: CommandContext): Promise<(review: Review) => boolean> {
  const { decks, questions } = await loadSelection(ctx);
  const slugs = new Set(decks.map((deck) => deck.slug));
  const match = questionMatcher(questions);
  return (review) => slugs.has(review.deck) && match(review) === undefined;
}

/**
 * The `limit` newest wanted reviews, newest first (ties: the later in the log
 * first). A single log is read as a stream and only the newest kept, so memory
 * stays bounded; the logs of several machines (a sync folder) are merged whole.
 */
async function newestReviews(
  paths: KfqPaths,
  wanted: (review: Review) => boolean,
  limit: number,
): Promise<{ newest: Review[]; problems: ReviewLogProblem[] }> {
  let kept: { review: Review; order: number; at: number }[] = [];
  let order = 0;
  const add = (reviews: Review[]): void => {
    for (const review of reviews) if (wanted(review)) kept.push({ review, order: order++, at: Date.parse(review.reviewedAt) });
    if (kept.length > 2 * limit + 10_000) kept = kept.sort(newestFirst).slice(0, limit);
  };
  let problems: ReviewLogProblem[];
  if (paths.sync) {
    const log = readAllReviews(paths);
    add(log.reviews);
    problems = log.problems;
  } else {
    const scan = await scanLog(paths.history);
    await forEachReview(paths.history, scan, add);
    problems = scan.problems;
  }
  return {
    newest: kept
      .sort(newestFirst)
      .slice(0, limit)
      .map(({ review }) => review),
    problems,
  };
}

function newestFirst(a: { order: number; at: number }, b: { order: number; at: number }): number {
  return b.at - a.at || b.order - a.order;
}

function toJson(review: Review) {
  const { questionId, number, deck, rating, reviewedAt, mode, durationMs, answer } = review;
  return { id: reviewId(review), questionId, number, deck, question: review.question, rating, reviewedAt, mode, durationMs, answer };
}
