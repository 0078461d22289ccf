// The saved interview reports, with a warning for each damaged one: what
// mock, stats and export --history read. With a sync folder: every machine's.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadReports, type SavedReports } from '../store/interviewReports.js';
import { warn } from '../ui/output.js';
import type { CommandContext } from './context.js';

export function savedReports(ctx: CommandContext): SavedReports {
  const { paths } = ctx;
  const saved = paths.sync ? allMachines(paths.sync.reports) : loadReports(paths.reports);
  for (const problem of saved.problems) warn(ctx.stderr, `${problem.file}: ${problem.message}`);
  return saved;
}

function allMachines(root: string): SavedReports {
  let machines: string[];
  try {
    machines = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name);
  } catch {
    machines = [];
  }
  const all: SavedReports = { reports: [], problems: [] };
  for (const machine of machines.sort()) {
    const saved = loadReports(join(root, machine));
    all.reports.push(...saved.reports);
    all.problems.push(...saved.problems);
  }
  all.reports.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  return all;
}
