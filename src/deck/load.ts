// Loading the decks a command works on: the ones named, else $KFQ_DECK, else
// the built-in deck. Each deck gets a unique slug, so question ids never collide.
import { basename, delimiter, extname } from 'node:path';
import { builtinDeckPath } from './builtin.js';
import type { Deck, DeckWarning, Question } from './model.js';
import { readDeckFile } from './read.js';
import { resolveDeckFiles } from './resolve.js';
import { slugify, untakenName } from './slug.js';

export interface LoadedDecks {
  decks: Deck[];
  questions: Question[];
  warnings: DeckWarning[];
}

export function loadDecks(specs: string[], options: { installedDir: string; env?: NodeJS.ProcessEnv }): LoadedDecks {
  const env = options.env ?? process.env;
  const chosen = specs.length > 0 ? specs : (env.KFQ_DECK ?? '').split(delimiter).filter(Boolean);
  const files = chosen.length > 0 ? resolveDeckFiles(chosen, options) : [builtinDeckPath()];

  const slugs = new Set<string>();
  const decks: Deck[] = [];
  const warnings: DeckWarning[] = [];
  for (const file of files) {
    const slug = untakenName(slugify(basename(file, extname(file))), slugs);
    slugs.add(slug);
    const loaded = readDeckFile(file, { slug });
    decks.push(loaded.deck);
    warnings.push(...loaded.warnings);
  }
  return { decks, questions: decks.flatMap((deck) => deck.questions), warnings };
}
