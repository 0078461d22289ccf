// After decks are loaded: compare each with what kfq last saw of it, say in
// one line on stderr when one changed, remember the new version, and tell the
// review matcher where the reviews of renumbered, edited and moved questions
// belong now.
import { StorageError } from '../errors.js';
import type { Deck } from '../model/deck.js';
import { changeSummary, followDeck, pastNames, type FollowedDeck } from '../practice/deckIdentity.js';
import { followPastNames } from '../practice/matchReviews.js';
import { readSeenDeck, seenDecksFolder, writeSeenDeck } from '../store/seenDecks.js';
import { note } from '../ui/output.js';
import { safeLine } from '../ui/text.js';
import type { CommandContext } from './context.js';

export function followDecks(
  ctx: Pick<CommandContext, 'paths' | 'now' | 'stderr'>,
  decks: readonly Deck[],
  contentHashes: ReadonlyMap<Deck, string>,
): FollowedDeck[] {
  const folder = seenDecksFolder(ctx.paths.home);
  const now = ctx.now();
  return decks.map((deck) => {
    const followed = followDeck(readSeenDeck(folder, deck.slug), deck.slug, deck.questions, now, contentHashes.get(deck));
    if (followed.updated) {
      try {
        writeSeenDeck(folder, followed.seen);
      } catch (error) {
        // A read-only home still lists and searches; the change is noticed again next time.
        if (!(error instanceof StorageError)) throw error;
      }
    }
    if (followed.change) note(ctx.stderr, safeLine(changeSummary(followed.change)));
    followPastNames(deck.slug, pastNames(followed.seen));
    return followed;
  });
}
