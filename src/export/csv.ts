// RFC 4180 CSV: CRLF line ends; a field with a comma, quote or line break is
// quoted and its quotes doubled.
//
// Spreadsheets run a cell that starts with =, +, -, @, tab or CR as a formula
// (CSV injection), so by default such a text cell is written as OWASP advises:
// a single quote in front, and the cell quoted. `'- first point` stays
// readable (every built-in answer is a Markdown list starting with "- "), and
// kfq's own CSV reader takes the quote off again (src/deck/csvFormula.ts). `raw` writes cells unchanged.
import { FORMULA_START } from '../deck/csvFormula.js';
import type { Question } from '../model/question.js';

export interface CsvOptions {
  /** Write text cells exactly as they are, formula characters included. */
  raw?: boolean;
}

export function csvField(value: string | number | undefined | null, { raw = false }: CsvOptions = {}): string {
  const text = value === undefined || value === null ? '' : String(value);
  if (!raw && typeof value === 'string' && FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(row: readonly (string | number | undefined | null)[], options: CsvOptions = {}): string {
  return `${row.map((value) => csvField(value, options)).join(',')}\r\n`;
}

export function toCsv(header: string[], rows: Iterable<(string | number | undefined | null)[]>, options: CsvOptions = {}): string {
  let csv = csvRow(header);
  for (const row of rows) csv += csvRow(row, options);
  return csv;
}

export function questionsToCsv(questions: Question[], options: CsvOptions = {}): string {
  return toCsv(
    ['number', 'category', 'question', 'answer'],
    questions.map((q) => [q.number, q.category, q.question, q.answer]),
    options,
  );
}
