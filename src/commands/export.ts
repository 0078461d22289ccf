// kfq export: questions for Anki, spreadsheets or other tools, or your own
// history; to stdout, or atomically to a file that is never silently replaced.
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import { HISTORY_FORMATS, type ExportFormat } from '../model/choices.js';
import type { Deck } from '../model/deck.js';
import type { Question } from '../model/question.js';
import type { Review } from '../model/review.js';
import { questionsToCsv } from '../export/csv.js';
import { writeHistoryCsv, writeHistoryJson, type HistorySource } from '../export/history.js';
import { questionsToMarkdown } from '../export/markdown.js';
import { nonRegularTarget } from '../store/fileType.js';
import { readAllReviews } from '../store/mergedLogs.js';
import { forEachReview, scanLog } from '../store/reviewLogStream.js';
import { loadSavedReports } from '../store/interviewReports.js';
import { removeStaleTemps } from '../store/staleTemps.js';
import { note, warn, warnProblems } from '../ui/output.js';
import { safeJson } from '../ui/text.js';
import type { CommandContext } from './context.js';
import { deckSlugFilter } from './deckFilter.js';
import { fileOutput, stdoutOutput, type ExportOutput } from './exportOutput.js';
import { loadSelection } from './shared.js';
import { plural } from '../model/plural.js';

interface ExportOptions {
  format: ExportFormat;
  output?: string;
  force?: boolean;
  category?: string;
  history?: boolean;
  raw?: boolean;
}

export async function run(ctx: CommandContext, options: ExportOptions): Promise<number> {
  if (options.history && !(HISTORY_FORMATS as readonly ExportFormat[]).includes(options.format)) {
    throw new UsageError(`--history exports as csv or json, not ${options.format}`, { hint: 'kfq export --history --format json' });
  }
  if (options.history && options.category !== undefined) {
    throw new UsageError('--category does not apply to --history, which exports the whole review log', {
      hint: 'filter the CSV or JSON afterwards',
    });
  }
  if (options.raw && options.format !== 'csv') throw new UsageError('--raw goes with --format csv');
  const output = options.output === undefined ? undefined : resolve(options.output);
  if (output) checkTarget(output, options);

  const sink: ExportOutput = output ? fileOutput(output) : stdoutOutput(ctx.stdout);
  let summary: string;
  try {
    summary = options.history ? await exportHistory(ctx, options, sink) : await exportQuestions(ctx, options, sink);
    await sink.finish();
  } catch (error) {
    sink.abort();
    throw error;
  }
  if (output) note(ctx.stderr, `wrote ${summary} to ${options.output}`);
  return ExitCode.ok;
}

/**
 * A symlink, device, FIFO or folder is refused, not written through: replacing
 * it would turn it into a plain file (or, as root, replace a device), and
 * following it would write where the user did not name. Temp files left there
 * by a killed export are tidied first.
 */
function checkTarget(output: string, options: ExportOptions): void {
  const kind = nonRegularTarget(output);
  if (kind) {
    throw new UsageError(`${options.output} is ${kind}; kfq export writes only to a regular file; nothing was written`, {
      hint: 'choose another --output, or write to stdout and redirect it: kfq export --format FORMAT > FILE',
    });
  }
  if (existsSync(output) && !options.force) {
    throw new UsageError(`${options.output} already exists; nothing was written`, {
      hint: 'pass --force to replace it, or choose another --output',
    });
  }
  removeStaleTemps(dirname(output), { own: false, target: basename(output) });
}

async function exportQuestions(ctx: CommandContext, options: ExportOptions, sink: ExportOutput): Promise<string> {
  const { decks, questions } = await loadSelection(ctx, options.category);
  await sink.write(await questionsText(options, decks, questions));
  return plural(questions.length, 'question');
}

async function questionsText(options: ExportOptions, decks: Deck[], questions: Question[]): Promise<string> {
  switch (options.format) {
    case 'anki':
      // marked (for Anki's HTML) only for this format.
      return (await import('../export/anki.js')).questionsToAnki(questions, decks.length === 1 ? decks[0]!.title || decks[0]!.slug : 'kfq');
    case 'csv':
      return questionsToCsv(questions, { raw: options.raw });
    case 'json':
      return `${safeJson(JSON.stringify(questions, null, 2))}\n`;
    case 'md':
      return questionsToMarkdown(decks.length > 1 ? uniquelyNumbered(questions) : questions, deckMeta(decks));
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

/**
 * The review history and the reports. A single log is read twice as a stream
 * (undo records first, then the reviews); the logs of several machines (a sync
 * folder) are merged whole, by review id in time order.
 */
async function exportHistory(ctx: CommandContext, options: ExportOptions, sink: ExportOutput): Promise<string> {
  const { paths } = ctx;
  const saved = loadSavedReports(ctx.paths);
  warnProblems(ctx.stderr, saved.problems);
  // --deck keeps that deck's reviews, and the interviews that asked any of its questions.
  const slugs = deckSlugFilter(ctx.deckSpecs, paths);
  const kept = (reviews: Review[]): Review[] => (slugs ? reviews.filter((review) => slugs.has(review.deck)) : reviews);
  const interviews = slugs ? saved.reports.filter((report) => report.questions.some((q) => slugs.has(q.deck))) : saved.reports;
  let problems: () => number;
  let source: HistorySource;
  if (paths.sync) {
    const log = readAllReviews(paths);
    problems = () => log.problems.length;
    source = { forEachReviews: (onReviews) => onReviews(kept(log.reviews)), interviews };
  } else {
    const scan = await scanLog(paths.history);
    problems = () => scan.problems.length;
    source = { forEachReviews: (onReviews) => forEachReview(paths.history, scan, (reviews) => onReviews(kept(reviews))), interviews };
  }
  const reviews =
    options.format === 'csv'
      ? await writeHistoryCsv(source, (text) => sink.write(text), { raw: options.raw })
      : await writeHistoryJson(source, (text) => sink.write(safeJson(text)));
  // Known once the reviews have streamed past.
  if (problems() > 0) warn(ctx.stderr, `${paths.history}: ${plural(problems(), 'damaged line')} left out`);
  return `${plural(reviews, 'review')} and ${plural(interviews.length, 'interview report')}`;
}
