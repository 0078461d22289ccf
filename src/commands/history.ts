// kfq history: the review log, newest first. Reads only the log (and with
// --deck only the deck names), so it works even when a deck is missing or
// broken; --orphans loads the decks to find reviews of removed questions.
import type { GlobalOptions } from '../cli.js';
import { RATING_NAMES } from '../store/reviewLog.js';
import { questionMatcher } from '../practice/matchReviews.js';
import { kfqPaths } from '../store/paths.js';
import { readAllReviews } from '../store/mergedLogs.js';
import { reviewId, type Review } from '../store/reviewLog.js';
import { note, printJson, printLines, warn } from '../ui/output.js';
import { out, RATING_COLOURS } from '../ui/theme.js';
import { localDateTime, safeLine, terminalWidth, truncate, visibleWidth } from '../ui/text.js';
import { deckSlugFilter } from './deckFilter.js';
import { loadSelection } from './shared.js';


export async function run(options: { limit: number; json?: boolean; orphans?: boolean }, globals: GlobalOptions): Promise<void> {
  const paths = kfqPaths();
  const { history } = paths;
  const log = readAllReviews(paths);
  for (const problem of log.problems) warn(`${problem.file ?? history}:${problem.line}: ${problem.message}`);
  const slugs = deckSlugFilter(globals.deck, paths);
  let reviews = slugs ? log.reviews.filter((review) => slugs.has(review.deck)) : log.reviews;
  if (options.orphans) reviews = await orphansOf(reviews, globals);
  const newest = reviews
    .map((review, order) => ({ review, order, at: Date.parse(review.reviewedAt) }))
    .sort((a, b) => b.at - a.at || b.order - a.order)
    .slice(0, options.limit)
    .map(({ review }) => review);

  if (options.json) return printJson(newest.map(toJson));
  if (newest.length === 0) return note(options.orphans ? 'No reviews of removed questions.' : 'No reviews yet. Start practising with: kfq drill');
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

/** Reviews of the selected decks that belong to no question of them any more (removed questions). */
async function orphansOf(reviews: Review[], globals: GlobalOptions): Promise<Review[]> {
  const { decks, questions } = await loadSelection(globals);
  const slugs = new Set(decks.map((deck) => deck.slug));
  const match = questionMatcher(questions);
  return reviews.filter((review) => slugs.has(review.deck) && match(review) === undefined);
}

function toJson(review: Review) {
  const { questionId, number, deck, rating, reviewedAt, mode, durationMs, answer } = review;
  return { id: reviewId(review), questionId, number, deck, question: review.question, rating, reviewedAt, mode, durationMs, answer };
}

