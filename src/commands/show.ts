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

  // Piped: everything, never wrapped.
  const width = layoutWidth(ctx);
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
  if (ctx.isTTY && header.length + 1 + body.length > (ctx.stdout.rows || 24) - 1) {
    const pager = await import('../ui/pager.js');
    if (pager.cursorMovesOn()) {
      await pager.page({ header: [...header, ''], body });
      return ExitCode.ok;
    }
  }
  printLines(ctx.stdout, [...header, '', ...body]);
  return ExitCode.ok;
}
