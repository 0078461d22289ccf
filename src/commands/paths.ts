// kfq paths: where kfq keeps what it writes.
import type { GlobalOptions } from '../cli.js';
import { kfqPaths } from '../store/paths.js';
import { printJson, printLines } from '../ui/output.js';
import { out } from '../ui/theme.js';

export async function run(options: { json?: boolean }, _globals: GlobalOptions): Promise<void> {
  const paths = kfqPaths();
  if (options.json) return printJson(paths);
  const rows: [string, string][] = [
    ['home', paths.home],
    ['decks', paths.decks],
    ['history', paths.history],
    ['reports', paths.reports],
    ['cache', paths.cache],
    ['config', paths.config],
  ];
  printLines([...rows.map(([name, path]) => `${out.bold(name.padEnd(8))}${path}`), out.dim(process.env.KFQ_HOME ? 'home is set by KFQ_HOME' : 'set KFQ_HOME to keep them elsewhere')]);
}
