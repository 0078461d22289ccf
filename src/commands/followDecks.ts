// After decks are loaded: compare each with what kfq last saw of it, say in
// one line on stderr when one changed, remember the new version, and tell the
// review matcher where the reviews of renumbered, edited and moved questions
// belong now.
//
// The seen list of a big deck is as large as the deck, and most runs find the
// deck unchanged: so what a run needs from the list (the deck's content hash,
// the past names, the last change) is also kept in a small cache entry keyed
// by the list file's bytes, and the list itself is parsed only when the deck
// changed or that entry is missing.
import { join } from 'node:path';
import { StorageError } from '../errors.js';
import type { Deck } from '../model/deck.js';
import type { DeckChange } from '../model/seenDeck.js';
import { changeSummary, followDeck, pastNames } from '../practice/deckIdentity.js';
import { followPastNames } from '../practice/matchReviews.js';
import { cacheName, contentHash, readCache, writeCache } from '../store/cacheFile.js';
import { parseSeenDeck, readSeenDeckBytes, seenDeckFile, seenDecksFolder, writeSeenDeck } from '../store/seenDecks.js';
import { note } from '../ui/output.js';
import { safeLine } from '../ui/text.js';
import type { CommandContext } from './context.js';

/** What commands learn about a deck's past from following it. */
export interface DeckFollowing {
  /** The last change kfq noticed in the deck; undefined when it never changed. */
  lastChange?: DeckChange;
}

/** The part of a seen list a run needs when the deck is unchanged. */
interface SeenSummary {
  contentHash: string | undefined;
  names: Array<[string, string | null]>;
  lastChange: DeckChange | undefined;
}

export function followDecks(
  ctx: Pick<CommandContext, 'paths' | 'now' | 'stderr'>,
  decks: readonly Deck[],
  contentHashes: ReadonlyMap<Deck, string>,
): DeckFollowing[] {
  const folder = seenDecksFolder(ctx.paths.home);
  return decks.map((deck) => {
    const hash = contentHashes.get(deck);
    const bytes = readSeenDeckBytes(folder, deck.slug);
    const summaryFile = join(ctx.paths.cache, `seen-${cacheName(seenDeckFile(folder, deck.slug))}`);
    const keyOf = (seenHash: string): string => JSON.stringify(['seen-deck', deck.slug, seenHash]);
    let seenHash = bytes && contentHash(bytes);
    if (seenHash !== undefined && hash !== undefined) {
      const summary = readCache<unknown>(summaryFile, keyOf(seenHash));
      if (isSeenSummary(summary) && summary.contentHash === hash) {
        followPastNames(deck.slug, new Map(summary.names));
        return { lastChange: summary.lastChange };
      }
    }

    const followed = followDeck(bytes && parseSeenDeck(bytes, deck.slug), deck.slug, deck.questions, ctx.now(), hash);
    if (followed.updated) {
      try {
        seenHash = writeSeenDeck(folder, followed.seen);
      } catch (error) {
        // A read-only home still lists and searches; the change is noticed again next time.
        if (!(error instanceof StorageError)) throw error;
        seenHash = undefined;
      }
    }
    if (followed.change) note(ctx.stderr, safeLine(changeSummary(followed.change)));
    const names = pastNames(followed.seen);
    followPastNames(deck.slug, names);
    const { lastChange } = followed.seen;
    if (seenHash !== undefined) {
      const summary: SeenSummary = { contentHash: followed.seen.contentHash, names: [...names], lastChange };
      writeCache(summaryFile, keyOf(seenHash), summary);
    }
    return { lastChange };
  });
}

/** A last guard: the checksum already proved the bytes are what this build wrote. */
function isSeenSummary(value: unknown): value is SeenSummary {
  const summary = value as SeenSummary | undefined;
  return (
    typeof summary === 'object' &&
    summary !== null &&
    (summary.contentHash === undefined || typeof summary.contentHash === 'string') &&
    Array.isArray(summary.names) &&
    (summary.lastChange === undefined || (typeof summary.lastChange === 'object' && summary.lastChange !== null))
  );
}
