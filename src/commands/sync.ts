// kfq sync init PATH: start practising on several machines through PATH.
import { join, resolve } from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { kfqPaths } from '../store/paths.js';
import { initSyncFolder } from '../store/syncInit.js';
import { note } from '../ui/output.js';
import { safeLine } from '../ui/text.js';
import { plural } from '../model/plural.js';

export async function init(path: string, _options: object, _globals: GlobalOptions): Promise<void> {
  const paths = kfqPaths();
  const dir = resolve(path);
  const localLog = join(paths.home, 'reviews.jsonl');
  const result = initSyncFolder(dir, paths.home, localLog, join(paths.home, 'reports'), paths.config);
  const moved = [result.copiedLog ? 'your review log' : '', result.copiedReports > 0 ? plural(result.copiedReports, 'interview report') : ''].filter(Boolean);
  note(safeLine(`${moved.length > 0 ? `copied ${moved.join(' and ')}` : 'nothing to copy yet'} into ${dir} (this machine is ${result.machine})`));
  if (result.copiedLog) note(safeLine(`the local log ${localLog} is kept as it was, as a backup; kfq no longer writes to it`));
  note(safeLine(`sync.dir is set in ${result.configFile}: kfq now reads every machine's history there and writes this machine's`));
  const now = kfqPaths();
  if (now.sync?.dir !== dir) note(safeLine(`note: KFQ_SYNC_DIR is set (${now.sync?.dir ?? ''}) and wins over sync.dir`));
  note('On another machine: kfq sync init with the same folder (after cloning or syncing it).');
}
