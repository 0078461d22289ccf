// Where aliases come from: the deck's own text ("machine learning (ML)",
// "KServe (KFServing)"), its front matter (`aliases:`), the built-in table of
// the field (data/aliases.txt) and the user's alias file, which share one
// line format: `HPA = Horizontal Pod Autoscaler`, `#` comments.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownText } from './markdownText/index.js';

export type AliasGroups = string[][];

// Bounds on untrusted alias text: a group, a phrase and a table that big are not aliases.
const MAX_GROUPS = 5000;
const MAX_GROUP_SIZE = 12;
const MAX_PHRASE_CHARS = 80;

/**
 * Alias lines: each line a group of phrases that mean the same, separated by
 * `=`; blank lines and `#` comments are skipped, and so is a line with only one phrase.
 */
export function parseAliasLines(text: string): AliasGroups {
  const groups: AliasGroups = [];
  for (const line of text.split(/\r?\n/)) {
    if (groups.length >= MAX_GROUPS) break;
    const phrases = line
      .replace(/#.*$/, '')
      .split('=')
      .map((phrase) => phrase.trim())
      .filter(Boolean);
    const group = cleanGroup(phrases);
    if (group) groups.push(group);
  }
  return groups;
}

/**
 * A front matter `aliases:` value: a mapping (`HPA: Horizontal Pod Autoscaler`,
 * `k8s: [kube, kubernetes]`), a list of `a = b` strings or a list of lists.
 * Anything else is ignored.
 */
export function aliasesFromFrontMatter(value: unknown): AliasGroups {
  const groups: AliasGroups = [];
  const add = (phrases: unknown[]): void => {
    const group = cleanGroup(phrases.filter((phrase): phrase is string => typeof phrase === 'string'));
    if (group && groups.length < MAX_GROUPS) groups.push(group);
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') add(item.split('='));
      else if (Array.isArray(item)) add(item);
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) add([key, ...(Array.isArray(item) ? item : [item])]);
  }
  return groups;
}

function cleanGroup(phrases: string[]): string[] | undefined {
  const group = [
    ...new Set(
      phrases.map((phrase) => phrase.trim().replace(/\s+/g, ' ')).filter((phrase) => phrase !== '' && phrase.length <= MAX_PHRASE_CHARS),
    ),
  ];
  return group.length >= 2 ? group.slice(0, MAX_GROUP_SIZE) : undefined;
}

// ── Harvesting the deck's own text ───────────────────────────────────────────

// A parenthesis and what it holds; the words before it are read from the text.
const PARENTHESIS = /\(([^()\n]{1,60})\)/g;
// An abbreviation: 2 to 8 letters or digits with at least two capitals, or k8s-like (letter, digits, letter).
const ABBREVIATION = /^(?=(?:.*[A-Z]){2})[A-Za-z0-9]{2,8}$|^[a-z]\d+[a-z]+$/;
// A product name: one word with an inner capital or digit (KServe, KFServing, MicroK8s).
const PRODUCT = /^[A-Z][a-z]*[A-Z0-9][A-Za-z0-9]*$/;

/**
 * Aliases a text defines in passing: a long form followed by its abbreviation
 * in parentheses ("machine learning (ML)", "Horizontal Pod Autoscaler (HPA)"),
 * an abbreviation followed by its long form ("OLTP (Online Transaction
 * Processing)") and a product followed by its other name ("KServe (KFServing)").
 * Long forms are taken only when the abbreviation's letters spell them.
 */
export function harvestAliases(text: string): AliasGroups {
  const groups: AliasGroups = [];
  const plain = markdownText(text, 'lines');
  for (const match of plain.matchAll(PARENTHESIS)) {
    if (groups.length >= MAX_GROUPS) break;
    // Only the last few words of the same line: a bounded look back, however long the line.
    const window = plain.slice(Math.max(0, match.index - 120), match.index);
    const before = window
      .slice(window.lastIndexOf('\n') + 1)
      .trim()
      .split(/\s+/)
      .slice(-8);
    const inside = match[1]!.trim();
    if (before.length === 0 || before[0] === '') continue;
    const last = before[before.length - 1]!.replace(/[^\p{L}\p{N}]+$/u, '');
    const insideWords = inside.split(/\s+/);
    const abbreviation = singular(inside);
    if (ABBREVIATION.test(abbreviation)) {
      const long = longFormOf(abbreviation, before);
      if (long) groups.push([long, abbreviation]);
      else if (PRODUCT.test(last) && PRODUCT.test(inside)) groups.push([last, inside]);
    } else if (ABBREVIATION.test(singular(last)) && insideWords.length >= 2 && insideWords.length <= 6) {
      const abbr = singular(last);
      if (longFormOf(abbr, insideWords) === insideWords.join(' ')) groups.push([abbr, inside]);
    } else if (PRODUCT.test(last) && PRODUCT.test(inside)) {
      groups.push([last, inside]);
    }
  }
  return groups;
}

/** `SCDs` → `SCD`: a plural abbreviation names the same thing. */
function singular(word: string): string {
  return /^[A-Z0-9]{2,}s$/.test(word) ? word.slice(0, -1) : word;
}

/**
 * The shortest run of the last words whose letters spell the abbreviation:
 * its first letter starts the first word, and its letters are found in order
 * (Schwartz and Hearst's test). Small words (of, and, for) may be skipped.
 */
function longFormOf(abbreviation: string, words: string[]): string | undefined {
  const letters = abbreviation.toLowerCase().replace(/[^a-z0-9]/g, '');
  const clean = words.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  for (let count = 1; count <= Math.min(clean.length, letters.length + 2); count++) {
    const candidate = clean.slice(clean.length - count);
    if (candidate[0]!.toLowerCase()[0] !== letters[0] || !/\p{L}/u.test(candidate[0]!)) continue;
    if (candidate.length < 2 && letters.length > 2) continue;
    if (spells(letters, candidate.join(' ').toLowerCase()) && initialsCovered(letters, candidate)) return candidate.join(' ');
  }
  return undefined;
}

/** The letters appear in the text in order, the first at the text's start. */
function spells(letters: string, text: string): boolean {
  let at = 0;
  for (const letter of letters) {
    const found = text.indexOf(letter, at);
    if (found === -1) return false;
    at = found + 1;
  }
  return true;
}

/** Every content word of the long form starts with one of the abbreviation's letters. */
function initialsCovered(letters: string, words: string[]): boolean {
  const small = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'a', 'an']);
  return words.every((word) => small.has(word.toLowerCase()) || letters.includes(word.toLowerCase()[0]!));
}

// ── The built-in table ───────────────────────────────────────────────────────

const BUILTIN_ALIASES = join('data', 'aliases.txt');

/** data/aliases.txt as parsed by the build (scripts/build.js), as JSON: each search would otherwise read and parse the file again. */
declare const KFQ_BUILTIN_ALIASES: string;

/** The field's alias table shipped with kfq, found like the built-in deck; none if it is missing. */
export function builtinAliases(): AliasGroups {
  if (typeof KFQ_BUILTIN_ALIASES === 'string') return JSON.parse(KFQ_BUILTIN_ALIASES) as AliasGroups;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, BUILTIN_ALIASES);
    if (existsSync(candidate)) return parseAliasLines(readFileSync(candidate, 'utf8'));
    const parent = dirname(dir);
    if (parent === dir) return [];
    dir = parent;
  }
}
