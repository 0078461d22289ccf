// Makes dist/main.cjs.cache: V8's compiled code for the commands people start
// most, by running them once in a child process whose V8 flags are those of a
// normal start (no NODE_OPTIONS), with a throwaway home. The cache is tied to
// the bundle's path, so a copied dist/ (the benchmark's) is trained again.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The commands whose start-up the benchmark times, plain and --json.
const TRAINING = [['--help'], ['list'], ['list', '--json'], ['show', '1'], ['show', '1', '--json'], ['search', 'katib'], ['search', 'katib', '--json']];

export function trainCodeCache(distDir) {
  const home = mkdtempSync(join(tmpdir(), 'kfq-train-'));
  try {
    const env = { ...process.env, KFQ_HOME: home, NO_COLOR: '1' };
    for (const name of ['NODE_OPTIONS', 'KFQ_DECK', 'FORCE_COLOR']) delete env[name];
    const script = `require(${JSON.stringify(join(distDir, 'boot.cjs'))}).train(${JSON.stringify(distDir)}, ${JSON.stringify(TRAINING)}).catch((error) => { console.error(error); process.exit(1); })`;
    const result = spawnSync(process.execPath, ['-e', script], { cwd: home, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`training the code cache failed:\n${result.stderr}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
