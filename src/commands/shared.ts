// What most commands do first: load the selected decks (printing warnings)
// and narrow them to a category.
// Not the deck/index.js barrel: it would load the parser, which a cache hit never needs.
import { loadDecksCached } from '../deck/cache.js';
import { selectCategory } from '../deck/select.js';
import type { Deck } from '../model/deck.js';
import type { Question } from '../model/question.js';
import { warn } from '../ui/output.js';
import { terminalWidth } from '../ui/text.js';
import type { CommandContext } from './context.js';

export interface Selection {
  decks: Deck[];
  questions: Question[];
  /** Each deck's content hash (see LoadedDeck), for caches derived from the decks. */
  contentHashes: ReadonlyMap<Deck, string>;
  /** The category the user asked for, resolved to its exact name. */
  category: string | undefined;
}

export async function loadSelection(ctx: CommandContext, category?: string): Promise<Selection> {
  const { paths } = ctx;
  const loaded = await loadDecksCached(ctx.deckSpecs, { installedDir: paths.decks, cacheDir: paths.cache, env: ctx.env });
  for (const warning of loaded.warnings) warn(ctx.stderr, `${warning.file}:${warning.line}: ${warning.message}`);
  const { decks, contentHashes } = loaded;
  if (category === undefined) return { decks, questions: loaded.questions, contentHashes, category: undefined };
  const categories = [...new Set(decks.flatMap((deck) => deck.categories))];
  const exact = selectCategory(categories, category);
  return { decks, questions: loaded.questions.filter((q) => q.category === exact), contentHashes, category: exact };
}

/** The width to lay text out in: the terminal's, else $COLUMNS, else 80. */
export function layoutWidth(ctx: Pick<CommandContext, 'width' | 'env'>): number {
  return terminalWidth({ columns: ctx.width }, ctx.env);
}
