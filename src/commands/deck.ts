// kfq deck add|list|remove: decks of your own, kept in the kfq home.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { GlobalOptions } from '../cli.js';
import { builtinDeckPath, parseDeck, readDeckFile, slugify, type Deck, type LoadedDeck } from '../deck/index.js';
import { parseDeckBytes } from '../deck/load.js';
import { fileError } from '../deck/fileErrors.js';
import { detectFormat, readAnkiText, readCsv, type DeckFormat } from '../deck/import.js';
import { DeckError, KfqError, NotFoundError, UsageError } from '../errors.js';
import { questionsToMarkdown } from '../export/markdown.js';
import { installDeck, installedDeckFile, isDeckName, listInstalledDecks, removeInstalledDeck } from '../store/installedDecks.js';
import { ensureWritableHome, kfqPaths } from '../store/paths.js';
import { printJson, printLines, note } from '../ui/output.js';
import { runPrompt } from '../ui/prompt.js';
import { safeLine, terminalWidth, truncate } from '../ui/text.js';
import { out } from '../ui/theme.js';

export async function add(path: string, options: { name?: string; force?: boolean }, _globals: GlobalOptions): Promise<void> {
  const file = resolve(path);
  const name = options.name ?? slugify(basename(file, extname(file)));
  if (!isDeckName(name)) {
    throw new UsageError(`'${safeLine(name)}' cannot be a deck name`, { hint: 'use letters, digits, - and _ (for example --name my-deck)' });
  }
  const paths = kfqPaths();
  const target = installedDeckFile(paths.decks, name);
  const installed = listInstalledDecks(paths.decks).some((deck) => deck.name === name);
  if (installed && !options.force) {
    throw new UsageError(`a deck named '${name}' is already installed (${target})`, { hint: 'pass --force to replace it, or --name to add it under another name' });
  }

  const bytes = readSource(file, path);
  const text = bytes.toString('utf8');
  const format = detectFormat(file, text);
  let deck: Deck;
  let content: Buffer | string;
  if (format === 'markdown') {
    // Installed as it is, byte for byte, once kfq has read it the way it always will.
    deck = validated(parseDeckBytes(bytes, file, { slug: name }), path);
    content = bytes;
  } else {
    content = convert(format, text, path, name);
    deck = validated(parseDeck(content, { path: `${path} (converted)`, slug: name }), path);
  }

  ensureWritableHome(paths);
  installDeck(paths.decks, name, content, { source: file, format, addedAt: new Date().toISOString() });
  const from = format === 'markdown' ? '' : ` (converted from ${format === 'anki' ? 'an Anki export' : 'CSV'})`;
  note(`${installed ? 'replaced' : 'added'} deck '${name}': ${deck.questions.length} questions in ${deck.categories.length} categories${from}`);
  note(`use it with: kfq --deck ${name} drill`);
}

function readSource(file: string, shown: string): Buffer {
  try {
    // A FIFO or device would block or never end.
    if (!statSync(file).isFile()) throw new UsageError(`${shown} is not a regular file; kfq deck add takes one deck file`);
    return readFileSync(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NotFoundError(`no such file: ${shown}`);
    throw fileError(error, shown);
  }
}

function convert(format: Exclude<DeckFormat, 'markdown'>, text: string, shown: string, name: string): string {
  const imported = format === 'anki' ? readAnkiText(text, shown) : readCsv(text, shown);
  return questionsToMarkdown(imported.questions, {
    title: imported.title ?? name,
    description: `Imported from ${basename(shown)}`,
  });
}

/** Any problem stops the install, with the first one named. */
function validated({ deck, warnings }: LoadedDeck, shown: string): Deck {
  const first = warnings[0];
  if (first) {
    const more = warnings.length > 1 ? ` (and ${warnings.length - 1} more)` : '';
    throw new DeckError(first.file, first.line, `${first.message}${more}`, { hint: `kfq validate ${shown} lists every problem; nothing was installed` });
  }
  return deck;
}

interface DeckListing {
  name: string;
  title: string;
  questions: number;
  categories: string[];
  source: string | null;
  path: string;
  error?: string;
}

export async function list(options: { json?: boolean }, _globals: GlobalOptions): Promise<void> {
  const listings: DeckListing[] = listInstalledDecks(kfqPaths().decks).map(({ name, path, origin }) => {
    const base = { name, path, source: origin?.source ?? null };
    try {
      const { deck } = readDeckFile(path);
      return { ...base, title: deck.title, questions: deck.questions.length, categories: deck.categories };
    } catch (error) {
      if (!(error instanceof KfqError)) throw error;
      return { ...base, title: '', questions: 0, categories: [], error: error.message };
    }
  });
  if (options.json) return printJson(listings);
  if (listings.length === 0) {
    note('No decks installed yet. The built-in Kubeflow deck is always there.');
    note(`Add your own (Markdown, Anki text export or CSV) with: kfq deck add ./my-deck.md`);
    note(`built-in deck: ${builtinDeckPath()}`);
    return;
  }
  const width = terminalWidth();
  const nameWidth = Math.max(...listings.map((l) => l.name.length));
  const lines: string[] = [];
  for (const deck of listings) {
    const head = `${out.bold(deck.name.padEnd(nameWidth))}  `;
    if (deck.error) {
      lines.push(head + out.red(safeLine(truncate(deck.error, width - nameWidth - 2))));
      continue;
    }
    const summary = `${deck.questions} questions · ${deck.categories.length} categories`;
    lines.push(head + safeLine(truncate(deck.title || deck.name, Math.max(20, width - nameWidth - summary.length - 5))) + out.dim(` · ${summary}`));
    const indent = ' '.repeat(nameWidth + 2);
    lines.push(indent + out.dim(safeLine(truncate(deck.categories.join(', '), width - indent.length))));
    if (deck.source) lines.push(indent + out.dim(safeLine(truncate(`from ${deck.source}`, width - indent.length))));
  }
  printLines(lines);
}

export async function remove(name: string, options: { yes?: boolean }, _globals: GlobalOptions): Promise<void> {
  const folder = kfqPaths().decks;
  const deck = listInstalledDecks(folder).find((d) => d.name === name);
  if (!deck) {
    throw new NotFoundError(`no installed deck named '${safeLine(name)}'`, { hint: 'kfq deck list shows the installed decks' });
  }
  if (!options.yes) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError(`removing deck '${name}' needs confirmation, and there is no terminal to ask in`, { hint: `pass --yes: kfq deck remove ${name} --yes` });
    }
    const { default: confirm } = await import('@inquirer/confirm');
    if (!(await runPrompt(confirm, { message: `Remove the deck '${name}'? Your review history is kept.`, default: false }))) {
      note('nothing removed');
      return;
    }
  }
  removeInstalledDeck(folder, name);
  note(`removed deck '${name}'; its review history is kept`);
}
