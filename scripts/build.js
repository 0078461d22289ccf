// Bundles src/main.ts into dist/: one small entry plus a chunk per command, so
// start-up parses only what the chosen command needs. It builds into a fresh
// folder and swaps it in, so a test running the old build never sees half a dist/.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
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
    // gray-matter and js-yaml are CommonJS and call require() for Node built-ins.
    banner: { js: "import { createRequire as __kfqCreateRequire } from 'node:module'; const require = __kfqCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  rmSync(`${root}dist`, { recursive: true, force: true });
  renameSync(staging, `${root}dist`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
