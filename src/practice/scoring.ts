// How well a typed answer covers a reference answer, point by point. The
// reference is split into points (list items, table rows, sentences); each
// point's key terms are weighted by how informative they are across the deck
// and looked for in the typed answer (inflections, variants, typos, aliases,
// phrases in order). A term the answer denies is contradicted and earns
// nothing; a bare list of terms is capped. Pure: the deck's statistics and
// aliases come in through the options.
import {
  findTermAll,
  matchesOf,
  NO_ALIASES,
  typedWords,
  wordsOf,
  type AliasTable,
  type PhraseMatch,
  type TypedWords,
  type Word,
} from '../deck/terms.js';
import type { PointResult, PointStatus } from '../model/interview.js';
import type { ReviewRating } from '../model/review.js';
import { referencePoints, type ReferencePoint } from './keyTerms.js';
import { isBareList, LIST_NOTE } from './answerShape.js';
import { negatedWords } from './negation.js';
import { STOP_WORDS } from './stopWords.js';

export type { PointResult, PointStatus };

export interface AnswerScore {
  /** Key terms of the reference, as written there. */
  terms: string[];
  /** Terms the answer names (and does not deny). */
  covered: string[];
  missed: string[];
  /** covered / terms, 0 when the reference has no terms at all. */
  coverage: number;
  /** 0–100: the weighted share of points covered, with partial credit. */
  score: number;
  points: PointResult[];
  /** Why the score is what it is, when that needs saying ("a list of terms, not an explanation"). */
  notes: string[];
  /** The self-review grade the score suggests; the user's grade is what schedules. */
  suggestedRating: ReviewRating;
}

/** How informative a word's stem is across the deck (inverse document frequency); 1 when unknown. */
export interface TermWeights {
  idf(stem: string): number;
}

export interface GradingOptions {
  aliases?: AliasTable;
  weights?: TermWeights;
}

// A bare list earns at most this.
export const LIST_CAP = 40;
// Words the question names weigh this much: the answer should explain, not repeat.
const ASKED_FACTOR = 0.3;
// Loose content words outside the key terms weigh this much: they back a point up, the key terms make it.
const LOOSE_FACTOR = 0.5;
// A point counts as covered at this share of its weight, and full credit comes a little before all of it.
const COVERED_SHARE = 0.75;
const PARTLY_SHARE = 0.2;
const FULL_CREDIT_SHARE = 0.8;
// Words of a multi-word term found apart (out of order, or only some) earn this share of its weight.
const SCATTERED_CREDIT = 0.7;
// An interviewer expects the main points of a long reference, not every detail: this many points make full marks.
const POINTS_EXPECTED = 3;
const LEAD_FACTOR = 1.5;
// Lexical coverage understates what a person hears (their own words for the same idea), so the
// covered share maps to the score through a concave curve: half the weight covered is about 66.
const CALIBRATION = 0.6;

// Terms longer than this (a long code span) are not searched part by part.
const MAX_PART_WORDS = 8;

const UNIFORM: TermWeights = { idf: () => 1 };

/**
 * Scores `typed` against `reference` (Markdown). The question, when given, is
 * used to weigh down terms it already names: the answer should explain them.
 */
export function scoreAnswer(reference: string, typed: string, question?: string, options: GradingOptions = {}): AnswerScore {
  const answerWords = wordsOf(typed);
  const answer: Answer = {
    words: typedWords(answerWords),
    denied: negatedWords(typed, answerWords),
    asked: new Set(question === undefined ? [] : wordsOf(question).map((word) => word.stem)),
    aliases: options.aliases ?? NO_ALIASES,
    weights: options.weights ?? UNIFORM,
  };
  const terms: string[] = [];
  const covered: string[] = [];
  const missed: string[] = [];
  const points: PointResult[] = [];
  let earned = 0;
  let possible = 0;
  const pointWeights: number[] = [];
  const referenced = referencePoints(reference);
  for (const point of referenced) {
    const tally = tallyPoint(point, answer);
    for (const term of tally.listed) {
      if (terms.includes(term.text)) continue;
      terms.push(term.text);
      (term.covered ? covered : missed).push(term.text);
    }
    if (tally.weight === 0) continue;
    const share = tally.gained / tally.weight;
    const isContradicted = tally.contradicted > tally.gained;
    points.push({
      text: point.text,
      status: pointStatus(share, isContradicted),
      matched: [...new Set(tally.matched)],
      missing: tally.missing,
    });
    // The first point of a longer answer usually states the answer; the rest explains it.
    const pointWeight = points.length === 1 && referenced.length > 1 ? tally.weight * LEAD_FACTOR : tally.weight;
    pointWeights.push(pointWeight);
    possible += pointWeight;
    earned += isContradicted ? 0 : pointWeight * Math.min(1, share / FULL_CREDIT_SHARE);
  }

  const notes: string[] = [];
  const score =
    answerWords.length > 0 && possible > 0 ? finalScore(earned / expectedWeight(pointWeights, possible), typed, referenced, notes) : 0;
  if (points.some((point) => point.status === 'contradicted')) notes.push('the answer denies what the reference says');
  return {
    terms,
    covered,
    missed,
    coverage: terms.length === 0 ? 0 : covered.length / terms.length,
    score,
    points,
    notes,
    suggestedRating: suggestRating(score),
  };
}

/** The typed answer as every point is matched against it. */
interface Answer {
  words: TypedWords;
  /** For each word, whether a negation covers it. */
  denied: boolean[];
  /** Stems of the question's words. */
  asked: Set<string>;
  aliases: AliasTable;
  weights: TermWeights;
}

/** What one reference point's terms found in the answer. */
interface PointTally {
  weight: number;
  gained: number;
  /** The weight of key terms the answer denies. */
  contradicted: number;
  matched: string[];
  /** Key terms not fully named (loose words only when no key term is missing). */
  missing: string[];
  /** The key terms the lists name, in order, each with whether the answer names it. */
  listed: Array<{ text: string; covered: boolean }>;
}

function tallyPoint(point: ReferencePoint, answer: Answer): PointTally {
  const tally: PointTally = { weight: 0, gained: 0, contradicted: 0, matched: [], missing: [], listed: [] };
  const pointDenied = negatedWords(point.text, point.words);
  const pointDenies = pointDenied.includes(true);
  const missingLoose: string[] = [];
  for (const { text, words, loose } of point.terms) {
    if (words.length === 0) continue;
    const termWeight = weightOf(words, answer.weights, answer.asked) * (loose ? LOOSE_FACTOR : 1);
    // A term the reference itself denies ("without impacting real users") counts however the answer puts it.
    const referenceDenies = pointDenies && findTermAll(words, point.words, answer.aliases).some((match) => spanDenied(match, pointDenied));
    const result = matchTerm(words, answer.words, referenceDenies ? NOTHING_DENIED : answer.denied, answer.weights, answer.aliases);
    tally.weight += termWeight;
    tally.gained += termWeight * result.credit;
    // A loose word in a denied clause is often its subject, not what is denied.
    if (result.contradicted && !loose) tally.contradicted += termWeight;
    tally.matched.push(...result.matched);
    // The key terms are what the lists name: loose words and what the question itself names would be noise there.
    const listed = !loose && !words.every((word) => answer.asked.has(word.stem));
    if (listed) tally.listed.push({ text, covered: result.credit === 1 });
    if (result.credit < 1) (listed ? tally.missing : missingLoose).push(text);
  }
  if (tally.missing.length === 0) tally.missing.push(...missingLoose);
  return tally;
}

/** The covered share of the expected weight as a score, capped (with a note) for a bare list. */
function finalScore(covered: number, typed: string, referenced: readonly ReferencePoint[], notes: string[]): number {
  const score = Math.round(100 * Math.pow(Math.min(1, covered), CALIBRATION));
  // When the reference is itself a list of names ("metadata, kind and apiVersion"), so may the answer be.
  if (!isBareList(typed) || referenced.every((point) => isBareList(point.text))) return score;
  notes.push(LIST_NOTE);
  return Math.min(score, LIST_CAP);
}

function pointStatus(share: number, isContradicted: boolean): PointStatus {
  if (isContradicted) return 'contradicted';
  if (share >= COVERED_SHARE) return 'covered';
  return share >= PARTLY_SHARE ? 'partly' : 'missed';
}

/** The weight full marks need: all of it for a short reference, the heaviest few points' worth for a long one. */
function expectedWeight(pointWeights: number[], total: number): number {
  if (pointWeights.length <= POINTS_EXPECTED) return total;
  const heaviest = [...pointWeights].sort((a, b) => b - a).slice(0, POINTS_EXPECTED);
  return Math.max(
    heaviest.reduce((sum, weight) => sum + weight, 0),
    total / 2,
  );
}

function weightOf(words: readonly Word[], weights: TermWeights, asked: ReadonlySet<string>): number {
  return Math.max(...words.map((word) => weights.idf(word.stem) * (asked.has(word.stem) ? ASKED_FACTOR : 1)));
}

interface TermResult {
  /** 1 when named as a whole, a share when only some of its words are there, 0 when absent or denied. */
  credit: number;
  contradicted: boolean;
  matched: string[];
}

function matchTerm(
  words: readonly Word[],
  typed: TypedWords,
  denied: readonly boolean[],
  weights: TermWeights,
  aliases: AliasTable,
): TermResult {
  const matches = findTermAll(words, typed, aliases);
  const affirmed = matches.find((match) => !spanDenied(match, denied));
  if (affirmed) return { credit: 1, contradicted: false, matched: affirmed.matched };
  if (matches.length > 0) return { credit: 0, contradicted: true, matched: matches[0]!.matched };
  if (words.length < 2) return { credit: 0, contradicted: false, matched: [] };
  // Some of the term's words, apart or out of order: partial credit for the informative ones.
  let total = 0;
  let found = 0;
  let against = 0;
  const matched: string[] = [];
  for (const word of words) {
    if (STOP_WORDS.has(word.text)) continue;
    const weight = weights.idf(word.stem);
    total += weight;
    const matches = matchesOf(word, typed);
    const at = matches.findIndex((match, i) => (match & 1) === 1 && !denied[i]);
    if (at >= 0) {
      found += weight;
      matched.push(typed.words[at]!.text);
    } else if (matches.some((match) => (match & 1) === 1)) against += weight;
  }
  if (against > 0 && words.length <= MAX_PART_WORDS) {
    // Part of the term in order ("hyperparameter tuning" of "hyperparameter tuning framework"): denied, it is contradicted.
    for (let length = words.length - 1; length >= 2; length--) {
      for (let start = 0; start + length <= words.length; start++) {
        const part = findTermAll(words.slice(start, start + length), typed, aliases);
        if (part.length > 0 && part.every((match) => spanDenied(match, denied)))
          return { credit: 0, contradicted: true, matched: part[0]!.matched };
      }
    }
  }
  if (against > found) return { credit: 0, contradicted: true, matched: [] };
  return { credit: total === 0 ? 0 : (SCATTERED_CREDIT * found) / total, contradicted: false, matched };
}

const NOTHING_DENIED: readonly boolean[] = [];

function spanDenied(match: PhraseMatch, denied: readonly boolean[]): boolean {
  for (let i = match.start; i < match.end; i++) if (denied[i]) return true;
  return false;
}

/** Again below 30, Hard below 60, Good below 85, Easy from 85. */
export function suggestRating(score: number): ReviewRating {
  return score < 30 ? 1 : score < 60 ? 2 : score < 85 ? 3 : 4;
}
