// The house's layers, lowest first: a module imports only from its own layer
// and the layers below it, never from a layer beside it or above it.
// test/unit/architecture.test.ts runs this on src/ and test/ (and on a planted fixture).
// errors.ts and model/ are the floor: both import nothing of kfq.
// boot.ts is the bundle loader bin/kfq.js runs: it imports no kfq module but store/home.ts (which imports none), and none imports it.
const LAYERS = [['errors', 'model'], ['store'], ['deck'], ['search', 'practice'], ['ui', 'export'], ['commands'], ['cli']];

const PATHS = {
  errors: '^src/errors\\.ts$',
  model: '^src/model/',
  store: '^src/store/',
  deck: '^src/deck/',
  search: '^src/search/',
  practice: '^src/practice/',
  ui: '^src/ui/',
  export: '^src/export/',
  commands: '^src/commands/',
  cli: '^src/cli(\\.ts$|/)',
};

const layerRules = LAYERS.flatMap((rank, level) =>
  rank.flatMap((layer) => {
    const forbidden = [...rank.filter((other) => other !== layer), ...LAYERS.slice(level + 1).flat()];
    if (forbidden.length === 0) return [];
    return {
      name: `layer-${layer}`,
      comment: `${layer} imports only from the layers below it, not from ${forbidden.join(', ')}`,
      severity: 'error',
      from: { path: PATHS[layer] },
      to: { path: forbidden.map((other) => PATHS[other]) },
    };
  }),
);

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'practice-not-to-store',
      comment:
        'practice writes through the sinks it is given (ReviewSink, ReportSink) and replays what it is handed; the commands wire the store in',
      severity: 'error',
      from: { path: PATHS.practice },
      to: { path: PATHS.store },
    },
    {
      name: 'ui-not-to-store',
      comment: 'ui renders what it is given; it never reads or writes files',
      severity: 'error',
      from: { path: PATHS.ui },
      to: { path: PATHS.store },
    },
    {
      name: 'not-to-cli',
      comment:
        'cli.ts (with its command definitions in cli/) is the top: it builds the command context and imports the commands, never the other way round (tests may import it)',
      severity: 'error',
      from: { path: '^src/', pathNot: PATHS.cli },
      to: { path: PATHS.cli },
    },
    {
      name: 'boot-alone',
      comment:
        'boot.ts loads the built bundle; it shares no module with kfq but store/home.ts, which names the folder its code cache lives in, and model/commandLine.ts, which finds the command named',
      severity: 'error',
      from: { path: '^src/boot\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(store/home|model/commandLine)\\.ts$' },
    },
    {
      name: 'home-alone',
      comment:
        'store/home.ts and model/commandLine.ts are bundled into boot.ts too: they import no kfq module, so boot stays small and apart',
      severity: 'error',
      from: { path: '^src/(store/home|model/commandLine)\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'not-to-boot',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/boot\\.ts$' },
    },
    {
      name: 'in-a-layer',
      comment: 'every module of src/ belongs to a layer, so the rules above see it',
      severity: 'error',
      from: { path: '^src/', pathNot: [...Object.values(PATHS), '^src/boot\\.ts$'] },
      to: { path: '^src/' },
    },
    {
      name: 'fuse-through-adapter',
      comment: 'fuse.js internals are reached in one file, src/search/fuse.ts, so a version bump touches only it',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/search/fuse\\.ts$' },
      to: { path: 'node_modules/fuse\\.js/' },
    },
    {
      name: 'gray-matter-through-adapter',
      comment: 'gray-matter (and its engines) is reached in one file, src/deck/grayMatter.ts',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/deck/grayMatter\\.ts$' },
      to: { path: 'node_modules/gray-matter/' },
    },
    {
      name: 'test-not-to-bench',
      comment:
        'the benchmark reads the evaluation sets and the synthetic data generator from test/ (fixtures, support), never the other way round',
      severity: 'error',
      from: { path: '^test/' },
      to: { path: '^bench/' },
    },
    {
      name: 'no-circular',
      comment: 'a circle of imports has no bottom to test or load from',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: they tie the layers together just the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
