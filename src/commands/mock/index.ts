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
import { reportSink } from '../../store/interviewReports.js';
import { ensureWritableHome } from '../../store/paths.js';
import { reviewLogSink } from '../../store/reviewLog.js';
import { checkLogAppendable } from '../../store/reviewLogChecks.js';
import { readUserAliases } from '../../store/userAliases.js';
import { note, printLines } from '../../ui/output.js';
import { TerminalSession } from '../../ui/terminalSession.js';
import { err, out } from '../../ui/theme.js';
import { wrap } from '../../ui/text.js';
import { requireInteractiveTerminal } from '../../ui/tty.js';
import { activePlan } from '../activePlan.js';
import type { CommandContext } from '../context.js';
import { applySchedulerSettings, readHistory } from '../scheduling.js';
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
  const paths = ctx.paths;
  ensureWritableHome(paths);
  checkLogAppendable(paths.history);

  const { decks, questions } = await loadSelection(ctx, options.category);
  const grading = gradingOptions(decks, readUserAliases(paths));
  if (questions.length === 0) throw new NotFoundError('no questions to ask in the selected decks');
  const log = readHistory(ctx);
  const seed = options.seed ?? randomInt(2 ** 31);
  // During an interview plan, the categories weakest on the day are asked more.
  const active = settings ? await activePlan(ctx, settings) : undefined;
  const weakCategories = new Set(active && active !== 'over' ? active.plan.readiness.weakest : []);
  const plan = planInterview({
    questions,
    states: log.cardStates(questions, settings?.drill.retention),
    count: options.count,
    seed,
    now: ctx.now(),
    weakCategories,
  });

  const terminal = TerminalSession.open();
  let report: InterviewReport;
  try {
    const lines = startLines(plan, options.count, perQuestionSeconds, totalSeconds, terminal.plain ? Infinity : layoutWidth(ctx));
    const started = await terminal.show(
      choiceScreen({
        header: [out.bold('Mock interview'), ''],
        body: lines,
        keys: 'Enter starts · q leaves',
        plainQuestion: 'Enter starts, q leaves: ',
      }),
    );
    if (!started) return ExitCode.ok;
    const limits = { perQuestionSeconds, totalSeconds, seed };
    const session = new InterviewSession(
      { startedAt: ctx.now(), ...limits, planned: plan.length },
      reportSink(paths.reports),
      reviewLogSink(paths.history),
      grading,
    );
    await interview(ctx, session, plan, limits, terminal);
    await reviewScreens(ctx, session, plan, terminal, grading);
    report = session.report;
  } finally {
    terminal.close();
  }
  // The full screen is gone when the session closes: the report is printed again for the scrollback (plain terminals have it already).
  if (!terminal.plain) printLines(ctx.stdout, ['', ...renderReport(report, layoutWidth(ctx))]);
  for (const line of wrap(`Saved as ${report.id}; see it again with kfq mock --report ${report.id}`, layoutWidth(ctx)))
    note(ctx.stderr, err.dim(line));
  return ExitCode.ok;
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

  let current: { question: Question; startedAt: number; draft: string } | undefined;
  let saveFailure: unknown;
  // Saved at once, before anything else: after SIGHUP the terminal may already be gone.
  const stopListener = terminal.onStop(() => {
    const partial = current && { question: current.question, typed: current.draft, secondsUsed: (Date.now() - current.startedAt) / 1000 };
    current = undefined;
    try {
      session.abandon(ctx.now(), partial);
    } catch (error) {
      // Thrown from a signal listener it would crash the process; the loop rethrows it.
      saveFailure = error;
    }
  });

  try {
    for (const [index, question] of plan.entries()) {
      const questionStart = Date.now();
      if (interviewDeadline !== undefined && questionStart >= interviewDeadline) break;
      const deadline = Math.min(questionStart + limits.perQuestionSeconds * 1000, interviewDeadline ?? Infinity);
      const asking = { question, startedAt: questionStart, draft: '' };
      current = asking;
      let typed;
      try {
        typed = await terminal.show(
          answerScreen({
            title: `Question ${index + 1}/${plan.length}`,
            category: question.category,
            question: question.question,
            prompt: question.prompt,
            deadline,
            interviewDeadline,
            onDraft: (text) => (asking.draft = text),
          }),
        );
      } catch (error) {
        if (saveFailure) throw saveFailure;
        if (error instanceof InterruptedError && error.exitCode === ExitCode.interrupted) {
          terminal.close();
          const id = session.report.id;
          note(ctx.stderr, err.dim(`Stopped. Saved as ${id} (abandoned): kfq mock --report ${id}`));
        }
        throw error;
      }
      current = undefined;
      const secondsUsed = ((typed.timedOut ? deadline : Date.now()) - questionStart) / 1000;
      session.answer(question, typed.answer, secondsUsed, typed.timedOut);
    }
    session.finish(ctx.now());
  } finally {
    stopListener();
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
