import { ExitCode, UsageError } from '../errors.js';
import type { CardStatus } from '../practice/cardStatus.js';
import { out } from '../ui/theme.js';
import { printJson, printLines } from '../ui/output.js';
import { safeLine, wrap } from '../ui/text.js';
import { questionStatuses, type QuestionStatus } from './cardStatuses.js';
import type { CommandContext } from './context.js';
import { layoutWidth, loadSelection } from './shared.js';
import { plural } from '../model/plural.js';

// Not imported from practice/cardStatus.js: that loads the scheduler, which list needs only with a history.
const STATES: readonly CardStatus[] = ['new', 'learning', 'due', 'review'];

export async function run(ctx: CommandContext, options: { category?: string; json?: boolean; state?: string }): Promise<number> {
  if (options.state !== undefined && !STATES.includes(options.state as CardStatus)) {
    throw new UsageError(`unknown state '${options.state}'`, { hint: `use one of ${STATES.join(', ')}` });
  }
  const selection = await loadSelection(ctx, options.category);
  const { decks } = selection;
  const statuses = await questionStatuses(ctx, selection.questions);
  const questions =
    options.state === undefined ? selection.questions : selection.questions.filter((q) => statuses.get(q.id)!.status === options.state);
  if (options.json) {
    printJson(
      ctx.stdout,
      questions.map((q) => {
        const { status, due } = statuses.get(q.id)!;
        // Not { ...q, state, due }: V8 makes that copy in a larger, slower form, a real share of a listing's garbage.
        return Object.assign({}, q, { state: status, due: due?.toISOString() ?? null });
      }),
    );
    return ExitCode.ok;
  }
  const now = ctx.now();

  const width = layoutWidth(ctx);
  const multiDeck = decks.length > 1;
  const counts = new Map<string, number>();
  for (const q of questions) counts.set(q.category, (counts.get(q.category) ?? 0) + 1);
  const numberWidth = Math.max(...questions.map((q) => String(q.number).length), 1) + 1;

  const lines: string[] = [];
  for (const deck of decks) {
    const deckQuestions = questions.filter((q) => q.deck === deck.slug);
    if (deckQuestions.length === 0) continue;
    lines.push(
      out.bold(safeLine(deck.title || deck.slug)) +
        out.dim(` · ${plural(deckQuestions.length, 'question')}${multiDeck ? ` · --deck ${deck.slug}` : ''}`),
    );
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
    const [first = '', ...rest] = wrap(safeLine(q.question) + statusLabel(statuses.get(q.id)!, now), width, indent);
    lines.push(out.dim(label.padStart(indent.length - 1)) + first.slice(indent.length - 1), ...rest);
  }
  printLines(ctx.stdout, lines);
  return ExitCode.ok;
}

/** ` · due in 3d` after a question; nothing for a new card, the usual case. */
function statusLabel({ status, due }: QuestionStatus, now: Date): string {
  if (status === 'new' || !due) return '';
  const days = Math.round((due.getTime() - now.getTime()) / 86_400_000);
  const when = status === 'due' ? 'due now' : status === 'learning' ? 'learning' : `review in ${days < 1 ? 'a day' : `${days}d`}`;
  return out.dim(` · ${when}`);
}
