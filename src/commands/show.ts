import type { GlobalOptions } from '../cli.js';
import type { Question } from '../deck/model.js';
import { findQuestion } from '../deck/select.js';
import { renderPlainMarkdown } from '../ui/plainMarkdown.js';
import { printJson, printLines } from '../ui/output.js';
import { out } from '../ui/theme.js';
import { safeLine, terminalWidth, wrap } from '../ui/text.js';
import { loadSelection } from './shared.js';

export async function run(ref: string, options: { json?: boolean }, globals: GlobalOptions): Promise<void> {
  const { questions } = await loadSelection(globals);
  const question = findQuestion(questions, ref);
  if (options.json) return printJson(question);

  // Piped output is never wrapped: one paragraph, one line.
  const onTerminal = Boolean(process.stdout.isTTY);
  const width = onTerminal ? terminalWidth() : Infinity;
  const header = [out.dim(`${question.id} · ${safeLine(question.category)}`), ...(await promptLines(question, width))];
  const body = (await markdown(question.answer, width)).split('\n');
  // Taller than the terminal: a pager, whose header stays while the answer scrolls.
  if (onTerminal && process.stdin.isTTY && header.length + 1 + body.length > (process.stdout.rows || 24) - 1) {
    const pager = await import('../ui/pager.js');
    if (pager.cursorMovesOn()) return pager.page({ header: [...header, ''], body });
  }
  printLines([...header, '', ...body]);
}

/** The question: its one line in bold, or its whole Markdown prompt when it has more. */
async function promptLines(question: Question, width: number): Promise<string[]> {
  if (question.prompt.trim() === '' || question.prompt.trim() === question.question.trim()) return wrap(out.bold(safeLine(question.question)), width);
  return (await markdown(question.prompt, width)).split('\n');
}

async function markdown(text: string, width: number): Promise<string> {
  // marked only for text that needs it: loading it is a third of a start.
  return renderPlainMarkdown(text, width) ?? (await import('../ui/markdown.js')).renderMarkedMarkdown(text, width);
}
