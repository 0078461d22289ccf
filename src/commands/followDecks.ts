// After decks are loaded: compare each with what kfq last saw of it, say in
// one line on stderr when one changed, remember the new version, and tell the
// review matcher where the reviews of renumbered, edited and moved questions
// belong now.
import { deckContentHash } from '../deck/cache.js';
import type { Deck } from '../deck/model.js';
import { StorageError } from '../errors.js';
import { changeSummary, followDeck, pastNames, type FollowedDeck } from '../practice/deckIdentity.js';
import { followPastNames } from '../practice/matchReviews.js';
import type { KfqPaths } from '../store/paths.js';
import { readSeenDeck, seenDecksFolder, writeSeenDeck } from '../store/seenDecks.js';
import { note } from '../ui/output.js';
import { safeLine } from '../ui/text.js';

export function followDecks(paths: KfqPaths, decks: readonly Deck[], now = new Date()): FollowedDeck[] {
  const folder = seenDecksFolder(paths.home);
  return decks.map((deck) => {
    const followed = followDeck(readSeenDeck(folder, deck.slug), deck.slug, deck.questions, now, deckContentHash(deck));
    if (followed.updated) {
      try {
        writeSeenDeck(folder, followed.seen);
      } catch (error) {
        // A read-only home still lists and searches; the change is noticed again next time.
        if (!(error instanceof StorageError)) throw error;
      }
    }
    if (followed.change) note(safeLine(changeSummary(followed.change)));
    followPastNames(deck.slug, pastNames(followed.seen));
    return followed;
  });
}
