// Every temp file of a test run goes under one folder, removed when the run
// ends: tests, and the kfq and tmux processes they start, make theirs with
// os.tmpdir(), which follows TMPDIR. Each project lists this setup; the first
// makes the folder and the others use it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  if (process.env.KFQ_TEST_TMPDIR) return () => undefined;
  const folder = mkdtempSync(join(tmpdir(), 'kfq-test-'));
  // Hostile tests run kfq as an unprivileged user, which must reach its files in here.
  chmodSync(folder, 0o755);
  process.env.KFQ_TEST_TMPDIR = folder;
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
