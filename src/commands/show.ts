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

  const width = terminalWidth();
  printLines([
    out.dim(`${question.id} · ${safeLine(question.category)}`),
    ...wrap(out.bold(safeLine(question.question)), width),
    '',
    // marked only for answers that need it: loading it is a third of a start.
    renderPlainMarkdown(question.answer, width) ?? (await import('../ui/markdown.js')).renderMarkedMarkdown(question.answer, width),
  ]);
}
