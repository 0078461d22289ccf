// The benchmark's TypeScript scripts (they import kfq's sources) bundled into
// one ES module that plain Node runs; `require` is given for the CommonJS
// libraries inside.
import { build } from 'esbuild';

export async function bundleScript(entry, outfile) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: {
      js: "import { createRequire as __kfqCreateRequire } from 'node:module'; const require = __kfqCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
