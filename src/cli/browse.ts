// The commands that read the decks and the history: list, show, search,
// validate, history, stats and export.
import { Option } from 'commander';
import { EXPORT_FORMATS } from '../model/choices.js';
import { examples, positiveInt, type DefineCommand } from './define.js';

const list: DefineCommand = (program, { context, exit }) => {
  program
    .command('list')
    .description('list categories and questions')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--state <state>', 'only cards in this state: new, learning, due or review')
    .option('--json', 'print questions as JSON, each with its state and due time')
    .addHelpText('after', examples('kfq list', 'kfq list --category pipelines', 'kfq list --state due', 'kfq list --json | jq length'))
    .action(async (options) => exit(await (await import('../commands/list.js')).run(context(), options)));
};

const show: DefineCommand = (program, { context, exit }) => {
  program
    .command('show')
    .description('show a question and its reference answer')
    .argument('<number|id>', 'question number (e.g. 42) or id (e.g. kubeflow/42)')
    .option('--json', 'print the question as JSON')
    .addHelpText('after', examples('kfq show 15', 'kfq show kubeflow/100 --json'))
    .action(async (ref: string, options) => exit(await (await import('../commands/show.js')).run(context(), ref, options)));
};

const search: DefineCommand = (program, { context, exit }) => {
  program
    .command('search')
    .description('fuzzy search questions, answers and categories (typo-tolerant)')
    .argument('<words...>', 'words to look for, in any order')
    .option('-n, --limit <n>', 'at most this many hits', positiveInt, 10)
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--json', 'print hits as JSON, each with a score (lower is better)')
    .addHelpText('after', examples('kfq search katib', 'kfq search cannary deploymnet', 'kfq search istio traffic split --limit 3 --json'))
    .action(async (words: string[], options) => exit(await (await import('../commands/search.js')).run(context(), words, options)));
};

const validate: DefineCommand = (program, { context, exit }) => {
  program
    .command('validate')
    .description('check decks and report every problem as file:line: message')
    .argument('[paths...]', 'deck files or folders (default: the selected decks)')
    .option('--json', 'print problems as JSON')
    .addHelpText('after', examples('kfq validate', 'kfq validate ./decks/'))
    .action(async (paths: string[], options) => exit(await (await import('../commands/validate.js')).run(context(), paths, options)));
};

const history: DefineCommand = (program, { context, exit }) => {
  program
    .command('history')
    .description('the review log, newest first')
    .option('-n, --limit <n>', 'at most this many reviews', positiveInt, 20)
    .option('--json', 'print reviews as JSON')
    .option('--orphans', 'only reviews of questions removed from the selected decks')
    .addHelpText('after', examples('kfq history', 'kfq history --limit 100 --json', 'kfq history --deck devops', 'kfq history --orphans'))
    .action(async (options) => exit(await (await import('../commands/history.js')).run(context(), options)));
};

const stats: DefineCommand = (program, { context, exit }) => {
  program
    .command('stats')
    .description('progress at a glance: mastery, streaks, calendar, mock scores')
    .option('-c, --category <name>', 'only this category (case-insensitive prefix)')
    .option('--json', 'print every number as JSON')
    .addHelpText('after', examples('kfq stats', 'kfq stats --json'))
    .action(async (options) => exit(await (await import('../commands/stats/index.js')).run(context(), options)));
};

const exportCommand: DefineCommand = (program, { context, exit }) => {
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
    .action(async (options) => exit(await (await import('../commands/export.js')).run(context(), options)));
};

export const BROWSE_COMMANDS = { list, show, search, validate, history, stats, export: exportCommand };
