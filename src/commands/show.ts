import type { CommandContext } from './context.js';
import { findQuestion } from '../deck/select.js';
import { renderPlainMarkdown } from '../ui/plainMarkdown.js';
import { printJson, printLines } from '../ui/output.js';
import { out } from '../ui/theme.js';
import { safeLine, wrap } from '../ui/text.js';
import { layoutWidth, loadSelection } from './shared.js';
import { ExitCode } from '../errors.js';

export async function run(ctx: CommandContext, ref: string, options: { json?: boolean }): Promise<number> {
  const { questions } = await loadSelection(ctx);
  const question = findQuestion(questions, ref);
  if (options.json) {
    printJson(ctx.stdout, question);
    return ExitCode.ok;
  }

  const width = layoutWidth(ctx);
  printLines(ctx.stdout, [
    out.dim(`${question.id} · ${safeLine(question.category)}`),
    ...wrap(out.bold(safeLine(question.question)), width),
    '',
    // marked only for answers that need it: loading it is a third of a start.
    renderPlainMarkdown(question.answer, width) ?? (await import('../ui/markdown.js')).renderMarkedMarkdown(question.answer, width),
  ]);
  return ExitCode.ok;
}
