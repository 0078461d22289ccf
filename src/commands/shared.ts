// What most commands do first: load the selected decks (printing problems)
// and narrow them to a category.
// Not the deck/index.js barrel: it would load the parser, which a cache hit never needs.
import { loadDecksCached } from '../deck/cache.js';
import { selectCategory } from '../deck/select.js';
import { isDeckProblem, type Deck } from '../model/deck.js';
import type { Question } from '../model/question.js';
import { warnProblems } from '../ui/output.js';
import { terminalWidth } from '../ui/text.js';
import type { CommandContext } from './context.js';
import { followDecks, type DeckFollowing } from './followDecks.js';

export interface Selection {
  decks: Deck[];
  questions: Question[];
  /** Each deck's content hash (see LoadedDeck), for caches derived from the decks. */
  contentHashes: ReadonlyMap<Deck, string>;
  /** The category the user asked for, resolved to its exact name. */
  category: string | undefined;
  /** Each deck's past as kfq follows it across changes (same order as decks). */
  followed: DeckFollowing[];
}

export async function loadSelection(ctx: CommandContext, category?: string): Promise<Selection> {
  const { paths } = ctx;
  const loaded = await loadDecksCached(ctx.deckSpecs, { installedDir: paths.decks, cacheDir: paths.cache, env: ctx.env });
  // Conversions (HTML made Markdown, a footer dropped) and questions left out for want of an answer are told by
  // deck add and validate, not on every run.
  const problems = loaded.warnings.filter(isDeckProblem);
  // ctx.stderr only when there is something to say: asking makes the stream (see ui/standardOutput.ts).
  if (problems.length > 0) warnProblems(ctx.stderr, problems);
  const { decks, contentHashes } = loaded;
  const followed = followDecks(ctx, decks, contentHashes);
  if (category === undefined) return { decks, questions: loaded.questions, contentHashes, category: undefined, followed };
  const categories = [...new Set(decks.flatMap((deck) => deck.categories))];
  const exact = selectCategory(categories, category);
  return { decks, questions: loaded.questions.filter((q) => q.category === exact), contentHashes, category: exact, followed };
}

/** The width to lay text out in: the terminal's (else $COLUMNS, else 80); none when output is piped, so nothing is wrapped or cut. */
export function layoutWidth(ctx: Pick<CommandContext, 'width' | 'env'>): number {
  return terminalWidth({ columns: ctx.width, isTTY: ctx.width !== undefined }, ctx.env);
}
