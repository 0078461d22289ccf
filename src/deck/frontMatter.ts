// The YAML front matter of a deck (title, description, author, date), read by
// gray-matter with every code-running engine replaced and YAML bounded.
import { DeckError } from '../errors.js';
import type { DeckMeta } from '../model/deck.js';
import { aliasesFromFrontMatter } from './aliases.js';
import { frontMatterLanguage, parseFrontMatter, yamlEngine, type GrayMatterFile } from './grayMatter.js';
import { MAX_FRONT_MATTER_CHARS, MAX_YAML_ALIASES } from './limits.js';
import { countNewlines } from './lines.js';

export interface FrontMatter {
  /** With the `aliases:` groups; empty when there are none. */
  meta: DeckMeta & { aliases: string[][] };
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based line of the file where `body` starts. */
  bodyLine: number;
}

// gray-matter evaluates `---js` front matter with eval, and a falsy engine
// falls through to its alias, so every alias gets an engine that refuses.
const CODE_LANGUAGES = ['js', 'javascript', 'coffee', 'coffeescript', 'cson'];
const DATA_LANGUAGES = ['', 'yaml', 'yml', 'json'];

const EMPTY_META: FrontMatter['meta'] = { title: '', description: '', author: '', date: '', aliases: [] };

export function readFrontMatter(text: string, file: string): FrontMatter {
  // The same test gray-matter makes: `---` opens front matter, `----` does not.
  if (!text.startsWith('---') || text[3] === '-') return { meta: EMPTY_META, body: text, bodyLine: 1 };

  const closing = text.indexOf('\n---', 3);
  if ((closing === -1 ? text.length : closing) > MAX_FRONT_MATTER_CHARS) {
    throw new DeckError(file, 1, `front matter is larger than ${MAX_FRONT_MATTER_CHARS / 1024} KB`, {
      hint: 'keep only title, description, author and date between the opening and closing --- lines',
    });
  }
  const language = frontMatterLanguage(text);
  if (!DATA_LANGUAGES.includes(language.toLowerCase()) && !CODE_LANGUAGES.includes(language.toLowerCase())) {
    throw new DeckError(file, 1, `front matter in "${language}" is not supported`, { hint: 'use YAML front matter between --- lines' });
  }

  const headEnd = closing === -1 ? text.length : lineEnd(text, closing + 1);
  const head = text.slice(0, headEnd);
  let parsed: GrayMatterFile;
  try {
    // An excerpt function replaces gray-matter's, which a front-matter key could steer.
    parsed = parseFrontMatter(head, { engines: engines(file), excerpt: () => '' });
  } catch (error) {
    throw frontMatterError(error, file);
  }

  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    // `---` followed by prose, not YAML: a thematic break, so there is no front matter.
    return { meta: EMPTY_META, body: text, bodyLine: 1 };
  }
  const bodyStart = head.length - parsed.content.length;
  return {
    meta: {
      title: textField(data, 'title'),
      description: textField(data, 'description'),
      author: textField(data, 'author'),
      date: textField(data, 'date'),
      aliases: Object.hasOwn(data, 'aliases') ? aliasesFromFrontMatter((data as Record<string, unknown>).aliases) : [],
    },
    body: text.slice(bodyStart),
    bodyLine: 1 + countNewlines(text, bodyStart),
  };
}

function engines(file: string): Record<string, { parse: (source: string) => object }> {
  const refuseCode = {
    parse(): never {
      throw new DeckError(file, 1, 'JavaScript front matter is not supported; kfq never runs code from a deck', {
        hint: 'use YAML front matter between --- lines',
      });
    },
  };
  return {
    yaml: { parse: (source) => boundedYaml(source, file) },
    ...Object.fromEntries(CODE_LANGUAGES.map((name) => [name, refuseCode])),
  };
}

/** js-yaml shares aliased objects instead of copying them; counting repeats bounds a "billion laughs" bomb. */
function boundedYaml(source: string, file: string): object {
  const seen = new WeakSet<object>();
  let aliases = 0;
  const result = yamlEngine.parse(source, {
    listener(event, state) {
      if (event !== 'close' || typeof state.result !== 'object' || state.result === null) return;
      if (!seen.has(state.result)) seen.add(state.result);
      else if (++aliases > MAX_YAML_ALIASES) {
        throw new DeckError(file, 1, `front matter uses more than ${MAX_YAML_ALIASES} YAML aliases`, {
          hint: 'write the values out instead of repeating them with *aliases',
        });
      }
    },
  });
  return (result ?? {}) as object;
}

function frontMatterError(error: unknown, file: string): DeckError {
  if (error instanceof DeckError) return error;
  if (error instanceof RangeError) {
    return new DeckError(file, 1, 'front matter is nested too deeply', { hint: 'keep the front matter to simple key: value lines' });
  }
  const yamlError = error as { name?: string; reason?: string; mark?: { line?: number } };
  if (yamlError.name === 'YAMLException') {
    // The front matter passed to js-yaml starts on the opening --- line.
    const line = typeof yamlError.mark?.line === 'number' ? yamlError.mark.line + 1 : 1;
    return new DeckError(file, line, `front matter is not valid YAML: ${yamlError.reason ?? 'syntax error'}`, {
      hint: 'fix the YAML between the --- lines; if the first --- is meant as a horizontal rule, remove it',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DeckError(file, 1, `front matter cannot be read: ${message}`, { hint: 'use YAML front matter between --- lines' });
}

function textField(data: object, key: string): string {
  const value: unknown = Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return '';
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline + 1;
}
