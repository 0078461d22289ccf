// The ranking: BM25F over question, answer and category. Each field's term
// counts are weighted and length-normalised, then summed before saturation, so
// a short field that repeats a common word cannot outweigh the rest. A typed
// word matches its stem, whole words within a few typing mistakes and words it
// is the start of; a near match earns the rarity of the word it matched, less
// a penalty for the difference, and no more than the word typed is worth when
// the deck knows it (so too an alias: a rarer synonym earns no more).
import { typoAllowance } from '../deck/terms.js';
import { meaningfulWords, type QueryGroup } from './query.js';
import { documentCount, FIELD_COUNT, findTerm, nearWords, type Speller, type WordIndex } from './wordIndex.js';
import { normalizeWord } from './words.js';

/** Field weights (question, answer, category) and length normalisation, BM25F's w and b. */
export const FIELD_WEIGHTS = [3, 1, 0.8];
const FIELD_LENGTH_NORM = [0.5, 0.75, 0.5];
/** BM25's term-frequency saturation. */
const K1 = 1.2;
/**
 * A question is shown only when the words it matches carry this share of the
 * query's weight (by rarity) or are this share of its words: both words of
 * two, two of three, three of four. By count too, so that one rare word the
 * question does not say ("when to use vm *instead* of container") cannot hide
 * a question that holds all the others.
 */
export const MIN_COVERAGE = 0.6;

export interface IndexPart {
  /** Position of the part's first document among all documents. */
  start: number;
  words: WordIndex;
}

/** A word of the query as matched in one part: the terms it stands for and how closely. */
interface WordMatch {
  terms: Int32Array;
  similarity: Float64Array;
}

/** A word's matches in one part with what each is worth: how closely it matches times its rarity. */
interface WeighedMatch {
  terms: Int32Array;
  weights: Float64Array;
}

export interface Scored {
  position: number;
  score: number;
  /** Per group, the document's score for it. */
  groupScores: Float64Array;
}

export interface RankContext {
  groups: QueryGroup[];
  /** Per group, the stems it matched anywhere: for highlighting and the order bonus. */
  groupTerms: Set<string>[];
}

/** Scores every document that matches enough of the query; `visit` is called with each. */
export function scoreParts(
  parts: readonly IndexPart[],
  groups: QueryGroup[],
  accept: (position: number) => boolean,
  /** `groupScores` is reused from call to call: copy it to keep it. */
  visit: (position: number, score: number, groupScores: Float64Array) => void,
  /** Proposes the words a typed word the deck does not know may be a misspelling of: without it, typos are not forgiven. */
  speller?: Speller,
): RankContext {
  const typed = typedWords(groups);
  const rarity = rarityOver(parts);
  const matchesByPart = parts.map(
    (part) => new Map(typed.map((word) => [word, weighMatch(part.words, word, matchWord(part.words, word, speller), rarity)] as const)),
  );
  const { groupTerms, groupWeights, alternativeScales } = weighGroups(parts, groups, matchesByPart, rarity);
  const totalWeight = groupWeights.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight === 0) return { groups, groupTerms };

  const query: WeighedQuery = {
    typed,
    // Per group, per alternative, the positions in `typed` of its meaningful words.
    plan: groups.map((group) => group.alternatives.map((words) => meaningfulWords(words).map((word) => typed.indexOf(word)))),
    alternativeScales,
    groupWeights,
    totalWeight,
    minMatched: Math.ceil(MIN_COVERAGE * groupWeights.filter((weight) => weight > 0).length - 1e-9),
  };
  const required = requiredGroups(groupWeights, totalWeight, query.minMatched);
  const averages = averageLengths(parts);
  const groupScores = new Float64Array(groups.length);
  for (const [p, part] of parts.entries()) {
    const matches = matchesByPart[p]!;
    const scan = startScan(part.words, matches, typed.length, averages);
    const entries = entryWords(query.plan, required, (k) => postingCount(part.words, matches.get(typed[k]!)!));
    // First the entry words, which find the questions worth scoring, then the others, for those questions only.
    for (const k of entries) scoreEntryWord(scan, query, k);
    for (const k of typed.keys()) if (!entries.has(k)) scoreOtherWord(scan, query, k);
    visitTouched(scan, query, groupScores, (doc, score) => {
      const position = part.start + doc;
      if (accept(position)) visit(position, score, groupScores);
    });
    clearScan(scan, typed.length);
  }
  return { groups, groupTerms };
}

/** The query once each group is weighed. */
interface WeighedQuery {
  typed: string[];
  /** Per group, per alternative, the positions in `typed` of its meaningful words. */
  plan: number[][][];
  /** Per group, per alternative, what its score is multiplied by so that no other way of saying the group is worth more than the words typed. */
  alternativeScales: number[][];
  groupWeights: number[];
  totalWeight: number;
  /** How many groups (of those that match anything) a question must match to be shown when they carry less than MIN_COVERAGE of the weight. */
  minMatched: number;
}

/** A stem's rarity over all parts (BM25's idf), worked out once per stem, and whether any question holds it. */
interface Rarity {
  of(term: string): number;
  known(term: string): boolean;
}

function rarityOver(parts: readonly IndexPart[]): Rarity {
  const docTotal = parts.reduce((sum, part) => sum + part.words.docCount, 0);
  const frequencies = new Map<string, number>();
  const frequency = (term: string): number => {
    let df = frequencies.get(term);
    if (df === undefined) {
      df = parts.reduce((sum, part) => {
        const at = findTerm(part.words, term);
        return sum + (at < 0 ? 0 : documentCount(part.words, at));
      }, 0);
      frequencies.set(term, df);
    }
    return df;
  };
  return {
    of: (term) => {
      const df = frequency(term);
      return Math.log(1 + (docTotal - df + 0.5) / (df + 0.5));
    },
    known: (term) => frequency(term) > 0,
  };
}

/**
 * Per group, the stems it matches anywhere, its weight and the scale of each
 * of its alternatives. When the deck knows the words typed, another way of
 * saying them (an alias) is worth no more than they are: a question does not
 * rank above another for using a rarer synonym ("folder" for "directory").
 * 0 when the group matches nothing.
 */
function weighGroups(
  parts: readonly IndexPart[],
  groups: readonly QueryGroup[],
  matchesByPart: ReadonlyArray<ReadonlyMap<string, WeighedMatch>>,
  rarity: Rarity,
): { groupTerms: Set<string>[]; groupWeights: number[]; alternativeScales: number[][] } {
  const groupTerms = groups.map(() => new Set<string>());
  const alternativeScales: number[][] = [];
  const groupWeights = groups.map((group, g) => {
    const phraseWeights = group.alternatives.map((words) => {
      const kept = meaningfulWords(words);
      let phraseWeight = 0;
      for (const word of kept) {
        let best = 0;
        for (const [p, part] of parts.entries()) {
          const match = matchesByPart[p]!.get(word)!;
          for (let i = 0; i < match.terms.length; i++) {
            groupTerms[g]!.add(part.words.terms[match.terms[i]!]!);
            best = Math.max(best, match.weights[i]!);
          }
        }
        phraseWeight += best / kept.length;
      }
      return phraseWeight;
    });
    const typedKnown = meaningfulWords(group.alternatives[0]!).every((word) => rarity.known(normalizeWord(word)));
    const cap = typedKnown ? phraseWeights[0]! : Infinity;
    const capped = phraseWeights.map((weight) => Math.min(weight, cap));
    alternativeScales.push(phraseWeights.map((weight, a) => (weight > 0 ? capped[a]! / weight : 0)));
    return Math.max(...capped);
  });
  return { groupTerms, groupWeights, alternativeScales };
}

/** Scoring one part: its index, the typed words' matches in it, the scratch arrays and the documents touched so far. */
interface PartScan extends Scratch {
  index: WordIndex;
  matches: ReadonlyMap<string, WeighedMatch>;
  touchedCount: number;
  /** A posting's BM25F score for a word of this weight. */
  scoreAt: (at: number, weight: number) => number;
}

function startScan(index: WordIndex, matches: ReadonlyMap<string, WeighedMatch>, words: number, averages: readonly number[]): PartScan {
  // BM25F's weight of one occurrence in a field: w / (1 - b + b * length / average length).
  const lengthScale = averages.map((average, field) => FIELD_LENGTH_NORM[field]! / average);
  const scoreAt = (at: number, weight: number): number => {
    const doc = index.docs[at]!;
    let tf = 0;
    for (let field = 0; field < FIELD_COUNT; field++) {
      const count = index.freqs[at * FIELD_COUNT + field]!;
      if (count === 0) continue;
      const length = index.lengths[doc * FIELD_COUNT + field]!;
      tf += (count * FIELD_WEIGHTS[field]!) / (1 - FIELD_LENGTH_NORM[field]! + lengthScale[field]! * length);
    }
    return (weight * tf) / (K1 + tf);
  };
  return { ...scratchOf(index, words), index, matches, touchedCount: 0, scoreAt };
}

/** An entry word: every question in its postings is touched and scored. */
function scoreEntryWord(scan: PartScan, query: WeighedQuery, k: number): void {
  const { index, seen, touched } = scan;
  const scores = scan.wordScores[k]!;
  const match = scan.matches.get(query.typed[k]!)!;
  for (let i = 0; i < match.terms.length; i++) {
    const term = match.terms[i]!;
    const weight = match.weights[i]!;
    for (let at = index.offsets[term]!, end = index.offsets[term + 1]!; at < end; at++) {
      const doc = index.docs[at]!;
      const score = scan.scoreAt(at, weight);
      if (score > scores[doc]!) scores[doc] = score;
      if (seen[doc] === 0) {
        seen[doc] = 1;
        touched[scan.touchedCount++] = doc;
      }
    }
  }
}

/**
 * Another word, for the touched questions only: looked up in each posting
 * list (documents ascending) when that is quicker than reading it.
 */
function scoreOtherWord(scan: PartScan, query: WeighedQuery, k: number): void {
  const { index, seen, touched, touchedCount } = scan;
  const scores = scan.wordScores[k]!;
  const match = scan.matches.get(query.typed[k]!)!;
  for (let i = 0; i < match.terms.length; i++) {
    const term = match.terms[i]!;
    const weight = match.weights[i]!;
    const start = index.offsets[term]!;
    const end = index.offsets[term + 1]!;
    if (touchedCount * Math.log2(end - start + 2) < end - start) {
      for (let t = 0; t < touchedCount; t++) {
        const doc = touched[t]!;
        const at = findPosting(index.docs, start, end, doc);
        if (at < 0) continue;
        const score = scan.scoreAt(at, weight);
        if (score > scores[doc]!) scores[doc] = score;
      }
    } else {
      for (let at = start; at < end; at++) {
        const doc = index.docs[at]!;
        if (seen[doc] === 0) continue;
        const score = scan.scoreAt(at, weight);
        if (score > scores[doc]!) scores[doc] = score;
      }
    }
  }
}

/** Each touched question that matches enough of the query's weight, with its score and (in groupScores) its score per group. */
function visitTouched(scan: PartScan, query: WeighedQuery, groupScores: Float64Array, visit: (doc: number, score: number) => void): void {
  const { plan, alternativeScales, groupWeights, totalWeight } = query;
  for (let i = 0; i < scan.touchedCount; i++) {
    const doc = scan.touched[i]!;
    let covered = 0;
    let matched = 0;
    let score = 0;
    for (let g = 0; g < plan.length; g++) {
      let best = 0;
      // Index loops, not for-of: this runs for every touched question, and iterators allocate.
      const alternatives = plan[g]!;
      for (let a = 0; a < alternatives.length; a++) {
        const alternative = alternatives[a]!;
        let sum = 0;
        for (let w = 0; w < alternative.length; w++) {
          const value = scan.wordScores[alternative[w]!]![doc]!;
          if (value === 0) {
            sum = 0;
            break;
          }
          sum += value;
        }
        const value = (sum * alternativeScales[g]![a]!) / alternative.length;
        if (value > best) best = value;
      }
      groupScores[g] = best;
      if (best > 0) {
        covered += groupWeights[g]!;
        matched++;
      }
      score += best;
    }
    if (covered / totalWeight >= MIN_COVERAGE - 1e-9 || matched >= query.minMatched) visit(doc, score);
  }
}

/** The scratch arrays back to zero for the next search. */
function clearScan(scan: PartScan, words: number): void {
  for (let i = 0; i < scan.touchedCount; i++) {
    const doc = scan.touched[i]!;
    scan.seen[doc] = 0;
    for (let k = 0; k < words; k++) scan.wordScores[k]![doc] = 0;
  }
}

/**
 * The groups a question must match one of to match enough of the query: the
 * weightiest few, whose weight the rest cannot make up for and without which
 * too few groups are left to match. Only questions holding one of their words
 * are scored, not every question holding "model".
 */
function requiredGroups(groupWeights: readonly number[], totalWeight: number, minMatched: number): Set<number> {
  const required = new Set<number>();
  const weighed = groupWeights.filter((weight) => weight > 0).length;
  let rest = totalWeight;
  for (const g of groupWeights.map((_, g) => g).sort((a, b) => groupWeights[b]! - groupWeights[a]!)) {
    if (rest < MIN_COVERAGE * totalWeight - 1e-9 && weighed - required.size < minMatched) break;
    required.add(g);
    rest -= groupWeights[g]!;
  }
  return required;
}

/** For each way of saying a required group, its rarest word: a question must hold it to match that way. */
function entryWords(plan: readonly (readonly number[])[][], required: ReadonlySet<number>, postings: (k: number) => number): Set<number> {
  const entries = new Set<number>();
  for (const g of required) {
    for (const alternative of plan[g]!) {
      let rarest = alternative[0]!;
      for (const k of alternative) if (postings(k) < postings(rarest)) rarest = k;
      entries.add(rarest);
    }
  }
  return entries;
}

/** Where `doc` is in docs[start..end) (ascending), or -1. */
function findPosting(docs: Uint32Array, start: number, end: number, doc: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (docs[mid]! < doc) low = mid + 1;
    else high = mid;
  }
  return low < end && docs[low] === doc ? low : -1;
}

function postingCount(index: WordIndex, match: WeighedMatch): number {
  let count = 0;
  for (const term of match.terms) count += documentCount(index, term);
  return count;
}

/** The query's words that count, each once. */
function typedWords(groups: readonly QueryGroup[]): string[] {
  return [...new Set(groups.flatMap((group) => group.alternatives.flatMap((words) => meaningfulWords(words))))];
}

/** Whether some word of the query is long enough to be forgiven typos and unknown to some part: only then is a speller needed. */
export function needsSpeller(parts: readonly IndexPart[], groups: readonly QueryGroup[]): boolean {
  return typedWords(groups).some(
    (word) => typoAllowance(word.length) > 0 && parts.some((part) => findTerm(part.words, normalizeWord(word)) < 0),
  );
}

/** The terms a typed word stands for in one index, with how closely each matches. */
function matchWord(index: WordIndex, typed: string, speller: Speller | undefined): WordMatch {
  const best = new Map<number, number>();
  const offer = (term: number, similarity: number): void => {
    if (similarity > (best.get(term) ?? 0)) best.set(term, similarity);
  };
  const own = findTerm(index, normalizeWord(typed));
  if (own >= 0) offer(own, 1);
  // A word the deck knows is most likely spelt as meant: it is not taken for a
  // typo of another, and the longer words it starts count for less.
  const known = own >= 0 ? 0.5 : 1;
  for (const near of nearWords(index, typed, own < 0 ? speller : undefined)) {
    const similarity = near.prefix ? 0.4 + (0.5 * typed.length) / near.surface.length : 1 - near.edits / Math.max(typed.length, 4);
    offer(near.term, similarity * known);
  }
  const terms = Int32Array.from(best.keys());
  return { terms, similarity: Float64Array.from(terms, (term) => best.get(term)!) };
}

/**
 * What each matched term is worth: how closely it matches times its rarity.
 * A word the deck knows is what was meant, so a longer word it starts is worth
 * no more than the word itself: "git" in a deck about git says little, and
 * "github" or "gitignore" being rare does not make it say more. A word the
 * deck does not know is worth the rarity of what it matched.
 */
function weighMatch(index: WordIndex, typed: string, match: WordMatch, rarity: Rarity): WeighedMatch {
  // The rarity of a word no question holds is above any a matched word can have.
  const ownRarity = rarity.of(normalizeWord(typed));
  return {
    terms: match.terms,
    weights: Float64Array.from(match.terms, (term, i) => match.similarity[i]! * Math.min(rarity.of(index.terms[term]!), ownRarity)),
  };
}

/** Buffers reused from query to query: allocating them for a big deck each time costs more than the search. */
interface Scratch {
  /** Per query word, per document, its best score. */
  wordScores: Float64Array[];
  seen: Uint8Array;
  /** The documents some query word occurs in, in the order found. */
  touched: Uint32Array;
}

const scratches = new WeakMap<WordIndex, Scratch>();

function scratchOf(index: WordIndex, words: number): Scratch {
  let scratch = scratches.get(index);
  if (!scratch) {
    scratch = { wordScores: [], seen: new Uint8Array(index.docCount), touched: new Uint32Array(index.docCount) };
    scratches.set(index, scratch);
  }
  while (scratch.wordScores.length < words) scratch.wordScores.push(new Float64Array(index.docCount));
  return scratch;
}

function averageLengths(parts: readonly IndexPart[]): number[] {
  const docs = parts.reduce((sum, part) => sum + part.words.docCount, 0);
  return Array.from({ length: FIELD_COUNT }, (_, field) => {
    const total = parts.reduce((sum, part) => sum + part.words.fieldTotals[field]!, 0);
    return Math.max(total / Math.max(docs, 1), 1);
  });
}
