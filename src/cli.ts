// The kfq program: global options, every subcommand, and the one place where
// errors become messages and exit codes. Each command module is imported only
// when that command runs.
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CommandContext } from './commands/context.js';
import { chosenDeckSpecs } from './deck/resolve.js';
import { ExitCode, KfqError, UsageError } from './errors.js';
import { EXPORT_FORMATS, PICK_ORDERS, SHELLS } from './model/choices.js';
import { DEFAULT_RETENTION } from './practice/retention.js';
import { kfqPaths, type KfqPaths } from './store/paths.js';
import { safeLine, safeText } from './ui/text.js';
import { isPromptExit } from './ui/interrupts.js';
import { releaseClosedTerminal, terminalClosed } from './ui/tty.js';

declare const KFQ_VERSION: string;

interface GlobalOptions {
  deck: string[];
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a whole number.');
  return n;
}

function retention(value: string): number {
  const n = Number(value);
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError('expected a number between 0 and 1, such as 0.9.');
  return n;
}

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** The command context of this process: its streams, its environment, the clock (KFQ_NOW) and the decks chosen. */
export function processContext(globals: GlobalOptions, env: NodeJS.ProcessEnv = process.env): CommandContext {
  let paths: KfqPaths | undefined;
  const stdout = process.stdout;
  return {
    deckSpecs: chosenDeckSpecs(globals.deck, env),
    // Worked out when first asked: a command that keeps nothing must not fail on a bad KFQ_HOME.
    get paths() {
      return (paths ??= kfqPaths(env));
    },
    now: clock(env.KFQ_NOW),
    stdin: process.stdin,
    stdout,
    stderr: process.stderr,
    width: stdout.isTTY ? stdout.columns : undefined,
    isTTY: Boolean(process.stdin.isTTY && stdout.isTTY),
    env,
  };
}

/** Real time, or real time shifted to start at `start` (ISO 8601 or epoch milliseconds): how e2e tests fix the date. */
export function clock(start: string | undefined): () => Date {
  if (start === undefined || start === '') return () => new Date();
  const at = /^\d+$/.test(start) ? Number(start) : Date.parse(start);
  if (!Number.isFinite(at)) throw new UsageError(`KFQ_NOW is not a date: ${start}`, { hint: 'use an ISO 8601 date-time (2025-03-10T09:00:00Z) or epoch milliseconds' });
  const offset = at - Date.now();
  return () => new Date(Date.now() + offset);
}

/** `onExit` is told each command's exit code. */
export function buildProgram(onExit: (code: number) => void = () => undefined): Command {
  const program = new Command('kfq')
    .description('Practise Kubeflow and MLOps interview questions: spaced-repetition drills, fuzzy search, timed mock interviews.')
    .version(typeof KFQ_VERSION === 'string' ? KFQ_VERSION : '0.0.0-dev', '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(
      new Option('--deck <path|name>', 'deck file, folder of .md decks, or installed deck name (repeatable)')
        .argParser(collect)
        .default([], '$KFQ_DECK or the built-in Kubeflow deck'),
    )
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run kfq --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      examples('kfq drill', 'kfq search "istio traffic split"', 'kfq mock --count 3 --per-question 90s', 'kfq stats', 'kfq --deck ./my-deck.md list') +
        '\nEnvironment:\n  KFQ_DECK     default deck (path or installed name)\n  KFQ_HOME     where history, reports and decks are kept\n  NO_COLOR     disable colour; FORCE_COLOR forces it\n  KFQ_DEBUG=1  show stack traces\n',
    );

  const context = (): CommandContext => processContext(program.opts<GlobalOptions>());
  const exit = (code: number): void => onExit(code);

  program
    .command('list')
    .description('list categories and questions')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--json', 'print questions as JSON')
    .addHelpText('after', examples('kfq list', 'kfq list --category pipelines', 'kfq list --json | jq length'))
    .action(async (options) => exit(await (await import('./commands/list.js')).run(context(), options)));

  program
    .command('show')
    .description('show a question and its reference answer')
    .argument('<number|id>', 'question number (e.g. 42) or id (e.g. kubeflow/42)')
    .option('--json', 'print the question as JSON')
    .addHelpText('after', examples('kfq show 15', 'kfq show kubeflow/100 --json'))
    .action(async (ref: string, options) => exit(await (await import('./commands/show.js')).run(context(), ref, options)));

  program
    .command('search')
    .description('fuzzy search questions, answers and categories (typo-tolerant)')
    .argument('<words...>', 'words to look for, in any order')
    .option('-n, --limit <n>', 'at most this many hits', positiveInt, 10)
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--json', 'print hits as JSON, each with a score (lower is better)')
    .addHelpText('after', examples('kfq search katib', 'kfq search cannary deploymnet', 'kfq search istio traffic split --limit 3 --json'))
    .action(async (words: string[], options) => exit(await (await import('./commands/search.js')).run(context(), words, options)));

  program
    .command('validate')
    .description('check decks and report every problem as file:line: message')
    .argument('[paths...]', 'deck files or folders (default: the selected decks)')
    .option('--json', 'print problems as JSON')
    .addHelpText('after', examples('kfq validate', 'kfq validate ./decks/'))
    .action(async (paths: string[], options) => exit(await (await import('./commands/validate.js')).run(context(), paths, options)));

  program
    .command('drill')
    .description('spaced-repetition flashcards: reveal, then grade yourself 1-4')
    .option('-n, --count <n>', 'cards in this session', positiveInt, 10)
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .addOption(new Option('--order <order>', 'which cards first').choices(PICK_ORDERS).default('due'))
    .option('--seed <n>', 'seed for any random choice', integer)
    .option('--retention <r>', 'desired retention, between 0 and 1', retention, DEFAULT_RETENTION)
    .addHelpText(
      'after',
      examples('kfq drill', 'kfq drill -n 20 -c katib', 'kfq drill --order random --seed 7') +
        '\nKeys: Enter reveals the answer; 1 Again, 2 Hard, 3 Good, 4 Easy; u undoes the last grade; q or Esc ends the session.\nWhere you type an answer, u or q alone then Enter undo or quit, so answers may start with any letter.\n',
    )
    .action(async (options) => exit(await (await import('./commands/drill/index.js')).run(context(), options)));

  const mock = program
    .command('mock')
    .description('a timed mock interview with a live countdown and a scored report')
    .option('-n, --count <n>', 'questions in the interview', positiveInt, 5)
    .option('--per-question <duration>', 'time for each question: 90s, 2m, 1m30s', '2m')
    .option('--total <duration>', 'time for the whole interview')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--seed <n>', 'seed for choosing questions', integer)
    .option('--list', 'the same as kfq mock list')
    .option('--report [last|id]', 'the same as kfq mock report [last|id]')
    .option('--json', 'with list or report: print JSON')
    .addHelpText('after', examples('kfq mock', 'kfq mock -n 3 --per-question 90s --total 5m', 'kfq mock list', 'kfq mock report last --json'))
    .action(async (options) => exit(await (await import('./commands/mock/index.js')).run(context(), options)));
  // --json may land on mock itself (`kfq mock --json list`), so the subcommands read their parent's options too.
  mock
    .command('list')
    .description('list past interviews')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('kfq mock list', 'kfq mock list --json'))
    .action(async (_options, command: Command) =>
      exit(await (await import('./commands/mock/reports.js')).listInterviews(context(), Boolean(command.optsWithGlobals().json))),
    );
  mock
    .command('report')
    .description('show a saved interview report again')
    .argument('[last|id]', 'which report', 'last')
    .option('--json', 'print the report as JSON, with scores by category')
    .addHelpText('after', examples('kfq mock report', 'kfq mock report 2025-03-10-0900 --json'))
    .action(async (ref: string, _options, command: Command) =>
      exit(await (await import('./commands/mock/reports.js')).showInterview(context(), ref, Boolean(command.optsWithGlobals().json))),
    );

  program
    .command('history')
    .description('the review log, newest first')
    .option('-n, --limit <n>', 'at most this many reviews', positiveInt, 20)
    .option('--json', 'print reviews as JSON')
    .addHelpText('after', examples('kfq history', 'kfq history --limit 100 --json'))
    .action(async (options) => exit(await (await import('./commands/history.js')).run(context(), options)));

  program
    .command('stats')
    .description('progress at a glance: mastery, streaks, calendar, mock scores')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--json', 'print every number as JSON')
    .addHelpText('after', examples('kfq stats', 'kfq stats --json'))
    .action(async (options) => exit(await (await import('./commands/stats/index.js')).run(context(), options)));

  program
    .command('export')
    .description('export questions (or your history) for Anki, spreadsheets or other tools')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-f, --force', 'overwrite an existing output file')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--history', 'export the review log and interview reports instead (csv or json)')
    .addHelpText('after', examples('kfq export --format anki -o kubeflow.txt', 'kfq export --format csv > questions.csv', 'kfq export --format json --history'))
    .action(async (options) => exit(await (await import('./commands/export.js')).run(context(), options)));

  const deck = program.command('deck').description('install, list and remove your own decks');
  deck
    .command('add')
    .description('validate a deck (Markdown, Anki text export or CSV) and install it')
    .argument('<path>', 'the file to add')
    .option('--name <name>', 'name to install it under (default: from the file name)')
    .option('-f, --force', 'replace an installed deck of the same name')
    .addHelpText('after', examples('kfq deck add ./devops.md', 'kfq deck add anki-export.txt --name k8s'))
    .action(async (path: string, options) => exit(await (await import('./commands/deckAdd.js')).run(context(), path, options)));
  deck
    .command('list')
    .description('list installed decks')
    .option('--json', 'print decks as JSON')
    .addHelpText('after', examples('kfq deck list', 'kfq deck list --json'))
    .action(async (options) => exit(await (await import('./commands/deck.js')).list(context(), options)));
  deck
    .command('remove')
    .description('remove an installed deck (its review history is kept)')
    .argument('<name>', 'installed deck name')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples('kfq deck remove devops', 'kfq deck remove devops --yes'))
    .action(async (name: string, options) => exit(await (await import('./commands/deck.js')).remove(context(), name, options)));

  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText('after', examples('kfq completion bash >> ~/.bashrc'))
    .action(async (shell: string) => exit(await (await import('./commands/completion.js')).run(context(), shell, program)));
  // What the completion scripts call for deck-dependent values: categories, numbers, decks.
  program
    .command('__complete', { hidden: true })
    .argument('<what>')
    .action(async (what: string) => exit(await (await import('./commands/completion.js')).complete(context(), what)));

  program
    .command('paths')
    .description('where kfq keeps decks, history and cache')
    .option('--json', 'print paths as JSON')
    .addHelpText('after', examples('kfq paths', 'kfq paths --json'))
    .action(async (options) => exit(await (await import('./commands/paths.js')).run(context(), options)));

  return program;
}

/** Prints an error once and returns the exit code. */
export function reportError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (and help when asked).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
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
  const stack = error instanceof Error ? error.stack ?? error.message : String(error);
  stderr.write(`kfq: unexpected error (this is a bug): ${safeLine(error instanceof Error ? error.message : String(error))}\n`);
  stderr.write(process.env.KFQ_DEBUG === '1' ? `${safeText(stack)}\n` : 'Run again with KFQ_DEBUG=1 to see the stack trace.\n');
  return ExitCode.internal;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  // `kfq list | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // A closed terminal shows up as EIO from readline's cleanup or a write, often
  // before SIGHUP arrives: a hang-up (129), not a bug. What was answered is saved.
  process.on('uncaughtException', (error) => process.exit(terminalClosed() ? ExitCode.sighup : reportError(error)));
  process.on('exit', releaseClosedTerminal);
  let exitCode: number = ExitCode.ok;
  const program = buildProgram((code) => (exitCode = code));
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
