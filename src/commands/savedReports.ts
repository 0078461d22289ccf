// The saved interview reports, with a warning for each damaged one: what
// mock, stats and export --history read.
import { loadReports, type SavedReports } from '../store/interviewReports.js';
import { warn } from '../ui/output.js';
import type { CommandContext } from './context.js';

export function savedReports(ctx: CommandContext): SavedReports {
  const saved = loadReports(ctx.paths.reports);
  for (const problem of saved.problems) warn(ctx.stderr, `${problem.file}: ${problem.message}`);
  return saved;
}
