// How much of a reference answer a typed answer covers, by key terms: product
// and tool names, acronyms, code spans and technical noun phrases. Pure and
// heuristic; it does not judge, it shows what was named and what was missed.
import { Lexer, type Token } from 'marked';
import { unescapeMarkedText } from '../deck/inline.js';
import { STOP_WORDS } from './stopWords.js';

export interface AnswerScore {
  /** Key terms of the reference, as written there. */
  terms: string[];
  covered: string[];
  missed: string[];
  /** covered / terms, 0 when the reference has no terms at all. */
  coverage: number;
}

const MIN_TERMS = 3;

interface Term {
  text: string;
  /** Normalised stems of its words. */
  stems: string[];
}

/**
 * Scores `typed` against the key terms of `reference` (Markdown). When the
 * question is given, terms it already names (the subject) do not count, unless
 * nothing else is left. A reference with no key terms is scored on its content words.
 */
export function scoreAnswer(reference: string, typed: string, question?: string): AnswerScore {
  const { plain, code } = flatten(reference);
  const asked = new Set(question === undefined ? [] : wordsOf(question).filter((word) => word.kind !== 'stop').map((word) => normalise(word.text)));
  const isAsked = (term: Term): boolean => term.stems.every((stem) => asked.has(stem));
  const all = dedupe([...code.map(codeTerm), ...keyTerms(plain)]);
  let terms = all.filter((term) => !isAsked(term));
  // Too few terms make an all-or-nothing score: add content words, up to a few.
  if (terms.length < MIN_TERMS) {
    const taken = new Set(terms.flatMap((term) => term.stems));
    const extra = dedupe(contentWords(plain)).filter((term) => !isAsked(term) && !taken.has(term.stems[0]!));
    terms = [...terms, ...extra.slice(0, MIN_TERMS + 2 - terms.length)];
  }
  if (terms.length === 0) terms = all.length > 0 ? all : dedupe(contentWords(plain));
  const have = typedStems(typed);
  const covered: string[] = [];
  const missed: string[] = [];
  for (const term of terms) (isCovered(term, have) ? covered : missed).push(term.text);
  return { terms: terms.map((term) => term.text), covered, missed, coverage: terms.length === 0 ? 0 : covered.length / terms.length };
}

// ── Reading the reference ────────────────────────────────────────────────────

/** Plain text of the Markdown (code spans become clause breaks) and its code spans. */
function flatten(markdown: string): { plain: string; code: string[] } {
  const code: string[] = [];
  const parts: string[] = [];
  const walk = (tokens: Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'codespan') {
        code.push(unescapeMarkedText(token.text));
        parts.push(' , ');
      } else if (token.type === 'code') {
        parts.push(' . ');
      } else if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
        walk(token.tokens);
      } else if (token.type === 'list') {
        for (const item of token.items) walk(item.tokens);
      } else if ('text' in token && typeof token.text === 'string') {
        parts.push(unescapeMarkedText(token.text));
      }
      // Block ends are sentence ends.
      if (token.type === 'paragraph' || token.type === 'heading' || token.type === 'list_item' || token.type === 'space') parts.push(' . ');
    }
  };
  walk(Lexer.lex(markdown));
  return { plain: parts.join(''), code };
}

type Kind = 'name' | 'word' | 'stop';

interface Word {
  text: string;
  kind: Kind;
  /** Ends with a possessive (`Argo’s`, `Kubernetes'`): the name ends there. */
  possessive: boolean;
}

// Letters and digits, with inner hyphens, slashes, dots and apostrophes: CI/CD, open-source, K8s, Argo’s, C++.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’\-/.+#]*/gu;
// A clause ends at punctuation or a spaced dash; a sentence at . ! ? or a block end.
const CLAUSE_BREAK = /[,;:()[\]{}"“”…]|\s[–—-]\s/;
const SENTENCE_BREAK = /[.!?](?=\s|$)/;

function sentencesOf(plain: string): Word[][][] {
  // "e.g." and friends start a list, not a sentence.
  return plain
    .replace(/\b(?:e\.g|i\.e|etc|vs)\./gi, ',')
    .split(SENTENCE_BREAK).map((sentence) =>
    sentence.split(CLAUSE_BREAK).map((clause) => [...clause.matchAll(WORD)].map((match) => readWord(match[0]))),
  );
}

function readWord(raw: string): Word {
  const possessive = /(?:['’]s|s['’])$/i.test(raw);
  const text = raw.replace(/['’]s$/i, '').replace(/[-/.'’]+$/, '');
  return { text, kind: classify(text), possessive };
}

function classify(text: string): Kind {
  const lower = text.toLowerCase();
  if (STOP_WORDS.has(lower) || /^\d+$/.test(text) || text.length < 2 || isAdverb(lower)) return 'stop';
  if (/^[A-Z]{2,}s?$/.test(text) || /[A-Z].*[/&].*[A-Z]/.test(text)) return 'name'; // RBAC, GKE, APIs, CI/CD, A/B
  if (/[a-z][A-Z]|[A-Z]{2}[a-z]/.test(text) || (/\d/.test(text) && /\p{L}/u.test(text))) return 'name'; // PyTorch, TFJob, mTLS, K8s, S3
  if (/^\p{Lu}/u.test(text)) return 'name';
  return 'word';
}

// -ly adverbs (efficiently, dynamically), not -ly nouns.
const LY_NOUNS = new Set(['anomaly', 'assembly', 'family', 'supply', 'monopoly', 'reply', 'butterfly']);
function isAdverb(lower: string): boolean {
  return lower.length >= 6 && lower.endsWith('ly') && !LY_NOUNS.has(lower);
}

/**
 * Names (runs of capitalised words, acronyms, CamelCase) and noun phrases (runs
 * of two or more content words) in the reference. A capitalised word that
 * starts a sentence and is followed by a lower-case content word begins a
 * phrase ("Model drift", "Local installation"), unless it is a name elsewhere
 * in the text; standing alone ("Argo is …") it is a name.
 */
function keyTerms(plain: string): Term[] {
  const sentences = sentencesOf(plain);
  const namesMidSentence = new Set<string>();
  for (const sentence of sentences) {
    sentence.forEach((clause, c) => clause.forEach((word, w) => {
      if (word.kind === 'name' && (c > 0 || w > 0)) namesMidSentence.add(word.text);
    }));
  }
  const terms: Term[] = [];
  for (const sentence of sentences) {
    sentence.forEach((clause, c) => {
      const first = c === 0 ? clause[0] : undefined;
      if (first?.kind === 'name' && !isStrongName(first.text) && !namesMidSentence.has(first.text) && clause[1]?.kind === 'word') first.kind = 'word';
      terms.push(...termsOfClause(clause));
    });
  }
  return terms;
}

/** Acronyms, CamelCase and words with digits are names even at a sentence start. */
function isStrongName(text: string): boolean {
  return /^[A-Z]{2,}s?$/.test(text) || /[a-z][A-Z]|[A-Z]{2}[a-z]|\d|[A-Z][/&][A-Z]/.test(text);
}

function termsOfClause(clause: Word[]): Term[] {
  const terms: Term[] = [];
  let run: Word[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const kind = run[0]!.kind;
    if (kind === 'name') terms.push(makeTerm(run.map((word) => word.text)));
    else {
      const phrase = phraseOf(run.map((word) => word.text));
      if (phrase.length >= 2) terms.push(makeTerm(phrase));
    }
    run = [];
  };
  for (const word of clause) {
    if (word.kind === 'stop' || (run.length > 0 && run[0]!.kind !== word.kind)) flush();
    if (word.kind !== 'stop') run.push(word);
    if (word.possessive) flush();
  }
  flush();
  return terms;
}

/**
 * The noun phrase in a run of content words: a leading verb in -ing ("managing
 * machine learning") and a trailing participle ("platform designed") go, at
 * most the last three words stay.
 */
function phraseOf(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && isVerbIng(words[start]!.toLowerCase())) start++;
  while (end > start && /..ed$/i.test(words[end - 1]!)) end--;
  return words.slice(Math.max(start, end - 3), end);
}

// -ing words that name things (training jobs, learning curve), not actions.
const NOUNS_IN_ING = new Set(
  'learning training retraining serving tuning logging scaling autoscaling auto-scaling tracking caching processing computing networking routing scheduling versioning engineering streaming batching labeling pruning stopping prefetching preprocessing'.split(' '),
);
function isVerbIng(lower: string): boolean {
  return lower.endsWith('ing') && !NOUNS_IN_ING.has(lower);
}

/** Words that carry meaning on their own: no function words, verbs in -ing or participles. */
function contentWords(plain: string): Term[] {
  return wordsOf(plain)
    .filter(({ text, kind }) => kind === 'name' || (kind === 'word' && text.length >= 3 && !isVerbIng(text.toLowerCase()) && !/..ed$/i.test(text)))
    .map((word) => makeTerm([word.text]));
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => readWord(match[0]));
}

function codeTerm(code: string): Term {
  const words = code.match(/[\p{L}\p{N}]+/gu)?.filter((word) => word.length >= 2) ?? [];
  return { text: code, stems: words.map(normalise) };
}

function makeTerm(words: string[]): Term {
  return { text: words.join(' '), stems: words.map(normalise) };
}

/** Drops repeats, and terms whose words are all inside a longer term. */
function dedupe(terms: Term[]): Term[] {
  const seen = new Set<string>();
  const inLonger = (term: Term): boolean =>
    terms.some((other) => other.stems.length > term.stems.length && term.stems.every((stem) => other.stems.includes(stem)));
  return terms.filter((term) => {
    const key = term.stems.join(' ');
    if (term.stems.length === 0 || seen.has(key) || inLonger(term)) return false;
    seen.add(key);
    return true;
  });
}

// ── Matching ─────────────────────────────────────────────────────────────────

/** Stems of the typed words, plus each pair joined, so `pytorch job` meets `PyTorchJob`. */
function typedStems(typed: string): string[] {
  const words = wordsOf(typed).map((word) => word.text.toLowerCase());
  const stems = words.map(normalise);
  for (let i = 0; i + 1 < words.length; i++) stems.push(normalise(words[i]! + words[i + 1]!));
  return stems;
}

/** Short terms need every word; longer ones two words in three. */
function isCovered(term: Term, have: string[]): boolean {
  const needed = term.stems.length <= 2 ? term.stems.length : Math.ceil((term.stems.length * 2) / 3);
  const found = term.stems.filter((stem) => have.some((candidate) => similar(stem, candidate))).length;
  return found >= needed;
}

/** Case, plural and inflection are normalised away; hyphens, slashes and dots too. */
function normalise(word: string): string {
  return stem(word.toLowerCase().replace(/['’]s$/, '').replace(/[-/.'’+#]/g, ''));
}

function stem(word: string): string {
  if (word.length <= 4) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ations', 'ation', 'ions', 'ion', 'ings', 'ing', 'ments', 'ment', 'ed', 'er']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Equal, or a small typo: one edit for words of 5+ letters, two for 8+. */
function similar(expected: string, candidate: string): boolean {
  if (expected === candidate) return true;
  const allowed = expected.length >= 8 ? 2 : expected.length >= 5 ? 1 : 0;
  return allowed > 0 && Math.abs(expected.length - candidate.length) <= allowed && editDistance(expected, candidate, allowed) <= allowed;
}

/** Optimal string alignment distance (adjacent swaps count one), giving up above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}
