// `kfq mock`: a timed mock interview, its scored report and a quick
// self-review; `--list` and `--report` show saved interviews again.
import { randomInt } from 'node:crypto';
import type { GlobalOptions } from '../cli.js';
import type { Question } from '../deck/model.js';
import { ExitCode, InterruptedError, NotFoundError, UsageError } from '../errors.js';
import { formatDuration, parseDuration } from '../practice/duration.js';
import { gradingOptions } from '../practice/grading.js';
import { scoreAnswer } from '../practice/scoring.js';
import { addAnswer, finishReport, planInterview, rateAnswer, scoreInterviewAnswer, startReport, type InterviewReport } from '../practice/interview.js';
import type { GradingOptions } from '../practice/scoring.js';
import { saveNewReport, saveReport } from '../store/interviewReports.js';
import { checkLogAppendable } from '../store/reviewLogChecks.js';
import { ensureWritableHome, kfqPaths, type KfqPaths } from '../store/paths.js';
import { appendReview, reviewOf } from '../store/reviewLog.js';
import { readUserAliases } from '../store/userAliases.js';
import { answerScreen, choiceScreen, selfReviewScreen } from '../ui/mockPrompts.js';
import { renderReport, reportPage } from '../ui/mockReport.js';
import { note, printLines } from '../ui/output.js';
import { TerminalSession } from '../ui/terminalSession.js';
import { err, out } from '../ui/theme.js';
import { terminalWidth, wrap } from '../ui/text.js';
import { requireInteractiveTerminal } from '../ui/tty.js';
import { activePlan } from './activePlan.js';
import type { CommandContext } from './context.js';
import { readHistory } from './reviewHistory.js';
import { applySchedulerSettings } from './schedulerSettings.js';
import { loadSelection } from './shared.js';
import { plural } from '../model/plural.js';

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

export async function run(given: MockOptions, globals: GlobalOptions, ctx: CommandContext): Promise<void> {
  const settings = given.list || given.report !== undefined ? undefined : applySchedulerSettings(ctx);
  const options = { ...given, count: given.count ?? settings?.mock.count ?? 5, perQuestion: given.perQuestion ?? settings?.mock.perQuestion ?? '2m' };
  if (options.list && options.report !== undefined) throw new UsageError('use either --list or --report, not both');
  // Past interviews need neither prompts nor the scheduler.
  if (options.list) return (await import('./mockReports.js')).listInterviews(Boolean(options.json));
  if (options.report !== undefined) return (await import('./mockReports.js')).showInterview(options.report === true ? 'last' : options.report, Boolean(options.json));
  if (options.json) throw new UsageError('--json goes with --list or --report', { hint: 'kfq mock --report last --json' });

  const perQuestionSeconds = parseDuration(options.perQuestion, '--per-question');
  const totalSeconds = options.total === undefined ? null : parseDuration(options.total, '--total');
  requireInteractiveTerminal('kfq mock');
  const paths = kfqPaths();
  ensureWritableHome(paths);
  checkLogAppendable(paths.history);

  const { decks, questions } = await loadSelection(globals, options.category);
  const grading = gradingOptions(decks, readUserAliases(paths));
  if (questions.length === 0) throw new NotFoundError('no questions to ask in the selected decks');
  const log = readHistory(paths);
  const seed = options.seed ?? randomInt(2 ** 31);
  // During an interview plan, the categories weakest on the day are asked more.
  const active = settings ? await activePlan(ctx, settings) : undefined;
  const weakCategories = new Set(active && active !== 'over' ? active.plan.readiness.weakest : []);
  const plan = planInterview({ questions, states: log.cardStates(questions, settings?.drill.retention), count: options.count, seed, now: ctx.now(), weakCategories });

  const terminal = TerminalSession.open();
  let report: InterviewReport;
  try {
    const lines = startLines(plan, options.count, perQuestionSeconds, totalSeconds, terminal.plain ? Infinity : terminalWidth());
    const started = await terminal.show(choiceScreen({ header: [out.bold('Mock interview'), ''], body: lines, keys: 'Enter starts · q leaves', plainQuestion: 'Enter starts, q leaves: ' }));
    if (!started) return;
    report = await interview(plan, { perQuestionSeconds, totalSeconds, seed }, paths, terminal, grading);
    report = await reviewScreens(report, plan, paths, terminal, grading);
  } finally {
    terminal.close();
  }
  // The full screen is gone when the session closes: the report is printed again for the scrollback (plain terminals have it already).
  if (!terminal.plain) printLines(['', ...renderReport(report, terminalWidth())]);
  for (const line of wrap(`Saved as ${report.id}; see it again with kfq mock --report ${report.id}`, terminalWidth())) note(err.dim(line));
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
 * Asks the planned questions and returns the completed report. The report is
 * saved after every answer; a signal (or Ctrl+C) saves it as abandoned, with
 * the partial answer of the current question, and throws InterruptedError.
 */
async function interview(plan: Question[], limits: Limits, paths: KfqPaths, terminal: TerminalSession, grading: GradingOptions): Promise<InterviewReport> {
  const startedAt = new Date();
  let report = saveNewReport(paths.reports, startedAt, (id) => startReport({ id, startedAt, ...limits, planned: plan.length }));
  const interviewDeadline = limits.totalSeconds === null ? undefined : startedAt.getTime() + limits.totalSeconds * 1000;

  let current: { question: Question; startedAt: number; draft: string } | undefined;
  let saveFailure: unknown;
  // Saved at once, before anything else: after SIGHUP the terminal may already be gone.
  const stopListener = terminal.onStop(() => {
    if (current) report = addAnswer(report, scoreInterviewAnswer(current.question, current.draft, (Date.now() - current.startedAt) / 1000, false, grading));
    current = undefined;
    report = finishReport(report, 'abandoned', new Date());
    try {
      saveReport(paths.reports, report);
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
          note(err.dim(`Stopped. Saved as ${report.id} (abandoned): kfq mock --report ${report.id}`));
        }
        throw error;
      }
      current = undefined;
      const secondsUsed = ((typed.timedOut ? deadline : Date.now()) - questionStart) / 1000;
      report = addAnswer(report, scoreInterviewAnswer(question, typed.answer, secondsUsed, typed.timedOut, grading));
      saveReport(paths.reports, report);
    }
    report = finishReport(report, 'completed', new Date());
    saveReport(paths.reports, report);
    return report;
  } finally {
    stopListener();
  }
}

/** The report on screen, then optional grades, logged like drill grades so a flubbed question comes back sooner. */
async function reviewScreens(initial: InterviewReport, plan: readonly Question[], paths: KfqPaths, terminal: TerminalSession, grading: GradingOptions): Promise<InterviewReport> {
  let report = initial;
  const width = terminal.plain ? terminalWidth() : Math.min(terminalWidth(), 100);
  const page = reportPage(report, width);
  const canReview = report.questions.length > 0;
  const review = await terminal.show(
    choiceScreen({
      header: [...page.header, out.bold(`Score ${report.score}/100`)],
      body: [...page.body, '', ...wrap('Self-review: grade each answer like a drill card, or skip it. Grades go into your review history.', width).map((line) => out.dim(line))],
      keys: canReview ? 'Enter starts the self-review · q skips it' : 'Enter or q ends',
      plainQuestion: canReview ? 'Enter starts the self-review, q skips it: ' : 'Enter ends: ',
    }),
  );
  if (!review || !canReview) return report;
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
    appendReview(paths.history, reviewOf(answer, grade, new Date(), { durationMs: answer.secondsUsed * 1000, answer: answer.answer, mode: 'mock' }));
    report = rateAnswer(report, index, grade);
    saveReport(paths.reports, report);
  }
  return report;
}
