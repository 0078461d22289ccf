import type { CommandContext } from './context.js';
import { out } from '../ui/theme.js';
import { printJson, printLines } from '../ui/output.js';
import { safeLine, wrap } from '../ui/text.js';
import { layoutWidth, loadSelection } from './shared.js';
import { ExitCode } from '../errors.js';

export async function run(ctx: CommandContext, options: { category?: string; json?: boolean }): Promise<number> {
  const { decks, questions } = await loadSelection(ctx, options.category);
  if (options.json) {
    printJson(ctx.stdout, questions);
    return ExitCode.ok;
  }

  const width = layoutWidth(ctx);
  const multiDeck = decks.length > 1;
  const counts = new Map<string, number>();
  for (const q of questions) counts.set(q.category, (counts.get(q.category) ?? 0) + 1);
  const numberWidth = Math.max(...questions.map((q) => String(q.number).length), 1) + 1;

  const lines: string[] = [];
  for (const deck of decks) {
    const deckQuestions = questions.filter((q) => q.deck === deck.slug);
    if (deckQuestions.length === 0) continue;
    lines.push(out.bold(safeLine(deck.title || deck.slug)) + out.dim(` · ${deckQuestions.length} questions${multiDeck ? ` · --deck ${deck.slug}` : ''}`));
  }
  lines.push('');
  for (const [category, count] of counts) lines.push(`  ${String(count).padStart(4)}  ${safeLine(category)}`);

  let current: string | undefined;
  for (const q of questions) {
    if (q.category !== current) {
      current = q.category;
      lines.push('', out.bold.underline(safeLine(q.category)));
    }
    const label = multiDeck ? `${q.id}` : `${q.number}.`;
    const indent = ' '.repeat(Math.max(numberWidth, label.length) + 1);
    const [first = '', ...rest] = wrap(safeLine(q.question), width, indent);
    lines.push(out.dim(label.padStart(indent.length - 1)) + first.slice(indent.length - 1), ...rest);
  }
  printLines(ctx.stdout, lines);
  return ExitCode.ok;
}
