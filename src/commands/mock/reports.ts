// kfq mock list and mock report: past interviews, from the saved reports.
import { categoryScores } from '../../practice/interview.js';
import { findReport, loadSavedReports, type SavedReports } from '../../store/interviewReports.js';
import { renderReport, renderReportList } from './report.js';
import { note, printJson, printLines, warnProblems } from '../../ui/output.js';
import type { CommandContext } from '../context.js';
import { ExitCode } from '../../errors.js';
import { layoutWidth } from '../shared.js';

export function listInterviews(ctx: CommandContext, json: boolean): number {
  const { reports } = savedReports(ctx);
  if (json) {
    printJson(
      ctx.stdout,
      reports.map(({ id, startedAt, finishedAt, status, perQuestionSeconds, planned, score, questions }) => ({
        id,
        startedAt,
        finishedAt,
        status,
        perQuestionSeconds,
        planned,
        questions: questions.length,
        score,
      })),
    );
    return ExitCode.ok;
  }
  if (reports.length === 0) {
    note(ctx.stderr, 'No interviews yet: run kfq mock to take one.');
    return ExitCode.ok;
  }
  printLines(ctx.stdout, renderReportList(reports, layoutWidth(ctx)));
  return ExitCode.ok;
}

export function showInterview(ctx: CommandContext, ref: string, json: boolean): number {
  const report = findReport(savedReports(ctx), ref);
  if (json) {
    printJson(ctx.stdout, { ...report, categories: categoryScores(report.questions) });
    return ExitCode.ok;
  }
  printLines(ctx.stdout, renderReport(report, layoutWidth(ctx)));
  return ExitCode.ok;
}

function savedReports(ctx: CommandContext): SavedReports {
  const saved = loadSavedReports(ctx.paths);
  warnProblems(ctx.stderr, saved.problems);
  return saved;
}
