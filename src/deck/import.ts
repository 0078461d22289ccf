// Readers for decks made elsewhere: Anki's "Notes in Plain Text" export and
// CSV files of question,answer[,category]. They return plain questions;
// `kfq deck add` writes them out as Markdown in the seed's shape.
import { extname } from 'node:path';
import { DeckError } from '../errors.js';
import { unneutralised } from './csvFormula.js';
import type { QuestionContent } from '../model/question.js';
import { NAMED_ENTITIES } from './markdownText/index.js';

export type DeckFormat = 'markdown' | 'anki' | 'csv';

/** A question read from another format: its answer is Markdown. */
export type ImportedQuestion = QuestionContent;

export interface ImportedDeck {
  /** From the file's own header when it has one (Anki's #deck:). */
  title: string | undefined;
  questions: ImportedQuestion[];
}

const DEFAULT_CATEGORY = 'General';

/** By extension first, then by the look of the text. */
export function detectFormat(path: string, text: string): DeckFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.csv') return 'csv';
  const head = stripBom(text).trimStart();
  if (/^#(separator|html|tags|deck|notetype|columns|guid)\b/i.test(head)) return 'anki';
  if (ext === '.tsv' || (ext === '.txt' && /^[^\n#]*\t/m.test(head))) return 'anki';
  return 'markdown';
}

interface Row {
  cells: string[];
  line: number;
}

/**
 * Splits delimited text into rows. A field that starts with a double quote may
 * hold separators, line breaks and doubled quotes, as in RFC 4180 (and as Anki
 * writes it). Blank lines are skipped.
 */
export function parseDelimited(text: string, separator: string, file: string, firstLine = 1): Row[] {
  const rows: Row[] = [];
  let line = firstLine;
  let i = 0;
  while (i < text.length) {
    const rowLine = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= text.length) throw new DeckError(file, opened, 'a quoted field is never closed (missing ")');
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
      }
      // The cell, or what follows its closing quote (kept, as spreadsheets do), up to the separator.
      while (i < text.length && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      cells.push(cell);
      if (text[i] === separator) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ cells, line: rowLine });
  }
  return rows;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// ---------------------------------------------------------------- Anki

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };

/**
 * Anki's plain-text export: `#key:value` header lines, then
 * `front<TAB>back[<TAB>tags]` a note a line. Header columns for guid, notetype,
 * deck and tags are honoured; the first two other columns are front and back.
 */
export function readAnkiText(text: string, file: string): ImportedDeck {
  const lines = stripBom(text).split('\n');
  let separator = '\t';
  let html = true;
  let deckName: string | undefined;
  let tagsColumn: number | undefined;
  let deckColumn: number | undefined;
  const skipColumns = new Set<number>();
  let headerLines = 0;
  for (const raw of lines) {
    const header = /^#([a-z ]+):(.*)$/i.exec(raw.replace(/\r$/, ''));
    if (!header) break;
    headerLines++;
    const key = header[1]!.trim().toLowerCase();
    const value = header[2]!.trim();
    if (key === 'separator') separator = SEPARATORS[value.toLowerCase()] ?? (value.length === 1 ? value : separator);
    else if (key === 'html') html = value.toLowerCase() === 'true';
    else if (key === 'deck') deckName = value;
    else if (key === 'tags column') tagsColumn = columnNumber(value, file, headerLines);
    else if (key === 'deck column') deckColumn = columnNumber(value, file, headerLines);
    else if (key === 'guid column' || key === 'notetype column') skipColumns.add(columnNumber(value, file, headerLines));
  }
  if (tagsColumn !== undefined) skipColumns.add(tagsColumn);
  if (deckColumn !== undefined) skipColumns.add(deckColumn);

  const body = lines.slice(headerLines).join('\n');
  const questions: ImportedQuestion[] = [];
  for (const row of parseDelimited(body, separator, file, headerLines + 1)) {
    const fields = row.cells.filter((_, index) => !skipColumns.has(index + 1));
    if (fields.length < 2) {
      throw new DeckError(file, row.line, `expected front and back separated by ${separatorName(separator)}, found one field`, {
        hint: 'an Anki export has one note a line: front<TAB>back[<TAB>tags]',
      });
    }
    const question = html ? htmlToPlainText(fields[0]!) : collapse(fields[0]!);
    const answer = html ? htmlToMarkdown(fields[1]!) : fields[1]!.trim();
    if (question === '') throw new DeckError(file, row.line, 'the front of this note is empty');
    if (answer === '') throw new DeckError(file, row.line, 'the back of this note is empty');
    const tags = tagsColumn === undefined ? [] : (row.cells[tagsColumn - 1] ?? '').split(/\s+/).filter(Boolean);
    const noteDeck = deckColumn === undefined ? deckName : row.cells[deckColumn - 1];
    questions.push({ number: questions.length + 1, category: ankiCategory(tags, noteDeck), question, answer });
  }
  if (questions.length === 0) throw new DeckError(file, undefined, 'no notes found in this Anki export');
  return { title: deckName ? lastPart(deckName) : undefined, questions };
}

function columnNumber(value: string, file: string, line: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new DeckError(file, line, `expected a column number, found "${value}"`);
  return n;
}

function separatorName(separator: string): string {
  return separator === '\t' ? 'a tab' : `"${separator}"`;
}

// Anki's own bookkeeping tags say nothing about the topic.
const ANKI_TAGS = new Set(['leech', 'marked']);

function ankiCategory(tags: string[], deck: string | undefined): string {
  const tag = tags.find((t) => !ANKI_TAGS.has(t.toLowerCase()));
  if (tag) return lastPart(tag).replace(/_/g, ' ').trim() || DEFAULT_CATEGORY;
  return deck ? lastPart(deck) || DEFAULT_CATEGORY : DEFAULT_CATEGORY;
}

function lastPart(name: string): string {
  return name.split('::').pop()!.trim();
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const lower = name.toLowerCase();
    return Object.hasOwn(NAMED_ENTITIES, lower) ? NAMED_ENTITIES[lower]! : whole;
  });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const TAG = /<\/?[a-z][^>]*>/gi;

/** A card's front: one line of text. */
export function htmlToPlainText(html: string): string {
  return collapse(decodeEntities(html.replace(/<(br|\/?(p|div|li|h[1-6]|tr|td))\b[^>]*>/gi, ' ').replace(TAG, '')));
}

/** A card's back: the common formatting Anki and kfq write, back to Markdown; other tags are dropped. */
export function htmlToMarkdown(html: string): string {
  const blocks: string[] = [];
  const keep = (markdown: string): string => `\u0000${blocks.push(markdown) - 1}\u0000`;
  let text = html
    .replace(/\r?\n/g, ' ')
    .replace(/<pre[^>]*>([\s\S]*?)<\/pre>/gi, (_, body: string) => {
      const code = decodeEntities(body.replace(/<br\s*\/?>/gi, '\n').replace(TAG, ''));
      return keep(`\n\n\`\`\`\n${code.replace(/\n$/, '')}\n\`\`\`\n\n`);
    })
    .replace(/<code[^>]*>([\s\S]*?)<\/code>/gi, (_, body: string) => keep(`\`${decodeEntities(body.replace(TAG, ''))}\``))
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/?(ul|ol)[^>]*>/gi, '\n\n')
    .replace(/<\/?(p|div|h[1-6]|blockquote|table|tr)[^>]*>/gi, '\n\n')
    .replace(/<\/?(strong|b)(\s[^>]*)?>/gi, '**')
    .replace(/<\/?(em|i)(\s[^>]*)?>/gi, '*')
    .replace(TAG, '');
  text = decodeEntities(text).replace(/\u0000(\d+)\u0000/g, (_, index: string) => blocks[Number(index)]!);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n[ \t]+(?=- )/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// ---------------------------------------------------------------- CSV

const HEADER_NAMES: Record<string, 'question' | 'answer' | 'category' | 'number'> = {
  question: 'question',
  front: 'question',
  q: 'question',
  prompt: 'question',
  answer: 'answer',
  back: 'answer',
  a: 'answer',
  category: 'category',
  topic: 'category',
  section: 'category',
  tag: 'category',
  tags: 'category',
  number: 'number',
  no: 'number',
  '#': 'number',
};

/**
 * CSV of question,answer[,category]. A first row made only of column names
 * (question/front, answer/back, category/topic/tags, number) is a header and
 * may put the columns in any order.
 */
export function readCsv(text: string, file: string): ImportedDeck {
  const rows = parseDelimited(stripBom(text), ',', file);
  if (rows.length === 0) throw new DeckError(file, undefined, 'the CSV file is empty');
  let columns = { question: 0, answer: 1, category: 2, number: -1 };
  const names = rows[0]!.cells.map((cell) => HEADER_NAMES[cell.trim().toLowerCase()]);
  if (names.every((name) => name !== undefined)) {
    if (!names.includes('question') || !names.includes('answer')) {
      throw new DeckError(file, rows[0]!.line, 'the header row needs a question column and an answer column');
    }
    columns = {
      question: names.indexOf('question'),
      answer: names.indexOf('answer'),
      category: names.indexOf('category'),
      number: names.indexOf('number'),
    };
    rows.shift();
  }

  const questions: ImportedQuestion[] = [];
  for (const row of rows) {
    const cell = (index: number): string => (index < 0 ? '' : unneutralised((row.cells[index] ?? '').trim()));
    if (row.cells.length < 2) {
      throw new DeckError(file, row.line, 'expected question,answer[,category], found one field', {
        hint: 'fields with commas or line breaks must be in double quotes',
      });
    }
    const question = collapse(cell(columns.question));
    const answer = cell(columns.answer);
    if (question === '') throw new DeckError(file, row.line, 'the question is empty');
    if (answer === '') throw new DeckError(file, row.line, 'the answer is empty');
    const number = Number(cell(columns.number));
    questions.push({
      number: Number.isInteger(number) && number > 0 ? number : 0,
      category: collapse(cell(columns.category)) || DEFAULT_CATEGORY,
      question,
      answer: answer.replace(/\r\n?/g, '\n'),
    });
  }
  if (questions.length === 0) throw new DeckError(file, undefined, 'no questions found in this CSV file');
  // Keep the file's numbers only when they identify every question.
  const numbers = new Set(questions.map((q) => q.number));
  if (numbers.has(0) || numbers.size !== questions.length) questions.forEach((q, index) => (q.number = index + 1));
  return { title: undefined, questions };
}
