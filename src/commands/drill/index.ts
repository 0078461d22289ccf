// kfq drill: a spaced-repetition session over the selected decks.
import { ExitCode, InterruptedError } from '../../errors.js';
import { countToday, leftToday } from '../../practice/dailyLimits.js';
import { DrillSession } from '../../practice/drillSession.js';
import { dueCounts, nextDue, pickCards, type PickOrder } from '../../practice/pick.js';
import { isLearning, type CardState } from '../../practice/scheduler.js';
import type { Plan } from '../../practice/plan.js';
import type { Deck } from '../../model/deck.js';
import type { Question } from '../../model/question.js';
import { gradingOptions } from '../../practice/grading.js';
import { scoreAnswer, type GradingOptions } from '../../practice/scoring.js';
import { checkLogAppendable } from '../../store/reviewLogChecks.js';
import { ensureWritableHome } from '../../store/paths.js';
import { reviewLogSink } from '../../store/reviewLog.js';
import { readUserAliases } from '../../store/userAliases.js';
import { drillScreen, type DrillOutcome } from './screen.js';
import { dueCountsLine, nothingDueLines, summaryLines } from './summary.js';
import { printLines } from '../../ui/output.js';
import { TerminalSession } from '../../ui/terminalSession.js';
import { requireInteractiveTerminal } from '../../ui/tty.js';
import type { CommandContext } from '../context.js';
import { activePlan, type ActivePlan } from '../activePlan.js';
import { applySchedulerSettings, openHistory, readHistory } from '../scheduling.js';
import type { Settings } from '../settings.js';
import { layoutWidth, loadSelection } from '../shared.js';
import { plural } from '../../model/plural.js';

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
  const retention = options.retention ?? settings.drill.retention;
  ensureWritableHome(paths);
  checkLogAppendable(paths.history);
  const planned = await plannedDay(ctx, options, settings);
  const opened = openHistory(ctx);
  const { decks, questions } = await loadSelection(
    planned && settings.plan.decks.length > 0 ? { ...ctx, deckSpecs: settings.plan.decks } : ctx,
    options.category,
  );
  const log = readHistory(ctx, { opened });
  const grading = gradingOptions(decks, readUserAliases(paths));
  const states = planned ? planned.states : log.cardStates(questions, retention);
  const now = ctx.now();
  const left = leftToday(
    { newPerDay: settings.drill.newPerDay, reviewsPerDay: settings.drill.reviewsPerDay, rollover: settings.day.rollover },
    countToday(log.reviews(), now, settings.day.rollover),
  );
  const { cards, status, limited } = todaysCards({ options, settings, planned, questions, states, now, left });
  if (cards.length === 0) {
    const newPerDay = limited && left.newCards === 0 ? settings.drill.newPerDay : undefined;
    printLines(ctx.stdout, nothingDueLines(nextDue(questions, states), now, layoutWidth(ctx), newPerDay));
    return ExitCode.ok;
  }
  const session = new DrillSession(reviewLogSink(paths.history), states, planned ? settings.plan.retention : retention, ctx.now);
  await runSession(ctx, { session, cards, decks, questions, status, grading });
  return ExitCode.ok;
}

/** The interview plan that decides today's cards, if any: only for the default order, and not once its date has passed. */
async function plannedDay(ctx: CommandContext, options: DrillOptions, settings: Settings): Promise<ActivePlan | undefined> {
  // Other orders, --ahead and a category are extra practice.
  const followsPlan = options.order === 'due' && !options.ahead && options.category === undefined;
  const active = followsPlan ? await activePlan(ctx, settings) : undefined;
  if (active !== 'over') return active;
  ctx.stderr.write(`The interview date ${settings.plan.date} has passed: back to the normal schedule (kfq plan clear removes the plan).\n`);
  return undefined;
}

interface DayContext {
  options: DrillOptions;
  settings: Settings;
  planned: ActivePlan | undefined;
  questions: Question[];
  states: ReadonlyMap<string, CardState>;
  now: Date;
  left: { newCards: number; reviews: number };
}

/** The session's cards, the line saying what the day holds, and whether the daily limits applied. */
function todaysCards({ options, settings, planned, questions, states, now, left }: DayContext): {
  cards: Question[];
  status: string;
  limited: boolean;
} {
  const order: PickOrder = options.ahead ? 'ahead' : options.order;
  const limited = order === 'due' || order === 'new';
  if (planned) {
    const due = pickCards({ questions, states, now, count: questions.length, order: 'due', newLimit: 0 });
    const { daysLeft, today } = planned.plan;
    return {
      cards: todayFromPlan(planned.plan, due, states, options.count),
      status: `Plan: ${plural(daysLeft, 'day')} to the interview · today ${today.new} new · ${plural(today.reviews, 'review')} · about ${today.minutes} min`,
      limited,
    };
  }
  const cards = pickCards({
    questions,
    states,
    now,
    count: options.count ?? settings.drill.count,
    order,
    seed: options.seed,
    ...(limited ? { newLimit: left.newCards, reviewLimit: left.reviews } : {}),
  });
  return { cards, status: dueCountsLine(dueCounts(questions, states, now, left), options.ahead === true), limited };
}

interface SessionParts {
  session: DrillSession;
  cards: Question[];
  decks: Deck[];
  questions: Question[];
  status: string;
  grading: GradingOptions;
}

/** The drill screen over the cards, then the summary (unless the terminal went away). */
async function runSession(ctx: CommandContext, { session, cards, decks, questions, status, grading }: SessionParts): Promise<void> {
  const titles = new Map(decks.map((deck) => [deck.slug, deck.title || deck.slug]));
  let outcome: DrillOutcome | undefined;
  let interruption: InterruptedError | undefined;
  const terminal = TerminalSession.open();
  try {
    outcome = await terminal.show(
      drillScreen({
        // Live: cards graded Again or Hard while learning come back in it.
        cards: session.begin(cards),
        deckTitle: (question) => titles.get(question.deck) ?? question.deck,
        intervals: (question) => session.intervals(question),
        score: (question, typed) => scoreAnswer(question.answer, typed, question.question, grading),
        grade: (question, rating, typed, durationMs) => session.grade(question, rating, typed, durationMs),
        undo: () => void session.undo(),
        // Said once, as the session starts.
        status,
        now: () => ctx.now().getTime(),
      }),
    );
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    interruption = error;
  } finally {
    terminal.close();
  }
  // Every grade is already on disk. After SIGTERM or SIGHUP nobody may be reading.
  if (!interruption || interruption.exitCode === ExitCode.interrupted)
    printLines(ctx.stdout, summaryLines(session.summary(questions), ctx.now(), layoutWidth(ctx)));
  if (interruption) throw interruption;
  if (outcome?.end === 'failed') throw outcome.error;
}

/** The plan's cards for today: learning cards due first, then the plan's reviews and new cards; `-n` caps them. */
function todayFromPlan(plan: Plan, due: Question[], states: ReadonlyMap<string, CardState>, count: number | undefined): Question[] {
  const learning = due.filter((question) => isLearning(states.get(question.id)!));
  const rest = [...plan.todayCards.reviews, ...plan.todayCards.new].filter((question) => !learning.includes(question));
  const cards = [...learning, ...rest];
  return count === undefined ? cards : cards.slice(0, count);
}
