// kfq deck list|remove: decks of your own, kept in the kfq home (deckAdd.ts
// adds them). Installed decks are read through the deck cache, like --deck.
import type { CommandContext } from './context.js';
import { builtinDeckPath } from '../deck/builtin.js';
import { readDeckFileCached } from '../deck/cache.js';
import { slugify } from '../deck/slug.js';
import { ExitCode, KfqError, NotFoundError, UsageError } from '../errors.js';
import { listInstalledDecks, removeInstalledDeck } from '../store/installedDecks.js';
import { printJson, printLines, note } from '../ui/output.js';
import { runPrompt } from '../ui/prompt.js';
import { safeLine, truncate, visibleWidth } from '../ui/text.js';
import { out } from '../ui/theme.js';
import { layoutWidth } from './shared.js';
import { plural } from '../model/plural.js';

interface DeckListing {
  name: string;
  title: string;
  questions: number;
  categories: string[];
  source: string | null;
  path: string;
  error?: string;
}

export async function list(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const paths = ctx.paths;
  const listings: DeckListing[] = [];
  for (const { name, path, origin } of listInstalledDecks(paths.decks)) {
    const base = { name, path, source: origin?.source ?? null };
    try {
      const { deck } = await readDeckFileCached(path, slugify(name), paths.cache);
      listings.push({ ...base, title: deck.title, questions: deck.questions.length, categories: deck.categories });
    } catch (error) {
      if (!(error instanceof KfqError)) throw error;
      listings.push({ ...base, title: '', questions: 0, categories: [], error: error.message });
    }
  }
  if (options.json) {
    printJson(ctx.stdout, listings);
    return ExitCode.ok;
  }
  if (listings.length === 0) {
    note(ctx.stderr, 'No decks installed yet. The built-in Kubeflow deck is always there.');
    note(ctx.stderr, `Add your own (Markdown, Anki text export or CSV) with: kfq deck add ./my-deck.md`);
    note(ctx.stderr, `built-in deck: ${builtinDeckPath()}`);
    return ExitCode.ok;
  }
  const width = layoutWidth(ctx);
  // Names come from file names in the decks folder: shown like deck text.
  const nameWidth = Math.max(...listings.map((l) => visibleWidth(safeLine(l.name))));
  const lines: string[] = [];
  for (const deck of listings) {
    const name = safeLine(deck.name);
    const head = `${out.bold(name)}${' '.repeat(nameWidth - visibleWidth(name))}  `;
    if (deck.error) {
      lines.push(head + out.red(safeLine(truncate(deck.error, width - nameWidth - 2))));
      continue;
    }
    const summary = `${plural(deck.questions, 'question')} · ${plural(deck.categories.length, 'category', 'categories')}`;
    lines.push(
      head + safeLine(truncate(deck.title || deck.name, Math.max(20, width - nameWidth - summary.length - 5))) + out.dim(` · ${summary}`),
    );
    const indent = ' '.repeat(nameWidth + 2);
    lines.push(indent + out.dim(safeLine(truncate(deck.categories.join(', '), width - indent.length))));
    if (deck.source) lines.push(indent + out.dim(safeLine(truncate(`from ${deck.source}`, width - indent.length))));
  }
  printLines(ctx.stdout, lines);
  return ExitCode.ok;
}

export async function remove(ctx: CommandContext, name: string, options: { yes?: boolean }): Promise<number> {
  const folder = ctx.paths.decks;
  const deck = listInstalledDecks(folder).find((d) => d.name === name);
  if (!deck) {
    throw new NotFoundError(`no installed deck named '${name}'`, { hint: 'kfq deck list shows the installed decks' });
  }
  if (!options.yes) {
    if (!ctx.isTTY) {
      throw new UsageError(`removing deck '${name}' needs confirmation, and there is no terminal to ask in`, {
        hint: `pass --yes: kfq deck remove ${name} --yes`,
      });
    }
    const { default: confirm } = await import('@inquirer/confirm');
    if (!(await runPrompt(confirm, { message: `Remove the deck '${name}'? Your review history is kept.`, default: false }))) {
      note(ctx.stderr, 'nothing removed');
      return ExitCode.ok;
    }
  }
  removeInstalledDeck(folder, name);
  note(ctx.stderr, `removed deck '${name}'; its review history is kept`);
  return ExitCode.ok;
}
