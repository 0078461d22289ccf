// `kfq mock`: a timed mock interview, its scored report and a quick
// self-review; `kfq mock list` and `kfq mock report` show saved interviews again.
import { randomInt } from 'node:crypto';
import { ExitCode, InterruptedError, NotFoundError, UsageError } from '../../errors.js';
import type { InterviewReport } from '../../model/interview.js';
import type { Question } from '../../model/question.js';
import { gradingOptions } from '../../practice/grading.js';
import { planInterview } from '../../practice/interview.js';
import { InterviewSession } from '../../practice/interviewSession.js';
import { scoreAnswer, type GradingOptions } from '../../practice/scoring.js';
import { formatDuration, parseDuration } from '../../practice/time.js';
import type { CardState } from '../../practice/scheduler.js';
import type { OpenedHistory } from '../../store/cardSnapshot.js';
import { reportSink } from '../../store/interviewReports.js';
import { ensureWritableHome } from '../../store/paths.js';
import { reviewLogSink } from '../../store/reviewLog.js';
import { checkLogAppendable } from '../../store/reviewLogChecks.js';
import { readUserAliases } from '../../store/userAliases.js';
import { note, printLines } from '../../ui/output.js';
import { TerminalSession, type Screen } from '../../ui/terminalSession.js';
import { err, out } from '../../ui/theme.js';
import { wrap } from '../../ui/text.js';
import { requireInteractiveTerminal } from '../../ui/tty.js';
import { activePlan } from '../activePlan.js';
import type { CommandContext } from '../context.js';
import type { Settings } from '../settings.js';
import { applySchedulerSettings, openHistory, readHistory } from '../scheduling.js';
import { layoutWidth, loadSelection } from '../shared.js';
import { answerScreen, choiceScreen, selfReviewScreen } from './prompts.js';
import { renderReport, reportPage } from './report.js';
import { plural } from '../../model/plural.js';

export interface MockOptions {
  count?: number;
  perQuestion?: string;
  total?: string;
  category?: string;
  seed?: number;
  list?: boolean;
  report?: string | true;
  json?: boolean;
}

export async function run(ctx: CommandContext, given: MockOptions): Promise<number> {
  const settings = given.list || given.report !== undefined ? undefined : applySchedulerSettings(ctx);
  const options = {
    ...given,
    count: given.count ?? settings?.mock.count ?? 5,
    perQuestion: given.perQuestion ?? settings?.mock.perQuestion ?? '2m',
  };
  if (options.list && options.report !== undefined) throw new UsageError('use either --list or --report, not both');
  // Past interviews need neither prompts nor the scheduler.
  if (options.list) return (await import('./reports.js')).listInterviews(ctx, Boolean(options.json));
  if (options.report !== undefined)
    return (await import('./reports.js')).showInterview(ctx, options.report === true ? 'last' : options.report, Boolean(options.json));
  if (options.json) throw new UsageError('--json goes with --list or --report', { hint: 'kfq mock --report last --json' });

  const perQuestionSeconds = parseDuration(options.perQuestion, '--per-question');
  const totalSeconds = options.total === undefined ? null : parseDuration(options.total, '--total');
  requireInteractiveTerminal('kfq mock');
  ensureWritableHome(ctx.paths);
  checkLogAppendable(ctx.paths.history);
  const opened = openHistory(ctx);
  const { decks, questions } = await loadSelection(ctx, options.category);
  const grading = gradingOptions(decks, readUserAliases(ctx.paths));
  if (questions.length === 0) throw new NotFoundError('no questions to ask in the selected decks');
  const seed = options.seed ?? randomInt(2 ** 31);
  const plan = await pickQuestions(ctx, { settings, opened }, questions, options.count, seed);
  const report = await runInterview(ctx, { plan, asked: options.count, limits: { perQuestionSeconds, totalSeconds, seed }, grading });
  if (!report) return ExitCode.ok;
  // The full screen is gone when the session closes: the report is printed again for the scrollback (plain terminals have it already).
  if (!report.plain) printLines(ctx.stdout, ['', ...renderReport(report.report, layoutWidth(ctx))]);
  for (const line of wrap(`Saved as ${report.report.id}; see it again with kfq mock --report ${report.report.id}`, layoutWidth(ctx)))
    note(ctx.stderr, err.dim(line));
  return ExitCode.ok;
}

/** The interview's questions: during an interview plan, the categories weakest on the day are asked more. */
async function pickQuestions(
  ctx: CommandContext,
  { settings, opened }: { settings: Settings | undefined; opened: OpenedHistory<CardState> },
  questions: Question[],
  count: number,
  seed: number,
): Promise<Question[]> {
  const log = readHistory(ctx, { opened });
  const active = settings ? await activePlan(ctx, settings) : undefined;
  const weakCategories = new Set(active && active !== 'over' ? active.plan.readiness.weakest : []);
  return planInterview({
    questions,
    states: log.cardStates(questions, settings?.drill.retention),
    count,
    seed,
    now: ctx.now(),
    weakCategories,
  });
}

interface InterviewSetup {
  plan: Question[];
  /** How many questions were asked for (the selection may hold fewer). */
  asked: number;
  limits: Limits;
  grading: GradingOptions;
}

/** The start screen, the interview and the review screens; undefined when the user leaves at the start. */
async function runInterview(
  ctx: CommandContext,
  { plan, asked, limits, grading }: InterviewSetup,
): Promise<{ report: InterviewReport; plain: boolean } | undefined> {
  const terminal = TerminalSession.open();
  try {
    const width = terminal.plain ? Infinity : layoutWidth(ctx);
    const lines = startLines(plan, asked, limits.perQuestionSeconds, limits.totalSeconds, width);
    const started = await terminal.show(
      choiceScreen({
        header: [out.bold('Mock interview'), ''],
        body: lines,
        keys: 'Enter starts · q leaves',
        plainQuestion: 'Enter starts, q leaves: ',
      }),
    );
    if (!started) return undefined;
    const session = new InterviewSession(
      { startedAt: ctx.now(), ...limits, planned: plan.length },
      reportSink(ctx.paths.reports),
      reviewLogSink(ctx.paths.history),
      grading,
    );
    await interview(ctx, session, plan, limits, terminal);
    await reviewScreens(ctx, session, plan, terminal, grading);
    return { report: session.report, plain: terminal.plain };
  } finally {
    terminal.close();
  }
}

function startLines(plan: Question[], asked: number, perQuestionSeconds: number, totalSeconds: number | null, width: number): string[] {
  const total = totalSeconds === null ? plan.length * perQuestionSeconds : Math.min(totalSeconds, plan.length * perQuestionSeconds);
  const categories = new Set(plan.map((question) => question.category)).size;
  const lines = [
    `${plural(plan.length, 'question')} from ${plural(categories, 'category', 'categories')}${plan.length < asked ? ` (only ${plan.length} in the selection)` : ''}`,
    `${formatDuration(perQuestionSeconds)} for each question, ${formatDuration(total)} at most${totalSeconds === null ? '' : ' (the limit for the whole interview)'}`,
  ];
  const keys = [
    'Type your answer on one line; Enter submits it.',
    'When the time is up, what you typed is kept and the next question starts.',
    'Ctrl+C stops the interview; everything typed so far is saved.',
  ];
  return [...lines.flatMap((line) => wrap(line, width)), '', ...keys.flatMap((line) => wrap(line, width).map((part) => out.dim(part)))];
}

interface Limits {
  perQuestionSeconds: number;
  totalSeconds: number | null;
  seed: number;
}

/** The question being answered, and a failure to save the report from a signal listener (rethrown by the loop). */
interface Asking {
  current: { question: Question; startedAt: number; draft: string } | undefined;
  saveFailure: unknown;
}

/**
 * Asks the planned questions; the session saves the report after every answer.
 * A signal (or Ctrl+C) saves it as abandoned, with the partial answer of the
 * current question, and the terminal session throws InterruptedError.
 */
async function interview(
  ctx: CommandContext,
  session: InterviewSession,
  plan: Question[],
  limits: Limits,
  terminal: TerminalSession,
): Promise<void> {
  // Deadlines run on the real clock, like the countdown (the context clock may be set back or forth by KFQ_NOW).
  const interviewDeadline = limits.totalSeconds === null ? undefined : Date.now() + limits.totalSeconds * 1000;
  const asking: Asking = { current: undefined, saveFailure: undefined };
  // Saved at once, before anything else: after SIGHUP the terminal may already be gone.
  const stopListener = terminal.onStop(() => {
    const { current } = asking;
    const partial = current && { question: current.question, typed: current.draft, secondsUsed: (Date.now() - current.startedAt) / 1000 };
    asking.current = undefined;
    try {
      session.abandon(ctx.now(), partial);
    } catch (error) {
      // Thrown from a signal listener it would crash the process; the loop rethrows it.
      asking.saveFailure = error;
    }
  });
  try {
    for (const [index, question] of plan.entries()) {
      const questionStart = Date.now();
      if (interviewDeadline !== undefined && questionStart >= interviewDeadline) break;
      const deadline = Math.min(questionStart + limits.perQuestionSeconds * 1000, interviewDeadline ?? Infinity);
      asking.current = { question, startedAt: questionStart, draft: '' };
      const screen = answerScreenFor(asking.current, `Question ${index + 1}/${plan.length}`, deadline, interviewDeadline);
      const typed = await showAnswerScreen(ctx, session, terminal, asking, screen);
      asking.current = undefined;
      const secondsUsed = ((typed.timedOut ? deadline : Date.now()) - questionStart) / 1000;
      session.answer(question, typed.answer, secondsUsed, typed.timedOut);
    }
    session.finish(ctx.now());
  } finally {
    stopListener();
  }
}

function answerScreenFor(
  current: NonNullable<Asking['current']>,
  title: string,
  deadline: number,
  interviewDeadline: number | undefined,
): ReturnType<typeof answerScreen> {
  const { question } = current;
  return answerScreen({
    title,
    category: question.category,
    question: question.question,
    prompt: question.prompt,
    deadline,
    interviewDeadline,
    onDraft: (text) => (current.draft = text),
  });
}

/** The answer screen shown; on Ctrl+C the terminal closes and says where the abandoned interview was saved. */
async function showAnswerScreen<T>(
  ctx: CommandContext,
  session: InterviewSession,
  terminal: TerminalSession,
  asking: Asking,
  screen: Screen<T>,
): Promise<T> {
  try {
    return await terminal.show(screen);
  } catch (error) {
    if (asking.saveFailure) throw asking.saveFailure;
    if (error instanceof InterruptedError && error.exitCode === ExitCode.interrupted) {
      terminal.close();
      const id = session.report.id;
      note(ctx.stderr, err.dim(`Stopped. Saved as ${id} (abandoned): kfq mock --report ${id}`));
    }
    throw error;
  }
}

/** The report on screen, then optional grades, logged like drill grades so a flubbed question comes back sooner. */
async function reviewScreens(
  ctx: CommandContext,
  session: InterviewSession,
  plan: readonly Question[],
  terminal: TerminalSession,
  grading: GradingOptions,
): Promise<void> {
  const report = session.report;
  const width = terminal.plain ? layoutWidth(ctx) : Math.min(layoutWidth(ctx), 100);
  const page = reportPage(report, width);
  const canReview = report.questions.length > 0;
  const review = await terminal.show(
    choiceScreen({
      header: [...page.header, out.bold(`Score ${report.score}/100`)],
      body: [
        ...page.body,
        '',
        ...wrap('Self-review: grade each answer like a drill card, or skip it. Grades go into your review history.', width).map((line) =>
          out.dim(line),
        ),
      ],
      keys: canReview ? 'Enter starts the self-review · q skips it' : 'Enter or q ends',
      plainQuestion: canReview ? 'Enter starts the self-review, q skips it: ' : 'Enter ends: ',
    }),
  );
  if (!review || !canReview) return;
  const prompts = new Map(plan.map((question) => [question.id, question.prompt]));
  for (const [index, answer] of report.questions.entries()) {
    const grade = await terminal.show(
      selfReviewScreen({
        position: index + 1,
        total: report.questions.length,
        answer,
        prompt: prompts.get(answer.id) ?? answer.question,
        score: scoreAnswer(answer.reference, answer.answer, answer.question, grading),
      }),
    );
    if (grade === 'stop') break;
    if (grade === 'skip') continue;
    session.grade(index, grade, ctx.now());
  }
}
