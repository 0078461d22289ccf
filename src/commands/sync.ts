// kfq sync init PATH: start practising on several machines through PATH.
import { join, resolve } from 'node:path';
import { ExitCode } from '../errors.js';
import { kfqPaths } from '../store/paths.js';
import { initSyncFolder } from '../store/syncInit.js';
import { note } from '../ui/output.js';
import { safeLine } from '../ui/text.js';
import type { CommandContext } from './context.js';
import { plural } from '../model/plural.js';

export async function init(ctx: CommandContext, path: string, _options: object): Promise<number> {
  const { paths } = ctx;
  const dir = resolve(path);
  const localLog = join(paths.home, 'reviews.jsonl');
  const result = initSyncFolder(dir, paths.home, localLog, join(paths.home, 'reports'), paths.config);
  const moved = [
    result.copiedLog ? 'your review log' : '',
    result.copiedReports > 0 ? plural(result.copiedReports, 'interview report') : '',
  ].filter(Boolean);
  note(
    ctx.stderr,
    safeLine(
      `${moved.length > 0 ? `copied ${moved.join(' and ')}` : 'nothing to copy yet'} into ${dir} (this machine is ${result.machine})`,
    ),
  );
  if (result.copiedLog) note(ctx.stderr, safeLine(`the local log ${localLog} is kept as it was, as a backup; kfq no longer writes to it`));
  note(
    ctx.stderr,
    safeLine(`sync.dir is set in ${result.configFile}: kfq now reads every machine's history there and writes this machine's`),
  );
  // Worked out again: the config file now names the folder.
  const now = kfqPaths(ctx.env);
  if (now.sync?.dir !== dir) note(ctx.stderr, safeLine(`note: KFQ_SYNC_DIR is set (${now.sync?.dir ?? ''}) and wins over sync.dir`));
  note(ctx.stderr, 'On another machine: kfq sync init with the same folder (after cloning or syncing it).');
  return ExitCode.ok;
}
