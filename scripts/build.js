// Bundles kfq into dist/: main.cjs (src/cli.ts and every library it uses, in
// one CommonJS file, each module evaluated only when first imported), boot.cjs
// (src/boot.ts, which bin/kfq.js runs), main.cjs.cache (scripts/codeCache.js) and
// THIRD-PARTY-LICENSES.txt (the licences of the libraries inside main.cjs).
// It builds into a fresh folder and swaps it in, so a test running the old build
// never sees half a dist/.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { trainCodeCache } from './codeCache.js';
import { thirdPartyLicenses } from './licenses.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// commander loads node:child_process (and with it net, dgram, streams) at start
// for executable subcommands, which kfq does not use: 2 ms of every start. It
// gets a stand-in that loads the real module if ever called.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const staging = `${root}dist.build-${process.pid}`;
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'eof',
  logLevel: 'warning',
  minifyWhitespace: true,
  minifySyntax: true,
};

try {
  const main = await build({
    ...common,
    metafile: true,
    entryPoints: [`${root}src/cli.ts`],
    outfile: `${staging}/main.cjs`,
    define: { KFQ_VERSION: JSON.stringify(version), 'import.meta.url': '__kfqModuleUrl' },
    banner: { js: "const __kfqModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [lazyChildProcess],
    // The FSRS optimizer is an optional dependency with native parts, loaded only by kfq optimize.
    external: ['@open-spaced-repetition/binding'],
  });
  await build({ ...common, entryPoints: [`${root}src/boot.ts`], outfile: `${staging}/boot.cjs` });
  writeFileSync(`${staging}/THIRD-PARTY-LICENSES.txt`, thirdPartyLicenses(root, Object.keys(main.metafile.inputs)));
  rmSync(`${root}dist`, { recursive: true, force: true });
  renameSync(staging, `${root}dist`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
// In place: cached code keeps the path it was made at.
trainCodeCache(`${root}dist`);
