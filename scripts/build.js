// Bundles kfq into dist/: main.cjs (src/cli.ts and every library it uses, in
// one CommonJS file, each module evaluated only when first imported), start.cjs
// (the same program with only the commands that must start fastest: the others'
// modules are left out), boot.cjs (src/boot.ts, which bin/kfq.js runs and which
// picks the bundle), a code cache for each bundle (scripts/codeCache.js) and
// THIRD-PARTY-LICENSES.txt (the licences of the libraries inside main.cjs).
// It builds into a fresh folder and swaps it in, so a test running the old build
// never sees half a dist/.
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';
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
// chalk's supports-color asks node:tty whether stdout and stderr are terminals
// as it loads, and node:tty loads Node's network modules: a real share of a
// start whose output is a pipe. It asks src/ui/isTerminal.ts instead, which
// gives tty.isatty's answer and loads node:tty only for a character device.
// It also takes the global process rather than importing node:process (the
// bundle would copy every property of process into a module object, garbage
// enough to bring on a collection), and loads node:os only on Windows, where it reads it.
const supportsColorWithoutTty = {
  name: 'supports-color-without-tty',
  setup(build) {
    build.onLoad({ filter: /[\\/]chalk[\\/]source[\\/]vendor[\\/]supports-color[\\/]index\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source
        .replace("import tty from 'node:tty';", `import { isTerminal } from ${JSON.stringify(`${root}src/ui/isTerminal.ts`)};`)
        .replaceAll('tty.isatty(', 'isTerminal(')
        .replace("import process from 'node:process';", '')
        .replace("import os from 'node:os';", "const os = { release: () => process.getBuiltinModule('node:os').release() };");
      if (
        patched.includes('tty.') ||
        !patched.includes('isTerminal(1)') ||
        !patched.includes('isTerminal(2)') ||
        /^import (?!\{ isTerminal \})/m.test(patched) ||
        patched.replaceAll('os.release()', '').includes('os.')
      )
        throw new Error(`${args.path} no longer reads as scripts/build.js expects: update supportsColorWithoutTty`);
      return { contents: patched, loader: 'js' };
    });
  },
};
// src/ui/loadChalk.ts imports chalk, whose module makes all its styles as it
// loads; in the bundles it requires chalk instead, so that chalk is loaded (by
// src/ui/theme.ts) only when colour is on.
const chalkOnDemand = {
  name: 'chalk-on-demand',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]ui[\\/]loadChalk\.ts$/ }, () => ({
      contents: "export function loadChalk() { const { Chalk, supportsColor } = require('chalk'); return { Chalk, supportsColor }; }",
      loader: 'js',
      resolveDir: `${root}src/ui`,
    }));
  },
};
// The commands start.cjs runs, and their modules. Every command's options and
// help are in both bundles; boot.cjs sends any other command to main.cjs.
const START_COMMANDS = { list: 'src/commands/list.ts', show: 'src/commands/show.ts', search: 'src/commands/search.ts' };

// In start.cjs, the other commands' modules (imported by their definitions in src/cli/) are a stand-in that fails loudly.
const startCommandsOnly = {
  name: 'start-commands-only',
  setup(build) {
    const kept = new Set(Object.values(START_COMMANDS).map((path) => `${root}${path}`));
    build.onResolve({ filter: /^\.\.\/commands\// }, async (args) => {
      if (args.kind !== 'dynamic-import' || !args.importer.startsWith(`${root}src/cli/`)) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
      return kept.has(resolved.path) ? undefined : { path: resolved.path, namespace: 'left-out' };
    });
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path.slice(root.length)} is not in start.cjs (see scripts/build.js)`)});`,
      loader: 'js',
    }));
  },
};
// esbuild writes ASCII, except in regular expression literals. One other character
// makes V8 keep the whole bundle as a two-byte string, twice as big, which costs
// every start a garbage collection. A \u escape means the same in a regular
// expression (a character outside the BMP becomes its two halves, which a /u
// expression reads as one); after a backslash it would not, so the build stops there.
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const escaped = /\\[^\x00-\x7f]/.exec(text);
  if (escaped) throw new Error(`${file}: an escaped non-ASCII character (${escaped[0]}): write it as a \\u escape in the source`);
  writeFileSync(
    file,
    text.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** data/aliases.txt parsed as kfq parses it (src/deck/aliases.ts), for the bundles to hold instead of reading it at each start. */
async function builtinAliasGroups() {
  const { outputFiles } = await build({
    entryPoints: [`${root}src/deck/aliases.ts`],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'warning',
  });
  const { parseAliasLines } = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString('base64')}`);
  return parseAliasLines(readFileSync(`${root}data/aliases.txt`, 'utf8'));
}

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

const program = {
  ...common,
  entryPoints: [`${root}src/cli.ts`],
  // One id for both bundles: a deck cached by one is read by the other.
  define: {
    KFQ_VERSION: JSON.stringify(version),
    KFQ_BUILD_ID: JSON.stringify(randomBytes(8).toString('hex')),
    // As JSON text, parsed where it is used: an array here would be built at the start of every command.
    KFQ_BUILTIN_ALIASES: JSON.stringify(JSON.stringify(await builtinAliasGroups())),
    'import.meta.url': '__kfqModuleUrl',
  },
  banner: { js: "const __kfqModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The FSRS optimizer is an optional dependency with native parts, loaded only by kfq optimize.
  external: ['@open-spaced-repetition/binding'],
};

// main.cjs and start.cjs are each the function src/boot.ts runs, already wrapped
// as Node wraps a CommonJS module: wrapping it at each start would copy the whole text again.
const runByBoot = {
  ...program,
  banner: { js: `(function (exports, require, module, __filename, __dirname) {\n${program.banner.js}` },
  footer: { js: '})' },
};

try {
  const main = await build({
    ...runByBoot,
    metafile: true,
    outfile: `${staging}/main.cjs`,
    plugins: [lazyChildProcess, supportsColorWithoutTty, chalkOnDemand],
  });
  await build({
    ...runByBoot,
    outfile: `${staging}/start.cjs`,
    plugins: [lazyChildProcess, supportsColorWithoutTty, chalkOnDemand, startCommandsOnly],
  });
  // The worker thread that reads the back half of a long review log (src/store/logPartReader.ts).
  await build({ ...program, entryPoints: [`${root}src/store/logPartWorker.ts`], outfile: `${staging}/logPart.cjs` });
  // The worker thread that replays half of a long history's new cards (src/practice/replayElsewhere.ts).
  await build({ ...program, entryPoints: [`${root}src/practice/replayWorker.ts`], outfile: `${staging}/replay.cjs` });
  // The worker thread that writes a big cache entry while the command goes on (src/store/cacheWriteThread.ts).
  await build({ ...program, entryPoints: [`${root}src/store/cacheWriteWorker.ts`], outfile: `${staging}/cacheWrite.cjs` });
  await build({
    ...common,
    entryPoints: [`${root}src/boot.ts`],
    outfile: `${staging}/boot.cjs`,
    define: { KFQ_START_COMMANDS: JSON.stringify(Object.keys(START_COMMANDS)) },
  });
  for (const bundle of ['main.cjs', 'start.cjs', 'logPart.cjs', 'replay.cjs', 'cacheWrite.cjs', 'boot.cjs'])
    asciiOnly(`${staging}/${bundle}`);
  writeFileSync(`${staging}/THIRD-PARTY-LICENSES.txt`, thirdPartyLicenses(root, Object.keys(main.metafile.inputs)));
  rmSync(`${root}dist`, { recursive: true, force: true });
  renameSync(staging, `${root}dist`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
// In place: cached code keeps the path it was made at.
trainCodeCache(`${root}dist`);
