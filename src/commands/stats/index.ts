// kfq stats: progress at a glance, from the review log and interview reports.
import type { CommandContext } from '../context.js';
import { computeStats, type CardSummary } from '../../practice/stats.js';
import { loadSavedReports } from '../../store/interviewReports.js';
import { printJson, printLines, warnProblems } from '../../ui/output.js';
import { applySchedulerSettings, openHistory, readHistory } from '../scheduling.js';
import { layoutWidth, loadSelection } from '../shared.js';
import { render } from './render.js';
import { ExitCode } from '../../errors.js';

export async function run(ctx: CommandContext, options: { category?: string; json?: boolean }): Promise<number> {
  const settings = applySchedulerSettings(ctx);
  const opened = openHistory(ctx);
  const { decks, questions, category } = await loadSelection(ctx, options.category);
  const log = readHistory(ctx, { problems: 'summary', opened });
  const saved = loadSavedReports(ctx.paths);
  warnProblems(ctx.stderr, saved.problems);

  const states = log.cardStates(questions, settings.drill.retention);
  // Looked up, not copied: a 100,000-question deck has as many states.
  const cards = {
    get(id: string): CardSummary | undefined {
      const state = states.get(id);
      if (!state) return undefined;
      return {
        scheduledDays: state.card.scheduled_days,
        stability: state.card.stability,
        agains: state.agains,
        due: state.card.due.getTime(),
      };
    },
  };
  const deckSlugs = new Set(decks.map((deck) => deck.slug));
  // Finished interviews (completed or abandoned) over the selected decks; one still in progress has no score yet.
  const interviews = saved.reports.filter(
    (report) => report.status !== 'in-progress' && report.questions.some((q) => deckSlugs.has(q.deck)),
  );
  const stats = computeStats({ questions, reviews: log.reviews(), cards, interviews, now: ctx.now() });

  if (options.json) {
    printJson(ctx.stdout, { decks: decks.map((deck) => ({ slug: deck.slug, title: deck.title })), category: category ?? null, ...stats });
    return ExitCode.ok;
  }
  printLines(ctx.stdout, render(stats, decks, category, layoutWidth(ctx)));
  return ExitCode.ok;
}
