// A search query as the ranking reads it: groups of words, one group per thing
// asked about. A group may be said several ways (an alias, an acronym, the
// parts of "A/B" or the joined "ab"), and matches a question through any one.
import { builtinAliases, type AliasGroups } from '../deck/aliases.js';
import { buildAliasTable, phraseKey as stemKey, type AliasTable } from '../deck/terms.js';
import { QUERY_FILLER } from './queryWords.js';
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

let fieldAliases: AliasGroups | undefined;

/**
 * The alias table (kfq's list for the field, shared with grading) cut to the
 * groups with a word starting like some query word: stemming every phrase
 * would cost more than the rest of a search of the built-in deck.
 */
function aliasesFor(groups: readonly QueryGroup[]): AliasTable {
  fieldAliases ??= builtinAliases();
  const starts = [...new Set(groups.flatMap((group) => group.alternatives[0]!.map((word) => word.slice(0, 2))))];
  return buildAliasTable(fieldAliases.filter((group) => group.some((phrase) => hasWordStarting(phrase.toLowerCase(), starts))));
}

/** Splits an alias phrase into words. */
const PHRASE_SEPARATOR = /[\s\-/&.+'’()]/;

/**
 * Whether some word of the phrase (split at PHRASE_SEPARATOR) has one of the
 * starts as its first two letters; found in place, since splitting every phrase
 * of the table at every search makes garbage enough to cost a collection.
 */
function hasWordStarting(phrase: string, starts: readonly string[]): boolean {
  for (let s = 0; s < starts.length; s++) {
    const start = starts[s]!;
    for (let at = phrase.indexOf(start); at !== -1; at = phrase.indexOf(start, at + 1)) {
      const end = at + start.length;
      if (
        (at === 0 || PHRASE_SEPARATOR.test(phrase[at - 1]!)) &&
        (start.length >= 2 || end === phrase.length || PHRASE_SEPARATOR.test(phrase[end]!))
      )
        return true;
    }
  }
  return false;
}

/** The key an alias phrase of these (lower-case) words is found by: their stems, as terms.ts's phraseKey makes it. */
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
      const key = phraseKey(typed);
      const found = table.byKey.get(key);
      if (!found) continue;
      const others = found
        .flatMap((group) => table.groups[group]!)
        .filter((phrase) => stemKey(phrase) !== key)
        .map((phrase) => phrase.map((word) => word.text));
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
