// Bundles src/main.ts into dist/: one small entry plus a chunk per command, so
// start-up parses only what the chosen command needs.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
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
