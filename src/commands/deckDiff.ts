// kfq deck diff NAME: what changed in a deck the last time kfq noticed it
// change, question by question: old and new text, how similar they were, and
// where each question's review history went.
import { ExitCode } from '../errors.js';
import { changeSummary } from '../practice/deckIdentity.js';
import { localDateTime } from '../practice/time.js';
import type { DeckChange, DeckChangeEntry } from '../store/seenDecks.js';
import { printJson, printLines, note } from '../ui/output.js';
import { safeLine } from '../ui/text.js';
import { out } from '../ui/theme.js';
import type { CommandContext } from './context.js';
import { loadSelection } from './shared.js';

type HistoryFate = 'kept' | 'fresh' | 'orphaned';

/** Wide enough for the longest label, `edited, renumbered, moved`. */
const LABEL_WIDTH = 26;

export async function run(ctx: CommandContext, name: string, options: { json?: boolean }): Promise<number> {
  const { followed } = await loadSelection({ ...ctx, deckSpecs: [name] });
  const change = followed[0]?.lastChange;
  if (options.json) {
    printJson(ctx.stdout, change ? { ...change, entries: change.entries.map((entry) => ({ ...entry, history: fateOf(entry) })) } : null);
    return ExitCode.ok;
  }
  if (!change) {
    note(ctx.stderr, `deck ${safeLine(name)} has not changed since kfq first saw it`);
    return ExitCode.ok;
  }
  printLines(ctx.stdout, render(change));
  return ExitCode.ok;
}

function fateOf(entry: DeckChangeEntry): HistoryFate {
  if (!entry.before) return 'fresh';
  return entry.after ? 'kept' : 'orphaned';
}

function render(change: DeckChange): string[] {
  const lines = [`${safeLine(changeSummary(change))} ${out.dim(`(noticed ${localDateTime(change.at)})`)}`];
  for (const entry of change.entries) {
    const { before, after } = entry;
    if (before && after) {
      const kinds = [
        before.question !== after.question || (entry.similarity ?? 1) < 1 || entry.answerEdited ? 'edited' : '',
        before.id !== after.id ? 'renumbered' : '',
        before.category !== after.category ? 'moved' : '',
      ].filter(Boolean);
      const how =
        entry.similarity === 1 ? (entry.answerEdited ? 'same question' : 'same text') : `similarity ${entry.similarity?.toFixed(2)}`;
      lines.push(
        `${out.bold((kinds.join(', ') || 'renumbered').padEnd(LABEL_WIDTH))} ${safeLine(before.id)} → ${safeLine(after.id)}  ${out.dim(`${how}; history kept`)}`,
      );
      if (before.question !== after.question) {
        lines.push(`  - ${safeLine(before.question)}`, `  + ${safeLine(after.question)}`);
      } else {
        lines.push(`    ${safeLine(after.question)}${entry.answerEdited ? out.dim(' (answer edited)') : ''}`);
      }
      if (before.category !== after.category)
        lines.push(out.dim(`    category: ${safeLine(before.category)} → ${safeLine(after.category)}`));
    } else if (after) {
      lines.push(
        `${out.bold('new'.padEnd(LABEL_WIDTH))} ${safeLine(after.id)}  ${out.dim('starts with no history')}`,
        `    ${safeLine(after.question)}`,
      );
    } else if (before) {
      lines.push(
        `${out.bold('removed'.padEnd(LABEL_WIDTH))} ${safeLine(before.id)}  ${out.dim('its reviews stay in the log (kfq history --orphans)')}`,
        `    ${safeLine(before.question)}`,
      );
    }
  }
  return lines;
}
