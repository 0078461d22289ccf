// Interview reports as terminal text: the full report after an interview (or
// with --report), and the one-line-per-interview list of --list.
import { formatClock, formatDuration, localDateTime } from '../../practice/time.js';
import { categoryScores, timeUsed } from '../../practice/interview.js';
import { type InterviewAnswer, type InterviewReport } from '../../model/interview.js';
import { coverageDetails } from '../../ui/coverage.js';
import { renderMarkdown } from '../../ui/markdown.js';
import { out } from '../../ui/theme.js';
import { safeLine, visibleWidth, wrap } from '../../ui/text.js';
import { plural } from '../../model/plural.js';

export function renderReport(report: InterviewReport, width: number): string[] {
  const page = reportPage(report, width);
  return [...page.header, ...page.body];
}

/** The report as a page: what it is and its score stay pinned, the answers scroll. */
export function reportPage(report: InterviewReport, width: number): { header: string[]; body: string[] } {
  const reached = report.questions.length;
  const header = [
    // A report is a file anyone can edit: its id is shown like deck text, never raw.
    ...wrap(out.bold(`Mock interview ${safeLine(report.id)}`) + out.dim(` · ${statusLabel(report)}`), width),
    ...wrap(
      out.dim(
        `${reached === report.planned ? plural(reached, 'question') : `${reached} of ${plural(report.planned, 'question')}`} · ${formatDuration(report.perQuestionSeconds)} each` +
          (report.totalSeconds === null ? '' : ` · ${formatDuration(report.totalSeconds)} in all`),
      ),
      width,
    ),
  ];
  const lines: string[] = [];
  report.questions.forEach((answer, index) => lines.push('', ...renderAnswer(answer, index, width)));
  lines.push('', out.bold(`Score ${report.score}/100`) + `  ${scoreBar(report.score, Math.min(20, width - 16))}`);
  const categories = categoryScores(report.questions);
  if (categories.length > 0) {
    lines.push('', out.bold('By category'));
    // Right-aligned on a terminal; in a pipe, a column after the longest name.
    const nameColumn = Math.max(...categories.map((category) => visibleWidth(safeLine(category.category)))) + 2;
    for (const category of categories) {
      const name = safeLine(category.category);
      const right = `${String(category.score).padStart(3)}/100 · ${plural(category.questions, 'question')}`;
      const gap = (Number.isFinite(width) ? width - 2 - right.length : nameColumn) - visibleWidth(name);
      // Narrow terminals put the numbers under the name rather than cut the name.
      if (gap >= 2) lines.push(`  ${name}${' '.repeat(gap)}${right}`);
      else lines.push(...wrap(name, width, '  '), `    ${right.trimStart()}`);
    }
  }
  const limit = report.totalSeconds === null ? '' : out.dim(` (limit ${formatClock(report.totalSeconds)})`);
  lines.push('', `Total time ${formatClock(timeUsed(report))}${limit}`);
  return { header, body: lines };
}

function renderAnswer(answer: InterviewAnswer, index: number, width: number): string[] {
  const indent = '   ';
  const inner = width - indent.length;
  const timing = `${formatClock(answer.secondsUsed)}${answer.timedOut ? ` · ${out.yellow('timed out')}` : ''}`;
  const rating = answer.rating === null ? '' : ` · graded ${answer.rating}`;
  const score = answer.points ? `score ${Math.round(answer.coverage * 100)}` : `${Math.round(answer.coverage * 100)}%`;
  const lines = [
    ...wrap(`${out.bold(`${index + 1}.`)} ${out.dim(`${safeLine(answer.category)} · ${timing}${rating} · ${score}`)}`, width),
    ...wrap(out.bold(safeLine(answer.question)), width, indent),
    `${indent}${out.underline('Your answer')}`,
    ...(answer.answer === '' ? [`${indent}${out.dim('(nothing typed)')}`] : wrap(safeLine(answer.answer), width, indent)),
    `${indent}${out.underline('Reference')}`,
    ...renderMarkdown(answer.reference, inner)
      .split('\n')
      .map((line) => (line === '' ? '' : indent + line)),
  ];
  if (answer.points && answer.suggestedRating !== undefined) {
    const view = {
      score: Math.round(answer.coverage * 100),
      points: answer.points,
      notes: answer.notes ?? [],
      suggestedRating: answer.suggestedRating,
    };
    return [...lines, `${indent}${out.underline('Points')}`, ...coverageDetails(view, width, indent)];
  }
  // Reports saved before grading by points have only the terms.
  if (answer.covered.length > 0) lines.push(...wrap(`${out.green('Covered:')} ${answer.covered.map(safeLine).join(', ')}`, width, indent));
  if (answer.missed.length > 0) lines.push(...wrap(`${out.red('Missed:')} ${answer.missed.map(safeLine).join(', ')}`, width, indent));
  return lines;
}

function scoreBar(score: number, cells: number): string {
  if (cells < 5) return '';
  const filled = Math.round((score / 100) * cells);
  return out.level > 0
    ? out.green('█'.repeat(filled)) + out.dim('░'.repeat(cells - filled))
    : `[${'#'.repeat(filled)}${'.'.repeat(cells - filled)}]`;
}

function statusLabel(report: Pick<InterviewReport, 'status'>): string {
  return report.status === 'in-progress' ? 'unfinished' : report.status;
}

/** One line per interview, newest last; narrow terminals lose the date column (the id holds the date too). */
export function renderReportList(reports: readonly InterviewReport[], width: number): string[] {
  const wide = width >= 60;
  const ids = reports.map((report) => safeLine(report.id));
  const idWidth = Math.max(2, ...ids.map((id) => visibleWidth(id)));
  const questionsLabel = wide ? 'QUESTIONS' : 'QS';
  const counts = reports.map((report) => `${report.questions.length}/${report.planned}`);
  const countWidth = Math.max(questionsLabel.length, ...counts.map((count) => count.length));
  const row = (id: string, started: string, questions: string, score: string, status: string): string =>
    [id.padEnd(idWidth), ...(wide ? [started.padEnd(16)] : []), questions.padStart(countWidth), score.padStart(5), status].join('  ');
  return [
    out.dim(row('ID', 'STARTED', questionsLabel, 'SCORE', 'STATUS')),
    ...reports.map((report, i) => row(ids[i]!, localDateTime(report.startedAt), counts[i]!, String(report.score), statusLabel(report))),
  ];
}
