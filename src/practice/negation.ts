// Which words of a typed answer are denied: those in the clause of a "not",
// "never", "cannot", "doesn't" …, and those after a "no", "without", "nor" in
// their clause. "Katib does not do hyperparameter tuning" names the right
// term and denies it.
import type { Word } from '../deck/terms.js';

// A clause ends at punctuation, at a contrasting conjunction, or at "and"/"or" that starts a new subject.
const CLAUSE_BREAK =
  /[,;:.!?()[\]]|\s[–—-]\s|\b(?:but|while|whereas|however|instead|although|though|yet|because|so that)\b|\b(?:and|or)\s+(?=(?:it|they|you|we|this|that|there|he|she|its|their)\b)/gi;
// Negation of the whole clause: the verb is denied, whatever side the terms are on.
const CLAUSE_CUE =
  /\b(?:not|never|cannot|can'?t|won'?t|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|wasn'?t|weren'?t|shouldn'?t|couldn'?t|wouldn'?t|hasn'?t|haven'?t|mustn'?t)\b|n['’]t\b/gi;
// Negation of what follows: "no caching", "without Istio".
const FORWARD_CUE = /\b(?:no|without|nor|neither|none)\b/gi;

/** For each word (as wordsOf gave them for `text`), whether it is inside a negated stretch. */
export function negatedWords(text: string, words: readonly Word[]): boolean[] {
  const normalised = text.replace(/[’]/g, "'");
  const breaks = [0, ...[...normalised.matchAll(CLAUSE_BREAK)].map((match) => match.index), normalised.length];
  const clauseOf = (at: number): [number, number] => {
    let start = 0;
    let end = normalised.length;
    for (const position of breaks) {
      if (position <= at) start = position;
      else {
        end = position;
        break;
      }
    }
    return [start, end];
  };
  const stretches: Array<[number, number]> = [];
  for (const match of normalised.matchAll(CLAUSE_CUE)) stretches.push(clauseOf(match.index));
  for (const match of normalised.matchAll(FORWARD_CUE)) stretches.push([match.index, clauseOf(match.index)[1]]);
  return words.map((word) => stretches.some(([start, end]) => word.index >= start && word.index < end));
}
