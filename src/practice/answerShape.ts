// Whether a typed answer explains or only lists terms. A list ("istio mtls
// ingress authentication") has no sentence structure: no function words
// (articles, prepositions, pronouns, auxiliaries) and no verbs.
import { isVerbIng } from './keyTerms.js';

export const LIST_NOTE = 'a list of terms, not an explanation';

// "and" and "or" join list items too, so they do not count.
const FUNCTION_WORDS = new Set(
  `a an the this that these those it its they them their you your we our he she his her there
  of to for in on at by with from into onto over under between through via per as than about after before during
  is are was were be been being am do does did has have had can could will would should may might must shall
  not no never without cannot if when where which who whom whose what why how then so because while whereas but
  each every all any some both either neither more most less only just also too very`
    .split(/\s+/)
    .filter(Boolean),
);
// Common verbs of short answers that carry no inflection to tell them by; words that are as often
// nouns ("search", "test", "runs", "logs") are left out, since a list is made of nouns.
const PLAIN_VERBS = new Set(
  `use uses make makes let lets get gets put puts keep keeps add adds send sends create creates build builds
  allow allows help helps need needs give gives take takes turn turns read reads write writes watch watches
  handle handles reuse reuses skip skips save saves deploy deploys define defines manage manages means contains holds`
    .split(/\s+/)
    .filter(Boolean),
);

/** Three or more words, and none of them a function word or a verb. */
export function isBareList(typed: string): boolean {
  const words = typed.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  if (words.length < 3) return false;
  return !words.some((word) => FUNCTION_WORDS.has(word) || PLAIN_VERBS.has(word) || /n['’]t$/.test(word) || isVerbIng(word));
}
