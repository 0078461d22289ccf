// Makes the code caches in dist/ (start.cjs.cache, start.cjs.COMMAND.cache for
// each command start.cjs runs, main.cjs.cache): V8's compiled code for the
// commands people start most, by running them once in a child process whose V8 flags are those of a
// normal start (no NODE_OPTIONS), with a throwaway home. The cache is tied to
// the bundle's path, so a copied dist/ (the benchmark's) is trained again.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The commands whose start-up the benchmark times, plain and --json.
const TRAINING = [
  ['--help'],
  ['list'],
  ['list', '--json'],
  ['show', '1'],
  ['show', '1', '--json'],
  ['search', 'katib'],
  ['search', 'katib', '--json'],
];

export function trainCodeCache(distDir) {
  const home = mkdtempSync(join(tmpdir(), 'kfq-train-'));
  try {
    const env = { ...process.env, KFQ_HOME: home, NO_COLOR: '1' };
    for (const name of ['NODE_OPTIONS', 'KFQ_DECK', 'FORCE_COLOR']) delete env[name];
    const boot = JSON.stringify(join(distDir, 'boot.cjs'));
    // First fill the deck cache and the deck's search index: parsing a deck and indexing it happen once per change, and their code would make every start's cache bigger.
    node(
      `require(${boot}).loadKfq(${JSON.stringify(distDir)}, { useCache: false }).kfq.main(['node', 'kfq', 'search', 'katib'])`,
      home,
      env,
    );
    // start.cjs: one cache for each command it runs, holding just that command's code, and one for --help.
    const commandOf = ([first]) => (first.startsWith('-') ? undefined : first);
    for (const command of new Set(TRAINING.map(commandOf))) {
      const argvs = TRAINING.filter((argv) => commandOf(argv) === command);
      train(distDir, { bundle: 'start.cjs', command }, argvs, home, env);
    }
    // main.cjs runs the other commands: what they share with these (the program, reading decks) is cached too.
    train(distDir, { bundle: 'main.cjs' }, TRAINING, home, env);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function train(distDir, start, argvs, home, env) {
  const boot = JSON.stringify(join(distDir, 'boot.cjs'));
  node(`require(${boot}).train(${JSON.stringify(distDir)}, ${JSON.stringify(start)}, ${JSON.stringify(argvs)})`, home, env);
}

function node(script, cwd, env) {
  const result = spawnSync(
    process.execPath,
    ['-e', `Promise.resolve(${script}).catch((error) => { console.error(error); process.exit(1); })`],
    { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`training the code cache failed:\n${result.stderr}`);
}
