// A search query as the ranking reads it: groups of words, one group per thing
// asked about. A group may be said several ways (an alias, an acronym, the
// parts of "A/B" or the joined "ab"), and matches a question through any one.
import { ALIAS_SETS, QUERY_FILLER } from './queryWords.js';
import { joinedWords, normalizeWord, textWords } from './words.js';

export interface QueryGroup {
  /** Each a list of lower-case typed words; the first is what was typed. */
  alternatives: string[][];
}

/** The longest alias phrase, in words. */
const MAX_ALIAS_WORDS = 4;

/** The query's groups in order, filler dropped unless nothing else is left. */
export function analyseQuery(query: string): QueryGroup[] {
  const groups = withAliases(wordGroups(query));
  const meaningful = groups.filter((group) => !isFiller(group));
  return meaningful.length > 0 ? meaningful : groups;
}

/** One group per word, but one per compound ("a/b"): the joined word or its parts. */
function wordGroups(query: string): QueryGroup[] {
  const words = textWords(query);
  const compounds = joinedWords(query);
  const groups: Array<{ start: number; group: QueryGroup }> = [];
  for (const compound of compounds) {
    const parts = words.filter((word) => word.start >= compound.start && word.end <= compound.end).map((word) => word.word);
    groups.push({ start: compound.start, group: { alternatives: parts.length > 0 ? [[compound.word], parts] : [[compound.word]] } });
  }
  for (const word of words) {
    if (!compounds.some((compound) => word.start >= compound.start && word.end <= compound.end)) {
      groups.push({ start: word.start, group: { alternatives: [[word.word]] } });
    }
  }
  return groups.sort((a, b) => a.start - b.start).map((entry) => entry.group);
}

/**
 * Alias phrases by the stems of their words, each with the other ways to say
 * it: only the sets with a word starting like some query word, since stemming
 * them all would cost more than the rest of a search of the built-in deck.
 */
function aliasesFor(groups: readonly QueryGroup[]): Map<string, string[][]> {
  const starts = new Set(groups.flatMap((group) => group.alternatives[0]!.map((word) => word.slice(0, 2))));
  const table = new Map<string, string[][]>();
  for (const set of ALIAS_SETS) {
    const phrases = set.map((phrase) => phrase.split(' '));
    if (!phrases.some((phrase) => phrase.some((word) => starts.has(word.slice(0, 2))))) continue;
    for (const phrase of phrases) {
      const key = phraseKey(phrase);
      const others = phrases.filter((other) => phraseKey(other) !== key);
      table.set(key, [...(table.get(key) ?? []), ...others]);
    }
  }
  return table;
}

function phraseKey(words: readonly string[]): string {
  return words.map(normalizeWord).join(' ');
}

/** Runs of groups that spell an alias phrase become one group, with the alias's other phrases as alternatives. */
function withAliases(groups: QueryGroup[]): QueryGroup[] {
  const table = aliasesFor(groups);
  const result: QueryGroup[] = [];
  let at = 0;
  while (at < groups.length) {
    let merged = false;
    for (let size = Math.min(MAX_ALIAS_WORDS, groups.length - at); size >= 1 && !merged; size--) {
      const run = groups.slice(at, at + size);
      const typed = run.flatMap((group) => group.alternatives[0]!);
      const others = table.get(phraseKey(typed));
      if (!others) continue;
      const rest = size === 1 ? run[0]!.alternatives.slice(1) : [];
      result.push({ alternatives: [typed, ...rest, ...others] });
      at += size;
      merged = true;
    }
    if (!merged) result.push(groups[at++]!);
  }
  return result;
}

function isFiller(group: QueryGroup): boolean {
  return group.alternatives.every((words) => words.every((word) => QUERY_FILLER.has(word)));
}

/** The words of an alternative that carry meaning (all of them when all are filler). */
export function meaningfulWords(words: readonly string[]): readonly string[] {
  const kept = words.filter((word) => !QUERY_FILLER.has(word));
  return kept.length > 0 ? kept : words;
}
