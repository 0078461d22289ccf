// RFC 4180 CSV: CRLF line ends; a field with a comma, quote or line break is
// quoted and its quotes doubled.
import type { Question } from '../model/question.js';

export function csvField(value: string | number | undefined | null): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Iterable<(string | number | undefined | null)[]>): string {
  let csv = `${header.map(csvField).join(',')}\r\n`;
  for (const row of rows) csv += `${row.map(csvField).join(',')}\r\n`;
  return csv;
}

export function questionsToCsv(questions: Question[]): string {
  return toCsv(
    ['number', 'category', 'question', 'answer'],
    questions.map((q) => [q.number, q.category, q.question, q.answer]),
  );
}
