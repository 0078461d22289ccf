import type { GlobalOptions } from '../cli.js';
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

  // Piped: everything, never wrapped.
  const onTerminal = Boolean(process.stdout.isTTY);
  const width = onTerminal ? terminalWidth() : Infinity;
  // marked only for text that needs it: loading it is a third of a start.
  const render = async (markdown: string): Promise<string> =>
    renderPlainMarkdown(markdown, width) ?? (await import('../ui/markdown.js')).renderMarkedMarkdown(markdown, width);
  // A prompt that is more than its one line (code, a list) is shown whole, as Markdown.
  const prompt =
    question.prompt === question.question
      ? wrap(out.bold(safeLine(question.question)), width)
      : (await render(question.prompt)).split('\n').map((line) => out.bold(line));
  const header = [out.dim(`${question.id} · ${safeLine(question.category)}`), ...prompt];
  const body = (await render(question.answer)).split('\n');
  // Taller than the terminal: a pager, whose header stays while the answer scrolls.
  if (onTerminal && process.stdin.isTTY && header.length + 1 + body.length > (process.stdout.rows || 24) - 1) {
    const pager = await import('../ui/pager.js');
    if (pager.cursorMovesOn()) return pager.page({ header: [...header, ''], body });
  }
  printLines([...header, '', ...body]);
}
