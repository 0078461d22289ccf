// Deck specs (a file, a folder of .md decks, or an installed deck's name) to files.
import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { DeckError } from '../errors.js';
import { builtinDeckPath } from './builtin.js';
import { fileError } from './fileErrors.js';
import { slugify, untakenName } from './slug.js';
import { installedDeckFile } from '../store/installedDecks.js';

export interface DeckSource {
  file: string;
  /** Unique among the sources, so question ids never collide. */
  slug: string;
}

/** The deck specs a command works on: the ones named, else $KFQ_DECK; none means the built-in deck. */
export function chosenDeckSpecs(specs: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  return specs.length > 0 ? specs : (env.KFQ_DECK ?? '').split(delimiter).filter(Boolean);
}

/** The decks a command works on: the ones named, else $KFQ_DECK, else the built-in deck. */
export function resolveDeckSources(specs: string[], options: { installedDir: string; env?: NodeJS.ProcessEnv }): DeckSource[] {
  const chosen = chosenDeckSpecs(specs, options.env);
  const files = chosen.length > 0 ? resolveDeckFiles(chosen, options) : [builtinDeckPath()];
  const slugs = new Set<string>();
  return files.map((file) => {
    const slug = untakenName(slugify(basename(file, extname(file))), slugs);
    slugs.add(slug);
    return { file, slug };
  });
}

export function resolveDeckFiles(specs: string[], options: { installedDir: string }): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    for (const file of resolveSpec(spec, options.installedDir)) {
      const key = resolve(file);
      if (seen.has(key)) continue;
      seen.add(key);
      files.push(file);
    }
  }
  return files;
}

function resolveSpec(spec: string, installedDir: string): string[] {
  const stats = statOf(spec);
  if (stats?.isDirectory()) return folderDecks(spec);
  // Anything else that exists is left to readDeckFile, which refuses what is not a regular file.
  if (stats) return [spec];
  if (spec !== '' && !/[\\/]/.test(spec)) {
    const name = spec.replace(/\.md$/, '');
    const installed = installedDeckFile(installedDir, name);
    if (statOf(installed)?.isFile()) return [installed];
    // The built-in deck answers to its own name, unless a deck installed under that name takes it.
    const builtin = builtinDeckPath();
    if (name === basename(builtin, extname(builtin))) return [builtin];
  }
  throw new DeckError(spec, undefined, 'no such deck file, folder or installed deck', {
    hint: 'check the path, or see the installed decks with "kfq deck list"',
  });
}

function folderDecks(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw fileError(error, dir);
  }
  const files = names
    .filter((name) => /\.md$/i.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((file) => isRegularFile(file));
  if (files.length === 0) {
    throw new DeckError(dir, undefined, 'folder has no .md decks', { hint: 'put Markdown decks (*.md) in it, or pass a deck file' });
  }
  return files;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw fileError(error, path);
  }
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}
