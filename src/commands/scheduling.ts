// What every scheduling command (drill, due, plan, mock, stats, list's statuses)
// starts from: the settings applied to the scheduler, and the review history
// replayed through it.
import { FSRS_REPLAY } from '../practice/cardReplay.js';
import { cardStates } from '../practice/gradeReplay.js';
import { reviewColumns } from '../practice/reviewColumns.js';
import { currentSchedulerSettings, useSchedulerSettings, type CardState } from '../practice/scheduler.js';
import { plural } from '../model/plural.js';
import type { CardReplay } from '../model/review.js';
import { openReviewHistory, type OpenedHistory, type ReviewHistory } from '../store/cardSnapshot.js';
import { readParameters } from '../store/fsrsParameters.js';
import { replayOnWorker } from '../store/replayThread.js';
import { readAllReviews } from '../store/mergedLogs.js';
import type { KfqPaths } from '../store/paths.js';
import { note, warn } from '../ui/output.js';
import type { CommandContext } from './context.js';
import { loadSettings, type Settings } from './settings.js';

export function applySchedulerSettings(ctx: CommandContext): Settings {
  const { settings } = loadSettings(ctx.paths, ctx.env);
  const weights = readParameters(ctx.paths.home)?.w;
  useSchedulerSettings({
    learningSteps: settings.drill.learningSteps,
    relearningSteps: settings.drill.relearningSteps,
    ...(weights ? { weights } : {}),
  });
  return settings;
}

/** FSRS replays the history; a long one's new cards in part on a worker thread, under the same scheduler settings. */
const HISTORY_REPLAY: CardReplay<CardState> = {
  ...FSRS_REPLAY,
  replayElsewhere: (batch) => replayOnWorker(batch, currentSchedulerSettings()),
};

/**
 * The review history opened now, to be read (readHistory) once the decks are
 * loaded: meanwhile another thread reads a long stretch of it. Says so on
 * stderr when a big stretch must be read: a long history is read once to index it.
 */
export function openHistory(ctx: CommandContext): OpenedHistory<CardState> {
  const { paths } = ctx;
  if (paths.sync) return { read: () => mergedHistory(paths) };
  return openReviewHistory(paths.history, paths.cache, HISTORY_REPLAY, {
    onLongRead: (bytes) =>
      note(ctx.stderr, `kfq: reading ${Math.round(bytes / (1 << 20))} MB of review history once to index it; later starts are quick…`),
    ...(ctx.env.KFQ_DEBUG === '1' ? { onOtherThread: (done: string) => note(ctx.stderr, `kfq: ${done}`) } : {}),
  });
}

/** The review history (opened by openHistory, or now), with a warning for each damaged line (or one summary line, for stats). */
export function readHistory(
  ctx: CommandContext,
  { problems = 'each', opened = openHistory(ctx) }: { problems?: 'each' | 'summary'; opened?: OpenedHistory<CardState> } = {},
): ReviewHistory<CardState> {
  const { paths } = ctx;
  const log = opened.read();
  if (problems === 'summary' && log.problems.length > 0) {
    const first = log.problems[0]!;
    warn(
      ctx.stderr,
      `${first.file ?? paths.history}: ${plural(log.problems.length, 'damaged line')} skipped (first at line ${first.line})`,
    );
  } else if (problems === 'each') {
    for (const problem of log.problems) warn(ctx.stderr, `${problem.file ?? paths.history}:${problem.line}: ${problem.message}`);
  }
  return log;
}

/** Every machine's log in the sync folder, read whole and replayed (the snapshot cache covers one log only). */
function mergedHistory(paths: KfqPaths): ReviewHistory<CardState> {
  const { reviews, problems } = readAllReviews(paths);
  return {
    reviews: () => reviewColumns(reviews),
    reviewCount: reviews.length,
    problems,
    cardStates: (questions, retention) => cardStates(questions, reviews, retention),
  };
}
