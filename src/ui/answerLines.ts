// The typed answer on screen: `> ` and the end of the text, broken at the
// column (not at words, so spaces show and the cursor sits right after the
// last character), at most a few rows; a long answer shows its last rows.
import { MAX_ANSWER_CHARS, type LineInput } from './lineInput.js';
import { out } from './theme.js';
import { safeLine, visibleWidth } from './text.js';

export function answerLines(input: LineInput, cols: number, maxRows: number): string[] {
  const value = input.value;
  // Only the end can show: never lay out more than fits.
  const tail = value.length > maxRows * cols ? value.slice(-maxRows * cols) : value;
  const rows: string[] = [];
  let row = `${out.cyan('>')} `;
  let used = 2;
  for (const ch of safeLine(tail)) {
    const width = visibleWidth(ch);
    if (used + width > cols) {
      rows.push(row);
      row = '';
      used = 0;
    }
    row += ch;
    used += width;
  }
  rows.push(row);
  const shown = rows.slice(-maxRows);
  return input.cut > 0 ? [...shown, out.yellow(cutNotice())] : shown;
}

export function cutNotice(): string {
  return `Cut at ${MAX_ANSWER_CHARS.toLocaleString('en-US')} characters, the longest answer kfq keeps.`;
}
