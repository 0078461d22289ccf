// The typed answer on screen: `> ` and the end of the text, broken at the
// column (not at words, so spaces show and the cursor sits right after the
// last character), at most a few rows; a long answer shows its last rows.
import type { Key } from './keys.js';
import { MAX_ANSWER_CHARS, type LineInput } from './lineInput.js';
import { out } from './theme.js';
import { safeLine, visibleWidth, wrap } from './text.js';

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

/**
 * Applies a key that edits the typed answer (text, Backspace, Ctrl+U, Ctrl+W);
 * on a terminal that cannot move the cursor it echoes the edit, and `afterCut`
 * follows the notice when text was cut. False for any other key.
 */
export function editAnswer(input: LineInput, key: Key, terminal: { plain: boolean; print(text: string): void }, afterCut: string): boolean {
  const before = input.cut;
  if (key.name === 'text') {
    const taken = input.insert(key.text!);
    if (terminal.plain) terminal.print(safeLine(taken) + (input.cut > before ? `\n${cutNotice()}\n${afterCut}` : ''));
  } else if (key.name === 'backspace') {
    if (input.backspace() && terminal.plain) terminal.print('\b \b');
  } else if (key.name === 'ctrl-u' || key.name === 'ctrl-w') {
    if (key.name === 'ctrl-u') input.clear();
    else input.deleteWord();
    if (terminal.plain) terminal.print(`\n> ${safeLine(input.value)}`);
  } else return false;
  return true;
}

/** Lines of a long typed answer shown until c shows everything: the reference must not be buried under a paste. */
const TYPED_LINES = 6;

/** A typed answer under "Your answer", indented; a long one cut to its first lines unless `expanded`. */
export function typedAnswerLines(typed: string, width: number, expanded: boolean): string[] {
  const lines = wrap(safeLine(typed.trim()), width - 2, '  ');
  if (expanded || lines.length <= TYPED_LINES) return lines;
  return [...lines.slice(0, TYPED_LINES - 1), out.dim(`  … ${lines.length - TYPED_LINES + 1} more lines (c shows them)`)];
}
