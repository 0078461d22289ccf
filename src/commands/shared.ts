// What most commands do first: load the selected decks (printing warnings)
// and narrow them to a category.
import type { GlobalOptions } from '../cli.js';
// Not the deck/index.js barrel: it would load the parser, which a cache hit never needs.
import { loadDecksCached } from '../deck/cache.js';
import type { Question } from '../model/question.js';
import type { Deck } from '../model/deck.js';
import { selectCategory } from '../deck/select.js';
import { kfqPaths } from '../store/paths.js';
import { warn } from '../ui/output.js';

export interface Selection {
  decks: Deck[];
  questions: Question[];
  /** Each deck's content hash (see LoadedDeck), for caches derived from the decks. */
  contentHashes: ReadonlyMap<Deck, string>;
  /** The category the user asked for, resolved to its exact name. */
  category: string | undefined;
}

export async function loadSelection(globals: GlobalOptions, category?: string): Promise<Selection> {
  const paths = kfqPaths();
  const loaded = await loadDecksCached(globals.deck, { installedDir: paths.decks, cacheDir: paths.cache });
  for (const warning of loaded.warnings) warn(`${warning.file}:${warning.line}: ${warning.message}`);
  const { decks, contentHashes } = loaded;
  if (category === undefined) return { decks, questions: loaded.questions, contentHashes, category: undefined };
  const categories = [...new Set(loaded.decks.flatMap((deck) => deck.categories))];
  const exact = selectCategory(categories, category);
  return { decks, questions: loaded.questions.filter((q) => q.category === exact), contentHashes, category: exact };
}
