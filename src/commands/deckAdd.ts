// kfq deck add: validate a deck (Markdown, Anki text export or CSV) and install
// it. Apart from deck.ts (list, remove), which never loads the parser.
import { readFileSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { fileError } from '../deck/fileErrors.js';
import { detectFormat, readAnkiText, readCsv, type DeckFormat } from '../deck/import.js';
import { parseDeckBytes } from '../deck/load.js';
import { isDeckProblem, type LoadedDeck } from '../model/deck.js';
import { parseDeck } from '../deck/parse.js';
import { slugify } from '../deck/slug.js';
import { DeckError, ExitCode, NotFoundError, UsageError } from '../errors.js';
import { questionsToMarkdown } from '../export/markdown.js';
import { installDeck, installedDeckFile, isDeckName, listInstalledDecks } from '../store/installedDecks.js';
import { ensureWritableHome } from '../store/paths.js';
import { note } from '../ui/output.js';
import type { CommandContext } from './context.js';
import { plural } from '../model/plural.js';

export async function run(ctx: CommandContext, path: string, options: { name?: string; force?: boolean }): Promise<number> {
  const file = resolve(path);
  const name = options.name ?? slugify(basename(file, extname(file)));
  if (!isDeckName(name)) {
    throw new UsageError(`'${name}' cannot be a deck name`, { hint: 'use letters, digits, - and _ (for example --name my-deck)' });
  }
  const paths = ctx.paths;
  const target = installedDeckFile(paths.decks, name);
  const installed = listInstalledDecks(paths.decks).some((deck) => deck.name === name);
  if (installed && !options.force) throw alreadyInstalled(name, target);

  const bytes = readSource(file, path);
  const text = bytes.toString('utf8');
  const format = detectFormat(file, text);
  let loaded: LoadedDeck;
  let content: Buffer | string;
  if (format === 'markdown') {
    // Installed as it is, byte for byte, once kfq has read it the way it always will.
    loaded = validated(parseDeckBytes(bytes, file, { slug: name }), path);
    content = bytes;
  } else {
    content = convert(format, text, path, name);
    loaded = validated(parseDeck(content, { path: `${path} (converted)`, slug: name }), path);
  }
  const { deck } = loaded;

  ensureWritableHome(paths);
  // Checked again under the name's lock: another deck add may have finished meanwhile.
  const outcome = installDeck(
    paths.decks,
    name,
    content,
    { source: file, format, addedAt: ctx.now().toISOString() },
    Boolean(options.force),
  );
  if (outcome === 'exists') throw alreadyInstalled(name, target);
  const from = format === 'markdown' ? '' : ` (converted from ${format === 'anki' ? 'an Anki export' : 'CSV'})`;
  note(
    ctx.stderr,
    `${outcome} deck '${name}': ${plural(deck.questions.length, 'question')} in ${plural(deck.categories.length, 'category', 'categories')}${from}`,
  );
  const skipped = loaded.warnings.filter((warning) => warning.skipped).length;
  if (skipped > 0) note(ctx.stderr, `${plural(skipped, 'question')} without an answer left out; kfq validate ${path} lists them`);
  const conversions = loaded.warnings.filter((warning) => warning.conversion).length;
  if (conversions > 0)
    note(ctx.stderr, `${plural(conversions, 'conversion')} of HTML, images or a footer; kfq validate ${path} lists them`);
  note(ctx.stderr, `use it with: kfq --deck ${name} drill`);
  return ExitCode.ok;
}

function alreadyInstalled(name: string, target: string): UsageError {
  return new UsageError(`a deck named '${name}' is already installed (${target})`, {
    hint: 'pass --force to replace it, or --name to add it under another name',
  });
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

/**
 * Any problem stops the install, with the first one named; conversions of HTML
 * and decoration do not, nor questions without an answer (many public banks
 * leave some open), which are counted instead.
 */
function validated(loaded: LoadedDeck, shown: string): LoadedDeck {
  const problems = loaded.warnings.filter(isDeckProblem);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DeckError(first.file, first.line, `${first.message}${more}`, {
      hint: `kfq validate ${shown} lists every problem; nothing was installed`,
    });
  }
  return loaded;
}
