// kfq paths: where kfq keeps what it writes.
import type { CommandContext } from './context.js';
import { printJson, printLines } from '../ui/output.js';
import { out } from '../ui/theme.js';
import { ExitCode } from '../errors.js';

export async function run(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const paths = ctx.paths;
  if (options.json) {
    printJson(ctx.stdout, paths);
    return ExitCode.ok;
  }
  const rows: [string, string][] = [
    ['home', paths.home],
    ['decks', paths.decks],
    ['history', paths.history],
    ['reports', paths.reports],
    ['cache', paths.cache],
    ['config', paths.config],
    ...(paths.sync ? ([['sync', `${paths.sync.dir} (this machine: ${paths.sync.machine})`]] as [string, string][]) : []),
  ];
  printLines(ctx.stdout, [
    ...rows.map(([name, path]) => `${out.bold(name.padEnd(8))}${path}`),
    out.dim(ctx.env.KFQ_HOME ? 'home is set by KFQ_HOME' : 'set KFQ_HOME to keep them elsewhere'),
  ]);
  return ExitCode.ok;
}
