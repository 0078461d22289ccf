// The points of a reference answer and the key terms of each: product and
// tool names, acronyms, code spans and technical noun phrases. A point is one
// idea: a list item, a table row or a sentence.
import { Lexer, type Token, type Tokens } from 'marked';
import { markedTokenText } from '../deck/markdownText/index.js';
import { wordsOf as matchWords, type Word as MatchWord } from '../deck/terms.js';
import { STOP_WORDS } from './stopWords.js';

export interface ReferencePoint {
  /** The point as plain text. */
  text: string;
  words: MatchWord[];
  /** Its key terms (names, noun phrases, code), then the loose content words outside them. */
  terms: Array<{ text: string; words: MatchWord[]; loose: boolean }>;
}

/** The points of a Markdown reference answer, in order, each with its key terms. Remembered per text for the session. */
export function referencePoints(markdown: string): ReferencePoint[] {
  let points = known.get(markdown);
  if (!points) {
    points = readPoints(markdown);
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(markdown, points);
  }
  return points;
}

const known = new Map<string, ReferencePoint[]>();
const MAX_KNOWN = 5000;

function readPoints(markdown: string): ReferencePoint[] {
  const points: ReferencePoint[] = [];
  for (const block of blocksOf(markdown)) {
    for (const sentence of splitSentences(block.plain)) {
      const code = block.code.filter((span) => sentence.includes(CODE_MARK + span + CODE_END));
      const text = sentence
        .replaceAll(CODE_MARK, '')
        .replaceAll(CODE_END, '')
        .replace(/\s+/g, ' ')
        .replace(/\s+([,.;:!?])/g, '$1')
        .trim();
      // Key terms first; then the content words outside them, which the deck's statistics weigh.
      const key = dedupe([...code.map(codeTerm), ...keyTerms(sentence.replaceAll(CODE_MARK, '').replaceAll(CODE_END, ' , '))]);
      const loose = new Set(dedupe([...key, ...contentWords(text)]).filter((term) => !key.includes(term)));
      const terms = [...key, ...loose].map((term) => ({ text: term.text, words: matchWords(term.text), loose: loose.has(term) }));
      if (terms.length > 0) points.push({ text, words: matchWords(text), terms });
    }
  }
  return points;
}

interface Term {
  text: string;
  /** Stems of its words. */
  stems: string[];
}

// Mark where a code span starts and ends, so the sentence holding it keeps it and no term runs across its end.
const CODE_MARK = '\u0000';
const CODE_END = '\u0002';

interface Block {
  plain: string;
  code: string[];
}

/** Paragraphs, list items and table rows as plain text; headings and code blocks are not points. */
function blocksOf(markdown: string): Block[] {
  return isPlain(markdown) ? plainBlocks(markdown) : markdownBlocks(markdown);
}

// Most answers are bullets or paragraphs of plain text: those are read without marked.
const MARKUP = /[`*_[\]<>|#\\&~]|^\s*\d+[.)]\s|^ {4}|^\s*\t|^\s*[=-]{3,}\s*$/m;

function isPlain(markdown: string): boolean {
  return !MARKUP.test(markdown.replace(/^\s*[-+] /gm, ''));
}

/** Blank lines and bullets start a block; other lines continue one. */
function plainBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of markdown.split('\n')) {
    const bullet = /^\s*[-+] (.*)$/.exec(line);
    if (line.trim() === '') current = undefined;
    else if (bullet || !current) {
      current = { plain: (bullet ? bullet[1]! : line).trim(), code: [] };
      blocks.push(current);
    } else current.plain += ` ${line.trim()}`;
  }
  return blocks.filter((block) => block.plain !== '');
}

function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const inline = (tokens: Token[] | undefined, block: Block): void => {
    for (const token of tokens ?? []) {
      if (token.type === 'codespan') {
        const code = markedTokenText(token.text);
        block.code.push(code);
        block.plain += ` ${CODE_MARK}${code}${CODE_END} `;
      } else if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) inline(token.tokens, block);
      else if (token.type === 'html' || token.type === 'br') block.plain += ' ';
      else if ('text' in token && typeof token.text === 'string') block.plain += markedTokenText(token.text);
    }
  };
  const walk = (tokens: Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'list') {
        for (const item of (token as Tokens.List).items) {
          const block: Block = { plain: '', code: [] };
          const nested: Token[] = [];
          for (const child of item.tokens) {
            if (child.type === 'list') nested.push(child);
            else if (child.type === 'text' || child.type === 'paragraph')
              inline('tokens' in child && child.tokens ? child.tokens : [child], block);
          }
          blocks.push(block);
          walk(nested);
        }
      } else if (token.type === 'table') {
        const table = token as Tokens.Table;
        for (const row of table.rows) {
          const block: Block = { plain: '', code: [] };
          row.forEach((cell, i) => {
            inline(cell.tokens, block);
            block.plain += i < row.length - 1 ? ' : ' : '';
          });
          blocks.push(block);
        }
      } else if (token.type === 'paragraph' || token.type === 'text') {
        const block: Block = { plain: '', code: [] };
        inline('tokens' in token && token.tokens ? token.tokens : [token], block);
        blocks.push(block);
      } else if (token.type === 'blockquote' || token.type === 'html') {
        if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens);
      }
    }
  };
  walk(Lexer.lex(markdown));
  return blocks.filter((block) => block.plain.trim() !== '');
}

/** Sentences of a block: "e.g." and friends do not end one. */
function splitSentences(plain: string): string[] {
  return plain
    .replace(/\b(e\.g|i\.e|etc|vs)\./gi, '$1\u0001')
    .split(/(?<=[.!?])\s+(?=\S)/)
    .map((sentence) => sentence.replaceAll('\u0001', '.'))
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
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
    .split(SENTENCE_BREAK)
    .map((sentence) => sentence.split(CLAUSE_BREAK).map((clause) => [...clause.matchAll(WORD)].map((match) => readWord(match[0]))));
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
    sentence.forEach((clause, c) =>
      clause.forEach((word, w) => {
        if (word.kind === 'name' && (c > 0 || w > 0)) namesMidSentence.add(word.text);
      }),
    );
  }
  const terms: Term[] = [];
  for (const sentence of sentences) {
    sentence.forEach((clause, c) => {
      const first = c === 0 ? clause[0] : undefined;
      if (first?.kind === 'name' && isVerbIng(first.text.toLowerCase())) first.kind = 'stop';
      if (first?.kind === 'name' && !isStrongName(first.text) && !namesMidSentence.has(first.text) && clause[1]?.kind === 'word')
        first.kind = 'word';
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
  'learning training retraining serving tuning logging scaling autoscaling auto-scaling tracking caching processing computing networking routing scheduling versioning engineering streaming batching labeling pruning stopping prefetching preprocessing'.split(
    ' ',
  ),
);
export function isVerbIng(lower: string): boolean {
  return lower.endsWith('ing') && !NOUNS_IN_ING.has(lower);
}

/** Words that carry meaning on their own: no function words, verbs in -ing or participles. */
/**
 * Words that carry meaning on their own, for loose terms: no function words
 * or vague words, but verbs that say what something does ("reuses",
 * "orchestrating", "overwrites") are kept.
 */
function contentWords(plain: string): Term[] {
  return wordsOf(plain)
    .filter(({ text, kind }) => text.length >= 3 && !/^\d+$/.test(text) && (kind !== 'stop' || ACTION_WORDS.has(text.toLowerCase())))
    .map((word) => makeTerm([word.text]));
}

// Stop words (see stopWords.ts) that are too vague for a key term but say what a thing does.
const ACTION_WORDS = new Set(
  `tracks stores captures displays enforces abstracts isolates removes stops tests selects degrades reduces automates automate
  automating automated simplifies simplify comparing compare comparison reuses speeding maintain maintaining validating scale
  scales monitor trigger isolate customize customizes split store track display test log distribute distributes optimize
  optimizes deploys deploy packages orchestrating executing run runs running compile retains overwrites`
    .split(/\s+/)
    .filter(Boolean),
);

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((match) => readWord(match[0]));
}

function codeTerm(code: string): Term {
  return {
    text: code,
    stems: matchWords(code)
      .filter((word) => word.text.length >= 2)
      .map((word) => word.stem),
  };
}

function makeTerm(words: string[]): Term {
  const text = words.join(' ');
  return { text, stems: matchWords(text).map((word) => word.stem) };
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
