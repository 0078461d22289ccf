import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let outputs: Metafile['outputs'];

// dist/main.cjs is one file, but esbuild evaluates each module in it only when
// something that runs imports it: the entry's static imports at start, a
// command's when that command runs. A split build of the same entry, in memory,
// shows those import graphs chunk by chunk.
beforeAll(async () => {
  const result = await build({
    entryPoints: [`${root}src/cli.ts`],
    outdir: `${root}dist-test`,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  outputs = result.metafile.outputs;
}, 30_000);

/** The chunks a command evaluates before it runs: its own and every chunk imported statically from it or from the entry. */
function chunksLoadedBy(entryPoint: string): Set<string> {
  const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === entryPoint);
  if (!entry) throw new Error(`no chunk for ${entryPoint}`);
  const chunks = new Set<string>();
  const visit = (name: string): void => {
    if (chunks.has(name)) return;
    chunks.add(name);
    for (const imported of outputs[name]!.imports) if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
  };
  visit(entry);
  visit(Object.keys(outputs).find((name) => outputs[name]!.entryPoint === 'src/cli.ts')!);
  return chunks;
}

/** The packages a command evaluates before it runs. */
function packagesLoadedBy(entryPoint: string): Set<string> {
  const packages = new Set<string>();
  for (const chunk of chunksLoadedBy(entryPoint)) {
    for (const input of Object.keys(outputs[chunk]!.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      if (name) packages.add(name);
    }
  }
  return packages;
}

// What each command must not evaluate before it runs: the deck parser (gray-matter,
// js-yaml, marked) only on a cache miss, and no library another command needs.
const HEAVY = ['gray-matter', 'js-yaml', 'marked', 'fuse.js', 'ts-fsrs', '@inquirer/core'];
const allowed: Record<string, string[]> = {
  'src/cli.ts': [],
  'src/commands/list.ts': [],
  'src/commands/show.ts': [],
  'src/commands/search.ts': [],
  'src/commands/stats/index.ts': ['ts-fsrs'],
  'src/commands/history.ts': [],
  'src/commands/deck.ts': [],
  'src/commands/mock/reports.ts': ['marked'],
  'src/commands/export.ts': [],
};

describe('the chunks each command loads', () => {
  it.each(Object.entries(allowed))('%s loads none of the heavy libraries it does not use', (entryPoint, uses) => {
    const loaded = packagesLoadedBy(entryPoint);
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual(uses);
  });
});

describe('fuse.js in a search', () => {
  // The search decides from the query whether it needs fuse.js (see search.test.ts); here, that fuse.js comes only that way.
  it('is not loaded by the search command before it runs, only through the dynamic import of src/search/fuse.ts', () => {
    expect(packagesLoadedBy('src/commands/search.ts').has('fuse.js')).toBe(false);
    expect(packagesLoadedBy('src/search/fuse.ts').has('fuse.js')).toBe(true);
    const withFuse = Object.keys(outputs).filter((name) =>
      Object.keys(outputs[name]!.inputs).some((input) => input.includes('node_modules/fuse.js/')),
    );
    expect(withFuse.map((name) => outputs[name]!.entryPoint)).toEqual(['src/search/fuse.ts']);
  });
});

describe('the Node modules each start loads', () => {
  // node:crypto loads a dozen internal modules; kfq needs randomness only when it writes (Web Crypto, loaded then).
  // (commander's node:child_process is swapped for a lazy stand-in by scripts/build.js.)
  it.each(['src/cli.ts', 'src/commands/list.ts', 'src/commands/show.ts', 'src/commands/search.ts'])(
    '%s does not import node:crypto',
    (entryPoint) => {
      const builtins = [...chunksLoadedBy(entryPoint)].flatMap((chunk) =>
        outputs[chunk]!.imports.filter((imported) => imported.external).map((imported) => imported.path),
      );
      expect(builtins).toContain('node:fs');
      expect(builtins.filter((name) => /^(node:)?crypto$/.test(name))).toEqual([]);
    },
  );
});
