// kfq drill: a spaced-repetition session over the selected decks.
import { ExitCode, InterruptedError } from '../errors.js';
import { countToday, leftToday } from '../practice/dailyLimits.js';
import { DrillSession } from '../practice/drillSession.js';
import { dueCounts, nextDue, pickCards, type PickOrder } from '../practice/pick.js';
import { scoreAnswer } from '../practice/scoring.js';
import { ensureWritableHome } from '../store/paths.js';
import { drillScreen, type DrillOutcome } from '../ui/drillScreen.js';
import { dueCountsLine, nothingDueLines, summaryLines } from '../ui/drillSummary.js';
import { printLines } from '../ui/output.js';
import { runPrompt } from '../ui/prompt.js';
import { terminalWidth } from '../ui/text.js';
import { requireInteractiveTerminal } from '../ui/tty.js';
import type { CommandContext } from './context.js';
import { readHistory } from './reviewHistory.js';
import { applySchedulerSettings } from './schedulerSettings.js';
import { loadSelection } from './shared.js';

export interface DrillOptions {
  count?: number;
  category?: string;
  order: PickOrder;
  seed?: number;
  retention?: number;
  /** Review cards not due yet, the most nearly due first. */
  ahead?: boolean;
}

export async function run(ctx: CommandContext, options: DrillOptions): Promise<number> {
  requireInteractiveTerminal('kfq drill');
  const { paths } = ctx;
  const settings = applySchedulerSettings(ctx);
  const count = options.count ?? settings.drill.count;
  const retention = options.retention ?? settings.drill.retention;
  ensureWritableHome(paths);
  const { decks, questions } = await loadSelection({ deck: ctx.deckSpecs }, options.category);
  const log = readHistory(paths);

  const states = log.cardStates(questions, retention);
  const now = ctx.now();
  const left = leftToday(
    { newPerDay: settings.drill.newPerDay, reviewsPerDay: settings.drill.reviewsPerDay, rollover: settings.day.rollover },
    countToday(log.reviews(), now, settings.day.rollover),
  );
  const order: PickOrder = options.ahead ? 'ahead' : options.order;
  const limited = order === 'due' || order === 'new';
  const cards = pickCards({
    questions,
    states,
    now,
    count,
    order,
    seed: options.seed,
    ...(limited ? { newLimit: left.newCards, reviewLimit: left.reviews } : {}),
  });
  if (cards.length === 0) {
    printLines(nothingDueLines(nextDue(questions, states), now, terminalWidth(), limited && left.newCards === 0 ? settings.drill.newPerDay : undefined));
    return ExitCode.ok;
  }
  ctx.stderr.write(`${dueCountsLine(dueCounts(questions, states, now, left), options.ahead === true)}\n`);

  const session = new DrillSession(paths.history, states, retention, ctx.now);
  const titles = new Map(decks.map((deck) => [deck.slug, deck.title || deck.slug]));
  let outcome: DrillOutcome | undefined;
  let interruption: InterruptedError | undefined;
  try {
    outcome = await runPrompt(
      drillScreen,
      {
        // Live: cards graded Again or Hard while learning come back in it.
        cards: session.begin(cards),
        deckTitle: (question) => titles.get(question.deck) ?? question.deck,
        intervals: (question) => session.intervals(question),
        score: (question, typed) => scoreAnswer(question.answer, typed, question.question),
        grade: (question, rating, typed, durationMs) => session.grade(question, rating, typed, durationMs),
        undo: () => void session.undo(),
      },
      { clearOnDone: true },
    );
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    interruption = error;
  }
  // Every grade is already on disk. After SIGTERM or SIGHUP nobody may be reading.
  if (!interruption || interruption.exitCode === ExitCode.interrupted) printLines(summaryLines(session.summary(questions), ctx.now(), terminalWidth()));
  if (interruption) throw interruption;
  if (outcome?.end === 'failed') throw outcome.error;
  return ExitCode.ok;
}
