// The floor for any start-up of kfq's shape: an ES module that loads
// commander, reads the built-in deck and prints it. No kfq code at all;
// bench/run.js times it beside `node -e 0` and the kfq commands.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';

const program = new Command('floor');
program
  .command('list')
  .option('--json')
  .action(() => {
    const text = readFileSync(new URL('../data/kubeflow.md', import.meta.url), 'utf8');
    process.stdout.write(`${JSON.stringify(text.split('\n'), null, 2)}\n`);
  });
await program.parseAsync(process.argv);
