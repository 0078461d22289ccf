// The saved interview reports, with a warning for each damaged one: what
// mock, stats and export --history read.
import { loadReports, type SavedReports } from '../store/interviewReports.js';
import type { KfqPaths } from '../store/paths.js';
import { warn } from '../ui/output.js';

export function savedReports(paths: KfqPaths): SavedReports {
  const saved = loadReports(paths.reports);
  for (const problem of saved.problems) warn(`${problem.file}: ${problem.message}`);
  return saved;
}
