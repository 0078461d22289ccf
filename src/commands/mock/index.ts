// `kfq mock`: a timed mock interview, its scored report and a quick
// self-review; `--list` and `--report` show saved interviews again.
import { randomInt } from 'node:crypto';
import type { CommandContext } from '../context.js';
import type { Question } from '../../model/question.js';
import { ExitCode, NotFoundError, UsageError } from '../../errors.js';
import { formatDuration, parseDuration } from '../../practice/time.js';
import { planInterview } from '../../practice/interview.js';
import { InterviewSession } from '../../practice/interviewSession.js';
import { type InterviewReport } from '../../model/interview.js';
import { newReportId, reportSink } from '../../store/interviewReports.js';
import { ensureWritableHome } from '../../store/paths.js';
import { reviewLogSink } from '../../store/reviewLog.js';
import { answerPrompt, gradePrompt, startScreen } from './prompts.js';
import { renderReport } from './report.js';
import { note, printLines } from '../../ui/output.js';
import { watchInterrupts } from '../../ui/interrupts.js';
import { runPrompt } from '../../ui/prompt.js';
import { err, out } from '../../ui/theme.js';
import { safeLine, truncate, wrap } from '../../ui/text.js';
import { requireInteractiveTerminal } from '../../ui/tty.js';
import { readHistory } from '../reviewHistory.js';
import { layoutWidth, loadSelection } from '../shared.js';

export interface MockOptions {
  count: number;
  perQuestion: string;
  total?: string;
  category?: string;
  seed?: number;
  list?: boolean;
  report?: string | true;
  json?: boolean;
}

export async function run(ctx: CommandContext, options: MockOptions): Promise<number> {
  if (options.list && options.report !== undefined) throw new UsageError('use either --list or --report, not both');
  // Past interviews need neither prompts nor the scheduler.
  if (options.list) return (await import('./reports.js')).listInterviews(ctx, Boolean(options.json));
  if (options.report !== undefined) return (await import('./reports.js')).showInterview(ctx, options.report === true ? 'last' : options.report, Boolean(options.json));
  if (options.json) throw new UsageError('--json goes with --list or --report', { hint: 'kfq mock --report last --json' });

  const perQuestionSeconds = parseDuration(options.perQuestion, '--per-question');
  const totalSeconds = options.total === undefined ? null : parseDuration(options.total, '--total');
  requireInteractiveTerminal('kfq mock');
  const paths = ctx.paths;
  ensureWritableHome(paths);

  const { questions } = await loadSelection(ctx, options.category);
  if (questions.length === 0) throw new NotFoundError('no questions to ask in the selected decks');
  const log = readHistory(ctx);
  const seed = options.seed ?? randomInt(2 ** 31);
  const plan = planInterview({ questions, states: log.cardStates(questions), count: options.count, seed, now: ctx.now() });

  const started = await runPrompt(startScreen, { lines: startLines(ctx, plan, options.count, perQuestionSeconds, totalSeconds) }, { clearOnDone: true });
  if (!started) return ExitCode.ok;
  const startedAt = ctx.now();
  const limits = { perQuestionSeconds, totalSeconds, seed };
  const start = { id: newReportId(paths.reports, startedAt), startedAt, ...limits, planned: plan.length };
  const session = new InterviewSession(start, reportSink(paths.reports), reviewLogSink(paths.history));
  const report = await interview(ctx, session, plan, limits);
  printLines(ctx.stdout, ['', ...renderReport(report, layoutWidth(ctx))]);
  for (const line of wrap(`Saved as ${report.id}; see it again with kfq mock --report ${report.id}`, layoutWidth(ctx))) note(ctx.stderr, err.dim(line));
  await selfReview(ctx, session);
  return ExitCode.ok;
}

function startLines(ctx: CommandContext, plan: Question[], asked: number, perQuestionSeconds: number, totalSeconds: number | null): string[] {
  const width = layoutWidth(ctx);
  const total = totalSeconds === null ? plan.length * perQuestionSeconds : Math.min(totalSeconds, plan.length * perQuestionSeconds);
  const categories = new Set(plan.map((question) => question.category)).size;
  const lines = [
    `${plan.length} questions from ${categories} ${categories === 1 ? 'category' : 'categories'}${plan.length < asked ? ` (only ${plan.length} in the selection)` : ''}`,
    `${formatDuration(perQuestionSeconds)} for each question, ${formatDuration(total)} at most${totalSeconds === null ? '' : ' (the limit for the whole interview)'}`,
  ];
  const keys = [
    'Type your answer on one line; Enter submits it.',
    'When the time is up, what you typed is kept and the next question starts.',
    'Ctrl+C stops the interview; everything typed so far is saved.',
  ];
  return [out.bold('Mock interview'), '', ...lines.flatMap((line) => wrap(line, width)), '', ...keys.flatMap((line) => wrap(line, width).map((part) => out.dim(part)))];
}

interface Limits {
  perQuestionSeconds: number;
  totalSeconds: number | null;
  seed: number;
}

/**
 * Asks the planned questions and returns the completed report. The report is
 * saved after every answer; a signal (or Ctrl+C) saves it as abandoned, with
 * the partial answer of the current question, and throws InterruptedError.
 */
async function interview(ctx: CommandContext, session: InterviewSession, plan: Question[], limits: Limits): Promise<InterviewReport> {
  // Deadlines run on the real clock, like the countdown (the context clock may be set back or forth by KFQ_NOW).
  const interviewDeadline = limits.totalSeconds === null ? undefined : Date.now() + limits.totalSeconds * 1000;

  let current: { question: Question; startedAt: number; draft: string } | undefined;
  let saveFailure: unknown;
  const stop = (): void => {
    // Saved before anything else: after SIGHUP the terminal may already be gone.
    const partial = current && { question: current.question, typed: current.draft, secondsUsed: (Date.now() - current.startedAt) / 1000 };
    current = undefined;
    try {
      session.abandon(ctx.now(), partial);
    } catch (error) {
      // Thrown from a signal listener it would crash the process; the loop rethrows it.
      saveFailure = error;
    }
  };
  // A closed terminal ends stdin before SIGHUP arrives, and readline then dies
  // on the dead terminal: save first (this listener runs before the prompt's).
  const interrupts = watchInterrupts({ stdinEnd: true, onStop: stop });

  try {
    for (const [index, question] of plan.entries()) {
      const questionStart = Date.now();
      if (interviewDeadline !== undefined && questionStart >= interviewDeadline) break;
      const deadline = Math.min(questionStart + limits.perQuestionSeconds * 1000, interviewDeadline ?? Infinity);
      if (index > 0) printLines(ctx.stdout, ['']);
      const asking = { question, startedAt: questionStart, draft: '' };
      current = asking;
      let typed;
      try {
        typed = await answerPrompt(
          {
            title: `Question ${index + 1}/${plan.length}`,
            category: question.category,
            question: question.question,
            deadline,
            interviewDeadline,
            onDraft: (text) => (asking.draft = text),
          },
          { signal: interrupts.signal },
        );
      } catch (error) {
        // Ctrl+C reaches the prompt as a key, not a signal: interruption() stops (and saves) for it.
        const interruption = interrupts.interruption(error);
        if (saveFailure) throw saveFailure;
        if (!interruption) throw error;
        if (interrupts.received === 'SIGINT') note(ctx.stderr, err.dim(`Stopped. Saved as ${session.report.id} (abandoned): kfq mock --report ${session.report.id}`));
        throw interruption;
      }
      current = undefined;
      const secondsUsed = ((typed.timedOut ? deadline : Date.now()) - questionStart) / 1000;
      session.answer(question, typed.answer, secondsUsed, typed.timedOut);
    }
    session.finish(ctx.now());
    return session.report;
  } finally {
    interrupts.dispose();
  }
}

/** Optional grades, logged like drill grades so a flubbed question comes back sooner. */
async function selfReview(ctx: CommandContext, session: InterviewSession): Promise<void> {
  const report = session.report;
  if (report.questions.length === 0) return;
  const width = layoutWidth(ctx);
  printLines(ctx.stdout, ['', out.bold('Self-review'), ...wrap('Grade each answer like a drill card, or skip it. Grades go into your review history.', width).map((line) => out.dim(line))]);
  for (const [index, answer] of report.questions.entries()) {
    const prefix = `${index + 1}/${report.questions.length} `;
    const grade = await runPrompt(gradePrompt, { label: prefix + truncate(safeLine(answer.question), Math.max(10, width - prefix.length - 12)) });
    if (grade === 'stop') break;
    if (grade === 'skip') continue;
    session.grade(index, grade, ctx.now());
  }
}
