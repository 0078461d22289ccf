// How a typed answer covers the reference, as shown under "Your answer": the
// score, the counts of points covered, partly covered, missed and contradicted,
// and the points missed; or (expanded) every point with the words that matched.
// Every screen renders coverage through this one function.
import type { AnswerScore } from '../practice/scoring.js';
import { coverageDetails, coverageSummary } from './coverage.js';
import { out } from './theme.js';

/** At most this many lines of the summary while collapsed. */
const COLLAPSED_LINES = 5;

export function coverageLines(score: AnswerScore, width: number, expanded: boolean): string[] {
  if (score.points.length === 0) return [];
  if (expanded) return [...coverageDetails(score, width), `  ${out.dim('c hides the list')}`];
  const summary = coverageSummary(score, width);
  const shown =
    summary.length > COLLAPSED_LINES
      ? [...summary.slice(0, COLLAPSED_LINES - 1), `  ${out.dim(`… ${summary.length - COLLAPSED_LINES + 1} more`)}`]
      : summary;
  return [...shown, `  ${out.dim('c lists every point')}`];
}
