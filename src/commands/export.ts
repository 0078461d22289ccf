// kfq export: questions for Anki, spreadsheets or other tools, or your own
// history; to stdout, or atomically to a file that is never silently replaced.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandContext } from './context.js';
import { HISTORY_FORMATS, type ExportFormat } from '../model/choices.js';
import type { Question } from '../model/question.js';
import type { Deck } from '../model/deck.js';
import { ExitCode, UsageError } from '../errors.js';
import { questionsToCsv } from '../export/csv.js';
import { historyToCsv, historyToJson } from '../export/history.js';
import { questionsToMarkdown } from '../export/markdown.js';
import { writeFileAtomic } from '../store/files.js';
import { readReviewLog } from '../store/reviewLog.js';
import { note, warn } from '../ui/output.js';
import { safeJson, safeText } from '../ui/text.js';
import { savedReports } from './savedReports.js';
import { loadSelection } from './shared.js';


interface ExportOptions {
  format: ExportFormat;
  output?: string;
  force?: boolean;
  category?: string;
  history?: boolean;
}

export async function run(ctx: CommandContext, options: ExportOptions): Promise<number> {
  if (options.history && !(HISTORY_FORMATS as readonly ExportFormat[]).includes(options.format)) {
    throw new UsageError(`--history exports as csv or json, not ${options.format}`, { hint: 'kfq export --history --format json' });
  }
  if (options.history && options.category !== undefined) {
    throw new UsageError('--category does not apply to --history, which exports the whole review log', { hint: 'filter the CSV or JSON afterwards' });
  }
  const output = options.output === undefined ? undefined : resolve(options.output);
  if (output && existsSync(output) && !options.force) {
    throw new UsageError(`${options.output} already exists; nothing was written`, { hint: 'pass --force to replace it, or choose another --output' });
  }

  const { text, summary } = options.history ? exportHistory(ctx, options.format) : await exportQuestions(ctx, options);
  if (!output) {
    // Data goes to a pipe or file byte for byte; a terminal shows a deck's control characters escaped.
    ctx.stdout.write(ctx.stdout.isTTY ? text.split('\r\n').map(safeText).join('\r\n') : text);
    return ExitCode.ok;
  }
  writeFileAtomic(output, text);
  note(ctx.stderr, `wrote ${summary} to ${options.output}`);
  return ExitCode.ok;
}

async function exportQuestions(ctx: CommandContext, options: ExportOptions): Promise<{ text: string; summary: string }> {
  const { decks, questions } = await loadSelection(ctx, options.category);
  const summary = `${questions.length} question${questions.length === 1 ? '' : 's'}`;
  switch (options.format) {
    case 'anki':
      // marked (for Anki's HTML) only for this format.
      return { text: (await import('../export/anki.js')).questionsToAnki(questions, decks.length === 1 ? decks[0]!.title || decks[0]!.slug : 'kfq'), summary };
    case 'csv':
      return { text: questionsToCsv(questions), summary };
    case 'json':
      return { text: `${safeJson(JSON.stringify(questions, null, 2))}\n`, summary };
    case 'md':
      return { text: questionsToMarkdown(decks.length > 1 ? uniquelyNumbered(questions) : questions, deckMeta(decks)), summary };
  }
}

/**
 * Merged decks may bring the same number twice into one category, which the
 * loader would warn about; one deck's own numbering is kept as it is, so it
 * reads back the same.
 */
function uniquelyNumbered(questions: Question[]): Question[] {
  const keys = new Set(questions.map((q) => `${q.category}\u0000${q.number}`));
  return keys.size === questions.length ? questions : questions.map((q, index) => ({ ...q, number: index + 1 }));
}

function deckMeta(decks: Deck[]): { title: string; description?: string; author?: string; date?: string } {
  if (decks.length !== 1) return { title: decks.map((deck) => deck.title || deck.slug).join(' + ') };
  const [deck] = decks as [Deck];
  return { title: deck.title || deck.slug, description: deck.description, author: deck.author, date: deck.date };
}

function exportHistory(ctx: CommandContext, format: ExportFormat): { text: string; summary: string } {
  const paths = ctx.paths;
  const log = readReviewLog(paths.history);
  if (log.problems.length > 0) warn(ctx.stderr, `${paths.history}: ${log.problems.length} damaged line(s) left out`);
  const saved = savedReports(ctx);
  const summary = `${log.reviews.length} reviews and ${saved.reports.length} interview reports`;
  const text = format === 'csv' ? historyToCsv(log.reviews, saved.reports) : safeJson(historyToJson(log.reviews, saved.reports));
  return { text, summary };
}
