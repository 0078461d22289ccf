// Which decks' reviews `history --deck` and `export --history --deck` keep:
// the slugs the named decks load under, or for a name that no longer resolves
// (a removed deck, whose reviews stay in the log) the slug of the name itself.
import { resolveDeckSources } from '../deck/resolve.js';
import { slugify } from '../deck/slug.js';
import { DeckError } from '../errors.js';
import type { KfqPaths } from '../store/paths.js';

/** Deck slugs to keep, or undefined when no --deck was given (keep every deck). */
export function deckSlugFilter(specs: string[], paths: KfqPaths): Set<string> | undefined {
  if (specs.length === 0) return undefined;
  const slugs = new Set<string>();
  for (const spec of specs) {
    try {
      for (const { slug } of resolveDeckSources([spec], { installedDir: paths.decks, env: {} })) slugs.add(slug);
    } catch (error) {
      if (!(error instanceof DeckError)) throw error;
      slugs.add(slugify(spec));
    }
  }
  return slugs;
}
