// The commands that look after decks, machines and settings: deck, sync,
// completion, config, doctor and paths.
import { Argument } from 'commander';
import type { ConfigOptions } from '../commands/config.js';
import { SHELLS } from '../model/choices.js';
import { examples, type DefineCommand } from './define.js';

const deck: DefineCommand = (program, { context, exit }) => {
  const command = program.command('deck').description('install, list and remove your own decks');
  command
    .command('add')
    .description('validate a deck (Markdown, Anki text export or CSV) and install it')
    .argument('<path>', 'the file to add')
    .option('--name <name>', 'name to install it under (default: from the file name)')
    .option('-f, --force', 'replace an installed deck of the same name')
    .addHelpText('after', examples('kfq deck add ./devops.md', 'kfq deck add anki-export.txt --name k8s'))
    .action(async (path: string, options) => exit(await (await import('../commands/deckAdd.js')).run(context(), path, options)));
  command
    .command('list')
    .description('list installed decks')
    .option('--json', 'print decks as JSON')
    .addHelpText('after', examples('kfq deck list', 'kfq deck list --json'))
    .action(async (options) => exit(await (await import('../commands/deck.js')).list(context(), options)));
  command
    .command('diff')
    .description('what changed in a deck when kfq last noticed: old and new text, similarity, where history went')
    .argument('<name>', 'installed deck name or deck file')
    .option('--json', 'print the change as JSON')
    .addHelpText('after', examples('kfq deck diff kubeflow', 'kfq deck diff devops --json'))
    .action(async (name: string, options) => exit(await (await import('../commands/deckDiff.js')).run(context(), name, options)));
  command
    .command('remove')
    .description('remove an installed deck (its review history is kept)')
    .argument('<name>', 'installed deck name')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText('after', examples('kfq deck remove devops', 'kfq deck remove devops --yes'))
    .action(async (name: string, options) => exit(await (await import('../commands/deck.js')).remove(context(), name, options)));
};

const sync: DefineCommand = (program, { context, exit }) => {
  program
    .command('sync')
    .description('practise on several machines through one shared folder (git or a synced folder)')
    .command('init')
    .description("move this machine's history into a sync folder and use it from now on (the local log is kept)")
    .argument('<path>', 'the shared folder (e.g. a git clone)')
    .addHelpText('after', examples('kfq sync init ~/kfq-sync', 'KFQ_SYNC_DIR=~/kfq-sync kfq stats'))
    .action(async (path: string, options) => exit(await (await import('../commands/sync.js')).init(context(), path, options)));
};

const completion: DefineCommand = (program, { context, exit }) => {
  program
    .command('completion')
    .description('print a shell completion script')
    .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(SHELLS))
    .addHelpText('after', examples('kfq completion bash >> ~/.bashrc'))
    .action(async (shell: string) => exit(await (await import('../commands/completion.js')).run(context(), shell, program)));
};

// What the completion scripts call for deck-dependent values: categories, numbers, decks.
const complete: DefineCommand = (program, { context, exit }) => {
  program
    .command('__complete', { hidden: true })
    .argument('<what>')
    .action(async (what: string) => exit(await (await import('../commands/completion.js')).complete(context(), what)));
};

const config: DefineCommand = (program, { context, exit }) => {
  const command = program
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
    exit(await (await import('../commands/config.js')).run(context(), options));
  };
  command
    .command('get')
    .description('print the value in use')
    .argument('<key>')
    .option('--json', 'print it as JSON')
    .action((key: string, options: { json?: boolean }) => runConfig({ action: 'get', key, json: options.json }));
  command
    .command('set')
    .description('set a key in the config file')
    .argument('<key>')
    .argument('<value...>', 'the value; a list (deck, steps) as several words')
    .action((key: string, value: string[]) => runConfig({ action: 'set', key, value }));
  command
    .command('unset')
    .description('remove a key from the config file')
    .argument('<key>')
    .action((key: string) => runConfig({ action: 'unset', key }));
  command
    .command('list')
    .description('every key, its value and where it comes from')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => runConfig({ action: 'list', json: options.json }));
  command
    .command('path')
    .description('print where the config file is')
    .action(() => runConfig({ action: 'path' }));
  command
    .command('edit')
    .description('open the config file in $VISUAL or $EDITOR')
    .action(() => runConfig({ action: 'edit' }));
};

const doctor: DefineCommand = (program, { context, exit }) => {
  program
    .command('doctor')
    .description('check the data folder (log, reports, decks, cache); --fix repairs what it safely can')
    .option('--fix', 'move damaged log lines and reports aside (never deleting them), remove stale temp files, rebuild the cache')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', examples('kfq doctor', 'kfq doctor --fix', 'kfq doctor --json'))
    .action(async (options) => exit(await (await import('../commands/doctor.js')).run(context(), options)));
};

const paths: DefineCommand = (program, { context, exit }) => {
  program
    .command('paths')
    .description('where kfq keeps decks, history and cache')
    .option('--json', 'print paths as JSON')
    .addHelpText('after', examples('kfq paths', 'kfq paths --json'))
    .action(async (options) => exit(await (await import('../commands/paths.js')).run(context(), options)));
};

export const MANAGE_COMMANDS = { deck, sync, completion, __complete: complete, config, doctor, paths };
