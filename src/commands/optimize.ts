// kfq optimize: fit FSRS parameters to your review log with the FSRS optimizer
// (an optional dependency, loaded only here), judge them against the defaults
// on reviews held back from the fit, and keep them only when they predict better.
import { createRequire } from 'node:module';
import { evaluate, longTermReviews, reviewSteps, splitHeldBack, type CardHistory, type Evaluation } from '../practice/optimize.js';
import { readParameters, saveParameters, parametersFile } from '../store/fsrsParameters.js';
import { readReviewLog } from '../store/reviewLog.js';
import type { CommandContext } from './context.js';
import { plural } from '../model/plural.js';

/** Fewer long-term reviews than this say too little about your memory to fit 21 parameters. */
export const MIN_LONG_TERM_REVIEWS = 400;
const PACKAGE = '@open-spaced-repetition/binding@0.1.2';

type Binding = typeof import('@open-spaced-repetition/binding');

export async function run(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const histories = cardHistories(ctx.paths.history);
  const longTerm = longTermReviews(histories);
  if (longTerm < MIN_LONG_TERM_REVIEWS) {
    ctx.stderr.write(
      `kfq: not enough reviews to fit parameters yet: ${longTerm} reviews a day or more after the one before, and kfq optimize needs ${MIN_LONG_TERM_REVIEWS}. Keep drilling; the default parameters are used meanwhile.\n`,
    );
    return 1;
  }
  const binding = loadBinding();
  if (!binding) {
    ctx.stderr.write(
      `kfq: kfq optimize needs the FSRS optimizer, an optional package that is not installed.\nhint: in the folder kfq is installed in, run: npm install ${PACKAGE} (or: npm install -g kfq with optional dependencies)\n`,
    );
    return 1;
  }
  const { train, test } = splitHeldBack(histories);
  const items = train.flatMap((history) => trainingItems(binding, history));
  ctx.stderr.write(
    `Fitting FSRS parameters to ${plural(items.length, 'review')} (${plural(test.length, 'card')} held back to judge them)…\n`,
  );
  const fitted = await binding.computeParameters(items, { enableShortTerm: true });
  const saved = readParameters(ctx.paths.home);
  const before = evaluate(test, saved?.w);
  const after = evaluate(test, fitted);
  const better = after.logLoss < before.logLoss;
  if (better)
    saveParameters(ctx.paths.home, {
      w: fitted,
      fittedAt: ctx.now().toISOString(),
      reviews: items.length,
      logLoss: after.logLoss,
      rmse: after.rmse,
    });

  if (options.json) {
    ctx.stdout.write(
      `${JSON.stringify({ before, after, saved: better, parameters: fitted, file: parametersFile(ctx.paths.home) }, null, 2)}\n`,
    );
    return 0;
  }
  const row = (name: string, e: Evaluation): string =>
    `  ${name.padEnd(24)} log loss ${e.logLoss.toFixed(4)}   RMSE ${(e.rmse * 100).toFixed(2)}%`;
  ctx.stdout.write(
    [
      `On ${after.reviews} held-back reviews:`,
      row(saved ? 'your saved parameters' : 'default parameters', before),
      row('fitted parameters', after),
      better
        ? `Saved: drill and plan use them from now on (${parametersFile(ctx.paths.home)}; delete it to go back).`
        : 'Not saved: they predict no better than the parameters in use.',
    ].join('\n') + '\n',
  );
  return 0;
}

/** Loaded with require: the bundle runs from a code cache, where a dynamic import() has no loader. */
function loadBinding(): Binding | undefined {
  try {
    return createRequire(import.meta.url)('@open-spaced-repetition/binding') as Binding;
  } catch {
    return undefined;
  }
}

/** Every card's reviews from the log, oldest first (all decks: the parameters describe your memory). */
function cardHistories(logFile: string): CardHistory[] {
  const byCard = new Map<string, CardHistory>();
  for (const review of readReviewLog(logFile).reviews) {
    let history = byCard.get(review.questionId);
    if (!history) byCard.set(review.questionId, (history = { id: review.questionId, reviews: [] }));
    history.reviews.push({ rating: review.rating, at: Date.parse(review.reviewedAt) });
  }
  for (const history of byCard.values()) history.reviews.sort((a, b) => a.at - b.at);
  return [...byCard.values()];
}

/** The optimizer's items: one per review after the first, holding the reviews up to it. */
export function trainingItems(binding: Binding, history: CardHistory): InstanceType<Binding['FSRSBindingItem']>[] {
  const steps = reviewSteps(history);
  const reviews = steps.map((step) => new binding.FSRSBindingReview(step.rating, step.deltaT));
  const items: InstanceType<Binding['FSRSBindingItem']>[] = [];
  for (let i = 1; i < steps.length; i++) if (steps[i]!.deltaT > 0) items.push(new binding.FSRSBindingItem(reviews.slice(0, i + 1)));
  return items;
}
