// kfq mock --list and --report: past interviews, from the saved reports.
import { categoryScores } from '../practice/interview.js';
import { findReport } from '../store/interviewReports.js';
import { kfqPaths } from '../store/paths.js';
import { renderReport, renderReportList } from '../ui/mockReport.js';
import { note, printJson, printLines } from '../ui/output.js';
import { terminalWidth } from '../ui/text.js';
import { savedReports } from './savedReports.js';

export function listInterviews(json: boolean): void {
  const { reports } = savedReports(kfqPaths());
  if (json) {
    return printJson(
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
  }
  if (reports.length === 0) return note('No interviews yet: run kfq mock to take one.');
  printLines(renderReportList(reports, terminalWidth()));
}

export function showInterview(ref: string, json: boolean): void {
  const report = findReport(savedReports(kfqPaths()), ref);
  if (json) return printJson({ ...report, categories: categoryScores(report.questions) });
  printLines(renderReport(report, terminalWidth()));
}
