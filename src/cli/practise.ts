// The commands that practise and plan: drill, due, plan, optimize and mock.
import { Option, type Command } from 'commander';
import { DEFAULT_RETENTION, PICK_ORDERS } from '../model/choices.js';
import { examples, integer, positiveInt, retention, type DefineCommand, type GlobalOptions } from './define.js';

const drill: DefineCommand = (program, { context, exit }) => {
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
    .action(async (options) => exit(await (await import('../commands/drill/index.js')).run(context(), options)));
};

const due: DefineCommand = (program, { context, exit }) => {
  program
    .command('due')
    .description('what is due, learning and new, per deck and category, and when the next cards fall due')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--json', 'print the counts as JSON')
    .addHelpText('after', examples('kfq due', 'kfq due --json'))
    .action(async (options) => exit(await (await import('../commands/due.js')).run(context(), options)));
};

const plan: DefineCommand = (program, { context, exit }) => {
  const runPlan = async (options: Parameters<typeof import('../commands/plan.js').run>[1]): Promise<void> =>
    exit(await (await import('../commands/plan.js')).run(context(), options));
  const command = program
    .command('plan')
    .description('a plan toward your interview date: daily work, load chart, readiness on the day')
    .option('--json', 'print the plan as JSON')
    .addHelpText('after', examples('kfq plan set 2026-12-20 --minutes-per-day 30', 'kfq plan', 'kfq plan --json', 'kfq plan clear'))
    .action((options: { json?: boolean }) => runPlan({ action: 'show', json: options.json }));
  command
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
    .action((date: string, options: { minutesPerDay?: number; retention?: number; json?: boolean }) =>
      runPlan({ action: 'set', date, ...options, decks: program.opts<GlobalOptions>().deck }),
    );
  command
    .command('clear')
    .description('remove the plan: drill goes back to the normal schedule')
    .action(() => runPlan({ action: 'clear' }));
};

const optimize: DefineCommand = (program, { context, exit }) => {
  program
    .command('optimize')
    .description('fit FSRS scheduling parameters to your review log (needs the optional FSRS optimizer)')
    .option('--json', 'print the evaluation and parameters as JSON')
    .addHelpText('after', examples('kfq optimize', 'kfq optimize --json'))
    .action(async (options: { json?: boolean }) => exit(await (await import('../commands/optimize.js')).run(context(), options)));
};

const mock: DefineCommand = (program, { context, exit }) => {
  const command = program
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
    .action(async (options) => exit(await (await import('../commands/mock/index.js')).run(context(), options)));
  // --json may land on mock itself (`kfq mock --json list`), so the subcommands read their parent's options too.
  const json = (sub: Command): boolean => Boolean(sub.optsWithGlobals().json);
  command
    .command('list')
    .description('list past interviews')
    .option('--json', 'print JSON')
    .addHelpText('after', examples('kfq mock list', 'kfq mock list --json'))
    .action(async (_options, sub: Command) =>
      exit(await (await import('../commands/mock/reports.js')).listInterviews(context(), json(sub))),
    );
  command
    .command('report')
    .description('show a saved interview report again')
    .argument('[last|id]', 'which report', 'last')
    .option('--json', 'print the report as JSON, with scores by category')
    .addHelpText('after', examples('kfq mock report', 'kfq mock report 2025-03-10-0900 --json'))
    .action(async (ref: string, _options, sub: Command) =>
      exit(await (await import('../commands/mock/reports.js')).showInterview(context(), ref, json(sub))),
    );
};

export const PRACTISE_COMMANDS = { drill, due, plan, optimize, mock };
