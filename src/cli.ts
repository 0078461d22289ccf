// The kfq program: global options, the table of commands (defined in cli/),
// and the one place where errors become messages and exit codes. Each command
// module is imported only when that command runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option, type OutputConfiguration } from 'commander';
import { BROWSE_COMMANDS } from './cli/browse.js';
import { collect, examples, type CommandRunner, type DefineCommand, type GlobalOptions } from './cli/define.js';
import { MANAGE_COMMANDS } from './cli/manage.js';
import { PRACTISE_COMMANDS } from './cli/practise.js';
import type { CommandContext } from './commands/context.js';
import { chosenDeckSpecs } from './deck/resolve.js';
import { ExitCode, KfqError, UsageError } from './errors.js';
import { commandWord } from './model/commandLine.js';
import { finishCacheWrites } from './store/cacheWriteThread.js';
import { kfqPaths, type KfqPaths } from './store/paths.js';
import { tidyHome } from './store/staleTemps.js';
import { isPromptExit } from './ui/interrupts.js';
import { isTerminal } from './ui/isTerminal.js';
import { standardOutput } from './ui/standardOutput.js';
import { safeLine, safeText } from './ui/text.js';
import { releaseClosedTerminal, terminalClosed } from './ui/tty.js';

declare const KFQ_VERSION: string;

/** Every top-level command, in the order --help lists them. */
const COMMANDS: Record<string, DefineCommand> = {
  list: BROWSE_COMMANDS.list,
  show: BROWSE_COMMANDS.show,
  search: BROWSE_COMMANDS.search,
  validate: BROWSE_COMMANDS.validate,
  ...PRACTISE_COMMANDS,
  history: BROWSE_COMMANDS.history,
  stats: BROWSE_COMMANDS.stats,
  export: BROWSE_COMMANDS.export,
  ...MANAGE_COMMANDS,
};

/**
 * The command the arguments name, when it is the only one the program needs:
 * not for the program's own help, an unknown name (commander suggests a known
 * one) or completion (which describes every command).
 */
export function namedCommand(args: readonly string[]): string | undefined {
  const { word, afterOption } = commandWord(args);
  return !afterOption && word !== undefined && Object.hasOwn(COMMANDS, word) && word !== 'completion' ? word : undefined;
}

/**
 * The clock every command reads: KFQ_NOW (ISO 8601 or epoch milliseconds) sets
 * where it starts, for tests; it runs on in real time from there.
 */
export function startClock(env: NodeJS.ProcessEnv = process.env): () => Date {
  const start = env.KFQ_NOW;
  if (start === undefined || start === '') return () => new Date();
  const at = /^\d+$/.test(start) ? Number(start) : Date.parse(start);
  if (!Number.isFinite(at))
    throw new UsageError(`KFQ_NOW '${start}' is not a date-time`, { hint: 'use ISO 8601 (2026-12-01T09:00:00Z) or epoch milliseconds' });
  const offset = at - Date.now();
  return () => new Date(Date.now() + offset);
}

/**
 * The command context of this process: its streams, its environment, the clock and the decks chosen
 * (--deck, else KFQ_DECK, else `fallbackDecks`: the config file's deck).
 */
export function processContext(
  globals: GlobalOptions,
  now: () => Date,
  fallbackDecks: string[],
  paths: () => KfqPaths,
  env: NodeJS.ProcessEnv = process.env,
): CommandContext {
  const stdoutIsTerminal = isTerminal(1);
  const chosen = chosenDeckSpecs(globals.deck, env);
  return {
    deckSpecs: chosen.length > 0 ? chosen : fallbackDecks,
    // Worked out when first asked: a command that keeps nothing must not fail on a bad KFQ_HOME.
    get paths() {
      return paths();
    },
    now,
    // Made when first asked: creating process.stdin costs every start, and most commands never read it.
    get stdin() {
      return process.stdin;
    },
    // Streams made when first asked, as stdin: see ui/standardOutput.ts.
    get stdout() {
      return standardOutput();
    },
    get stderr() {
      return process.stderr;
    },
    width: stdoutIsTerminal ? process.stdout.columns || 80 : undefined,
    isTTY: isTerminal(0) && stdoutIsTerminal,
    env,
  };
}

/**
 * The program, with every command or (when `args` name one that is enough, see
 * namedCommand) only that one. `onExit` is told each command's exit code.
 */
export function buildProgram(onExit: (code: number) => void = () => undefined, args: readonly string[] = []): Command {
  const program = new Command('kfq');
  program
    .configureOutput(standardOutputConfiguration(program.configureOutput()))
    .description('Practise Kubeflow and MLOps interview questions: spaced-repetition drills, fuzzy search, timed mock interviews.')
    .version(typeof KFQ_VERSION === 'string' ? KFQ_VERSION : '0.0.0-dev', '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(
      new Option('--deck <path|name>', 'deck file, folder of .md decks, or installed deck name (repeatable)')
        .argParser(collect)
        .default([], '$KFQ_DECK or the built-in Kubeflow deck'),
    )
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', PROGRAM_HELP);

  let paths: KfqPaths | undefined;
  const homePaths = (): KfqPaths => (paths ??= kfqPaths());
  // The config file's deck applies when neither --deck nor KFQ_DECK names one.
  let configDeck: string[] = [];
  program.hook('preAction', async (_program, action) => {
    if (action.name() === 'config' || action.parent?.name() === 'config') return;
    if (program.opts<GlobalOptions>().deck.length > 0 || process.env.KFQ_DECK) return;
    if (existsSync(join(homePaths().config, 'config.toml')))
      configDeck = (await import('./commands/settings.js')).configuredDeck(homePaths());
  });
  // What a killed kfq left half-written in its own folders goes first (doctor lists it instead).
  program.hook('preAction', (_program, command) => {
    if (command.name() !== 'doctor') tidyHome(homePaths());
  });

  let clock: (() => Date) | undefined;
  const runner: CommandRunner = {
    context: () => processContext(program.opts<GlobalOptions>(), (clock ??= startClock()), configDeck, homePaths),
    exit: onExit,
  };
  const only = namedCommand(args);
  for (const [name, define] of Object.entries(COMMANDS)) if (only === undefined || name === only) define(program, runner);
  quietUsageErrors(program);
  return program;
}

const PROGRAM_HELP =
  examples(
    'kfq drill',
    'kfq search "istio traffic split"',
    'kfq mock --count 3 --per-question 90s',
    'kfq stats',
    'kfq --deck ./my-deck.md list',
  ) +
  '\nEnvironment:\n  KFQ_DECK         default deck (path or installed name)\n  KFQ_HOME         where history, reports and decks are kept\n  KFQ_CONFIG_HOME  where config.toml is (kfq config path)\n  KFQ_SYNC_DIR     shared folder for practising on several machines (see kfq sync init)\n  KFQ_NOW          start the clock at this time (ISO 8601), for tests\n  NO_COLOR         disable colour; FORCE_COLOR forces it\n  KFQ_DEBUG=1      show stack traces\nEvery config key has a variable too: kfq config list names them.\n';

/**
 * Commander's help and version go to kfq's stdout (ui/standardOutput.ts), and
 * it looks at process.stdout only on a terminal. Its colour answer off a
 * terminal depends only on these variables, and is no without them.
 */
function standardOutputConfiguration(defaults: OutputConfiguration): OutputConfiguration {
  return {
    writeOut: (text) => standardOutput().write(text),
    // Off a terminal commander's own answer is undefined too (its type says number).
    getOutHelpWidth: (() => (isTerminal(1) ? defaults.getOutHelpWidth!() : undefined)) as () => number,
    getOutHasColors: () =>
      isTerminal(1) || COLOUR_VARIABLES.some((name) => process.env[name] !== undefined) ? defaults.getOutHasColors!() : false,
  };
}

const COLOUR_VARIABLES = ['NO_COLOR', 'FORCE_COLOR', 'CLICOLOR_FORCE'];

/** The command whose usage was wrong, for the hint: `kfq deck add`. */
let usageErrorCommand = 'kfq';

/**
 * Commander prints its own `error: …` lines; kfq prints every failure in one
 * style instead (reportError), so commander only notes which command it was.
 */
function quietUsageErrors(command: Command, path = 'kfq'): void {
  command.configureOutput({
    outputError: () => {
      usageErrorCommand = path;
    },
  });
  for (const sub of command.commands) quietUsageErrors(sub, `${path} ${sub.name()}`);
}

/** Commander's `error: unknown option '--x'\n(Did you mean --y?)` as one line of kfq's. */
function usageMessage(error: CommanderError): string {
  return error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim().replace(/^\(Did you/, '(did you'))
    .filter((line) => line !== '')
    .join(' ');
}

/** Prints an error once and returns the exit code. */
export function reportError(error: unknown, stderr?: NodeJS.WritableStream): number {
  // Help and the version end in a CommanderError too; process.stderr is made only for a real one.
  if (error instanceof CommanderError && ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code))
    return ExitCode.ok;
  return printError(error, stderr ?? process.stderr);
}

function printError(error: unknown, stderr: NodeJS.WritableStream): number {
  if (error instanceof CommanderError) {
    stderr.write(`kfq: ${safeLine(usageMessage(error))}\n`);
    stderr.write(`hint: run '${usageErrorCommand} --help' for usage\n`);
    return ExitCode.usage;
  }
  if (isPromptExit(error)) return ExitCode.interrupted;
  if (error instanceof KfqError) {
    if (error.exitCode !== ExitCode.interrupted && error.exitCode !== ExitCode.sighup && error.exitCode !== ExitCode.sigterm) {
      // Messages may quote a deck (a category name, a front matter language): never raw.
      stderr.write(`kfq: ${safeLine(error.message)}\n`);
      if (error.hint) stderr.write(`hint: ${safeLine(error.hint)}\n`);
    }
    if (process.env.KFQ_DEBUG === '1' && error.stack) stderr.write(`${safeText(error.stack)}\n`);
    return error.exitCode;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(`kfq: unexpected error (this is a bug): ${safeLine(error instanceof Error ? error.message : String(error))}\n`);
  stderr.write(process.env.KFQ_DEBUG === '1' ? `${safeText(stack)}\n` : 'Run again with KFQ_DEBUG=1 to see the stack trace.\n');
  return ExitCode.internal;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  // `kfq list | head` closes the pipe early; that is not an error.
  standardOutput().on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // A closed terminal shows up as EIO from readline's cleanup or a write, often
  // before SIGHUP arrives: a hang-up (129), not a bug. What was answered is saved.
  process.on('uncaughtException', (error) => process.exit(terminalClosed() ? ExitCode.sighup : reportError(error)));
  process.on('exit', releaseClosedTerminal);
  // An exit before the end (a closed pipe, Ctrl+C, an error) would cut a cache entry still being written.
  process.on('exit', finishCacheWrites);
  let exitCode: number = ExitCode.ok;
  const program = buildProgram((code) => (exitCode = code), argv.slice(2));
  if (argv.length <= 2) {
    program.outputHelp();
    return ExitCode.ok;
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}
