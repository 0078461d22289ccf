// The kfq program: global options, every subcommand, and the one place where
// errors become messages and exit codes. Each command module is imported only
// when that command runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isatty } from 'node:tty';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ConfigOptions } from './commands/config.js';
import type { CommandContext } from './commands/context.js';
import { chosenDeckSpecs } from './deck/resolve.js';
import { ExitCode, KfqError, UsageError } from './errors.js';
import { DEFAULT_RETENTION, EXPORT_FORMATS, PICK_ORDERS, SHELLS } from './model/choices.js';
import { kfqPaths, type KfqPaths } from './store/paths.js';
import { tidyHome } from './store/staleTemps.js';
import { isPromptExit } from './ui/interrupts.js';
import { safeLine, safeText } from './ui/text.js';
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

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/**
 * The command context of this process: its streams, its environment, the clock and the decks chosen
 * (--deck, else KFQ_DECK, else `fallbackDecks`: the config file's deck).
 */
export function processContext(
  globals: GlobalOptions,
  now: () => Date,
  fallbackDecks: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): CommandContext {
  let paths: KfqPaths | undefined;
  const stdout = process.stdout;
  const chosen = chosenDeckSpecs(globals.deck, env);
  return {
    deckSpecs: chosen.length > 0 ? chosen : fallbackDecks,
    // Worked out when first asked: a command that keeps nothing must not fail on a bad KFQ_HOME.
    get paths() {
      return (paths ??= kfqPaths(env));
    },
    now,
    // Made when first asked: creating process.stdin costs every start, and most commands never read it.
    get stdin() {
      return process.stdin;
    },
    stdout,
    stderr: process.stderr,
    width: stdout.isTTY ? stdout.columns || 80 : undefined,
    isTTY: isatty(0) && Boolean(stdout.isTTY),
    env,
  };
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
    .exitOverride()
    .addHelpText(
      'after',
      examples(
        'kfq drill',
        'kfq search "istio traffic split"',
        'kfq mock --count 3 --per-question 90s',
        'kfq stats',
        'kfq --deck ./my-deck.md list',
      ) +
        '\nEnvironment:\n  KFQ_DECK         default deck (path or installed name)\n  KFQ_HOME         where history, reports and decks are kept\n  KFQ_CONFIG_HOME  where config.toml is (kfq config path)\n  KFQ_SYNC_DIR     shared folder for practising on several machines (see kfq sync init)\n  KFQ_NOW          start the clock at this time (ISO 8601), for tests\n  NO_COLOR         disable colour; FORCE_COLOR forces it\n  KFQ_DEBUG=1      show stack traces\nEvery config key has a variable too: kfq config list names them.\n',
    );

  // The config file's deck applies when neither --deck nor KFQ_DECK names one.
  let configDeck: string[] = [];
  program.hook('preAction', async (_program, action) => {
    if (action.name() === 'config' || action.parent?.name() === 'config') return;
    if (program.opts<GlobalOptions>().deck.length > 0 || process.env.KFQ_DECK) return;
    const paths = kfqPaths();
    if (existsSync(join(paths.config, 'config.toml'))) configDeck = (await import('./commands/settings.js')).configuredDeck(paths);
  });
  const exit = (code: number): void => onExit(code);
  let clock: (() => Date) | undefined;
  const context = (): CommandContext => processContext(program.opts<GlobalOptions>(), (clock ??= startClock()), configDeck);

  // What a killed kfq left half-written in its own folders goes first (doctor lists it instead).
  program.hook('preAction', (_program, command) => {
    if (command.name() !== 'doctor') tidyHome(kfqPaths());
  });

  program
    .command('list')
    .description('list categories and questions')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--state <state>', 'only cards in this state: new, learning, due or review')
    .option('--json', 'print questions as JSON, each with its state and due time')
    .addHelpText('after', examples('kfq list', 'kfq list --category pipelines', 'kfq list --state due', 'kfq list --json | jq length'))
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
    .addOption(
      new Option('-n, --count <n>', 'cards in this session (learning repeats come on top)')
        .argParser(positiveInt)
        .default(undefined, '10, or drill.count'),
    )
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .addOption(new Option('--order <order>', 'which cards first').choices(PICK_ORDERS).default('due'))
    .option('--ahead', 'study ahead: cards not due yet, the most nearly due first')
    .option('--seed <n>', 'seed for any random choice', integer)
    .addOption(
      new Option('--retention <r>', 'desired retention, between 0 and 1')
        .argParser(retention)
        .default(undefined, `${DEFAULT_RETENTION}, or drill.retention`),
    )
    .addHelpText(
      'after',
      examples('kfq drill', 'kfq drill -n 20 -c tuning', 'kfq drill --order random --seed 7', 'kfq drill --ahead') +
        '\nKeys: Enter reveals the answer; 1 Again, 2 Hard, 3 Good, 4 Easy (Space or Enter: Good); u undoes the last grade; q or Esc ends the session.\n' +
        'Up/Down and PgUp/PgDn scroll a long answer; c lists every point of the reference.\nWhere you type an answer, u or q alone then Enter undo or quit, so answers may start with any letter.\n' +
        'Again or Hard on a new or forgotten card brings it back in the session (drill.learningSteps, drill.relearningSteps).\n' +
        'At most drill.newPerDay new cards (20) and drill.reviewsPerDay reviews (200) a day, over every run; the day starts at day.rollover (4 am).\n',
    )
    .action(async (options) => exit(await (await import('./commands/drill/index.js')).run(context(), options)));

  program
    .command('due')
    .description('what is due, learning and new, per deck and category, and when the next cards fall due')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--json', 'print the counts as JSON')
    .addHelpText('after', examples('kfq due', 'kfq due --json'))
    .action(async (options) => exit(await (await import('./commands/due.js')).run(context(), options)));

  const plan = program
    .command('plan')
    .description('a plan toward your interview date: daily work, load chart, readiness on the day')
    .option('--json', 'print the plan as JSON')
    .addHelpText('after', examples('kfq plan set 2026-12-20 --minutes-per-day 30', 'kfq plan', 'kfq plan --json', 'kfq plan clear'))
    .action(async (options: { json?: boolean }) =>
      exit(await (await import('./commands/plan.js')).run(context(), { action: 'show', json: options.json })),
    );
  plan
    .command('set')
    .description('set the interview date (and budget); drill follows the plan until then')
    .argument('<date>', 'the interview date, YYYY-MM-DD')
    .option('--minutes-per-day <n>', 'time you can give each day', positiveInt)
    .option('--retention <r>', 'recall to aim for on the day, between 0 and 1', retention)
    .option('--json', 'print the plan as JSON')
    .addHelpText(
      'after',
      examples('kfq plan set 2026-12-20', 'kfq plan set 2026-12-20 --minutes-per-day 45 --retention 0.92 --deck kubeflow'),
    )
    .action(async (date: string, options: { minutesPerDay?: number; retention?: number; json?: boolean }) =>
      exit(
        await (
          await import('./commands/plan.js')
        ).run(context(), { action: 'set', date, ...options, decks: program.opts<GlobalOptions>().deck }),
      ),
    );
  plan
    .command('clear')
    .description('remove the plan: drill goes back to the normal schedule')
    .action(async () => exit(await (await import('./commands/plan.js')).run(context(), { action: 'clear' })));

  program
    .command('optimize')
    .description('fit FSRS scheduling parameters to your review log (needs the optional FSRS optimizer)')
    .option('--json', 'print the evaluation and parameters as JSON')
    .addHelpText('after', examples('kfq optimize', 'kfq optimize --json'))
    .action(async (options: { json?: boolean }) => exit(await (await import('./commands/optimize.js')).run(context(), options)));

  const mock = program
    .command('mock')
    .description('a timed mock interview with a live countdown and a scored report')
    .addOption(new Option('-n, --count <n>', 'questions in the interview').argParser(positiveInt).default(undefined, '5, or mock.count'))
    .addOption(
      new Option('--per-question <duration>', 'time for each question: 90s, 2m, 1m30s').default(undefined, '2m, or mock.perQuestion'),
    )
    .option('--total <duration>', 'time for the whole interview')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--seed <n>', 'seed for choosing questions', integer)
    .option('--list', 'the same as kfq mock list')
    .option('--report [last|id]', 'the same as kfq mock report [last|id]')
    .option('--json', 'with list or report: print JSON')
    .addHelpText(
      'after',
      examples('kfq mock', 'kfq mock -n 3 --per-question 90s --total 5m', 'kfq mock list', 'kfq mock report last --json'),
    )
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
    .option('--orphans', 'only reviews of questions removed from the selected decks')
    .addHelpText('after', examples('kfq history', 'kfq history --limit 100 --json', 'kfq history --deck devops', 'kfq history --orphans'))
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
    .option(
      '--raw',
      "csv: write cells starting with = + - @ as they are (by default they get a ' in front, so spreadsheets do not run them)",
    )
    .addHelpText(
      'after',
      examples('kfq export --format anki -o kubeflow.txt', 'kfq export --format csv > questions.csv', 'kfq export --format json --history'),
    )
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
    .command('diff')
    .description('what changed in a deck when kfq last noticed: old and new text, similarity, where history went')
    .argument('<name>', 'installed deck name or deck file')
    .option('--json', 'print the change as JSON')
    .addHelpText('after', examples('kfq deck diff kubeflow', 'kfq deck diff devops --json'))
    .action(async (name: string, options) => exit(await (await import('./commands/deckDiff.js')).run(context(), name, options)));
  deck
    .command('remove')
    .description('remove an installed deck (its review history is kept)')
    .argument('<name>', 'installed deck name')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples('kfq deck remove devops', 'kfq deck remove devops --yes'))
    .action(async (name: string, options) => exit(await (await import('./commands/deck.js')).remove(context(), name, options)));

  const sync = program.command('sync').description('practise on several machines through one shared folder (git or a synced folder)');
  sync
    .command('init')
    .description("move this machine's history into a sync folder and use it from now on (the local log is kept)")
    .argument('<path>', 'the shared folder (e.g. a git clone)')
    .addHelpText('after', examples('kfq sync init ~/kfq-sync', 'KFQ_SYNC_DIR=~/kfq-sync kfq stats'))
    .action(async (path: string, options) => exit(await (await import('./commands/sync.js')).init(context(), path, options)));

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

  const config = program
    .command('config')
    .description('show and change your settings (config.toml)')
    .addHelpText(
      'after',
      examples(
        'kfq config list',
        'kfq config set drill.newPerDay 10',
        'kfq config get drill.retention',
        'kfq config unset deck',
        'kfq config edit',
      ) + '\nA flag overrides its environment variable (kfq config list names them), which overrides the file.\n',
    );
  const runConfig = async (options: ConfigOptions): Promise<void> => {
    exit(await (await import('./commands/config.js')).run(context(), options));
  };
  config
    .command('get')
    .description('print the value in use')
    .argument('<key>')
    .option('--json', 'print it as JSON')
    .action((key: string, options: { json?: boolean }) => runConfig({ action: 'get', key, json: options.json }));
  config
    .command('set')
    .description('set a key in the config file')
    .argument('<key>')
    .argument('<value...>', 'the value; a list (deck, steps) as several words')
    .action((key: string, value: string[]) => runConfig({ action: 'set', key, value }));
  config
    .command('unset')
    .description('remove a key from the config file')
    .argument('<key>')
    .action((key: string) => runConfig({ action: 'unset', key }));
  config
    .command('list')
    .description('every key, its value and where it comes from')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => runConfig({ action: 'list', json: options.json }));
  config
    .command('path')
    .description('print where the config file is')
    .action(() => runConfig({ action: 'path' }));
  config
    .command('edit')
    .description('open the config file in $VISUAL or $EDITOR')
    .action(() => runConfig({ action: 'edit' }));

  program
    .command('doctor')
    .description('check the data folder (log, reports, decks, cache); --fix repairs what it safely can')
    .option('--fix', 'move damaged log lines and reports aside (never deleting them), remove stale temp files, rebuild the cache')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', examples('kfq doctor', 'kfq doctor --fix', 'kfq doctor --json'))
    .action(async (options) => {
      exit(await (await import('./commands/doctor.js')).run(context(), options));
    });

  program
    .command('paths')
    .description('where kfq keeps decks, history and cache')
    .option('--json', 'print paths as JSON')
    .addHelpText('after', examples('kfq paths', 'kfq paths --json'))
    .action(async (options) => exit(await (await import('./commands/paths.js')).run(context(), options)));

  quietUsageErrors(program);
  return program;
}

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
export function reportError(error: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help')
      return ExitCode.ok;
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
