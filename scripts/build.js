// Bundles src/main.ts into dist/: one small entry plus a chunk per command, so
// start-up parses only what the chosen command needs. It builds into a fresh
// folder and swaps it in, so a test running the old build never sees half a dist/.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// commander loads node:child_process (and with it net, dgram, streams) at start
// for executable subcommands, which kfq does not use: 2 ms of every start. It
// gets a stand-in that loads the real module if ever called.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };", loader: 'js' }));
  },
};
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const staging = `${root}dist.build-${process.pid}`;

try {
  await build({
    entryPoints: [`${root}src/main.ts`],
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    define: { KFQ_VERSION: JSON.stringify(version) },
    // gray-matter and js-yaml are CommonJS and call require() for Node built-ins;
    // made on first use, as most chunks never call it.
    banner: { js: "import { createRequire as __kfqCreateRequire } from 'node:module'; let __kfqRequire; const require = (id) => (__kfqRequire ??= __kfqCreateRequire(import.meta.url))(id);" },
    plugins: [lazyChildProcess],
    legalComments: 'none',
    logLevel: 'warning',
  });
  rmSync(`${root}dist`, { recursive: true, force: true });
  renameSync(staging, `${root}dist`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
