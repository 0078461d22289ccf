// kfq drill: a spaced-repetition session over the selected decks.
import type { CommandContext } from '../context.js';
import { ExitCode, InterruptedError } from '../../errors.js';
import { DrillSession } from '../../practice/drillSession.js';
import { nextDue, pickCards } from '../../practice/pick.js';
import type { PickOrder } from '../../model/choices.js';
import { scoreAnswer } from '../../practice/scoring.js';
import { ensureWritableHome } from '../../store/paths.js';
import { reviewLogSink } from '../../store/reviewLog.js';
import { drillScreen, type DrillOutcome } from './screen.js';
import { nothingDueLines, summaryLines } from './summary.js';
import { printLines } from '../../ui/output.js';
import { runPrompt } from '../../ui/prompt.js';
import { requireInteractiveTerminal } from '../../ui/tty.js';
import { readHistory } from '../reviewHistory.js';
import { layoutWidth, loadSelection } from '../shared.js';

export interface DrillOptions {
  count: number;
  category?: string;
  order: PickOrder;
  seed?: number;
  retention: number;
}

export async function run(ctx: CommandContext, options: DrillOptions): Promise<number> {
  requireInteractiveTerminal('kfq drill');
  const paths = ctx.paths;
  ensureWritableHome(paths);
  const { decks, questions } = await loadSelection(ctx, options.category);
  const log = readHistory(ctx);

  const states = log.cardStates(questions, options.retention);
  const now = ctx.now();
  const cards = pickCards({ questions, states, now, count: options.count, order: options.order, seed: options.seed });
  if (cards.length === 0) {
    printLines(ctx.stdout, nothingDueLines(nextDue(questions, states), now, layoutWidth(ctx)));
    return ExitCode.ok;
  }

  const session = new DrillSession(reviewLogSink(paths.history), states, options.retention, ctx.now);
  const titles = new Map(decks.map((deck) => [deck.slug, deck.title || deck.slug]));
  let outcome: DrillOutcome | undefined;
  let interruption: InterruptedError | undefined;
  try {
    outcome = await runPrompt(
      drillScreen,
      {
        cards,
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
  if (!interruption || interruption.exitCode === ExitCode.interrupted) printLines(ctx.stdout, summaryLines(session.summary(questions), ctx.now(), layoutWidth(ctx)));
  if (interruption) throw interruption;
  if (outcome?.end === 'failed') throw outcome.error;
  return ExitCode.ok;
}
