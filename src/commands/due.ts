// kfq due: what is due, in learning and new, per deck and category, and when
// the next cards fall due.
import { countToday, leftToday } from '../practice/dailyLimits.js';
import { cardStatus, type CardStatus } from '../practice/cardStatus.js';
import { dueCounts } from '../practice/pick.js';
import { formatWhen } from '../practice/time.js';
import { safeLine } from '../ui/text.js';
import { out } from '../ui/theme.js';
import type { CommandContext } from './context.js';
import { applySchedulerSettings, readHistory } from './scheduling.js';
import { loadSelection } from './shared.js';

export interface DueOptions {
  category?: string;
  json?: boolean;
}

interface Counts {
  due: number;
  learning: number;
  new: number;
  review: number;
  /** Earliest due time of a card not due yet (ISO). */
  nextDue: string | null;
}

const NEXT_SHOWN = 5;

export async function run(ctx: CommandContext, options: DueOptions): Promise<number> {
  const settings = applySchedulerSettings(ctx);
  const { decks, questions } = await loadSelection(ctx, options.category);
  const log = readHistory(ctx);
  const states = log.cardStates(questions, settings.drill.retention);
  const now = ctx.now();
  const left = leftToday(
    { newPerDay: settings.drill.newPerDay, reviewsPerDay: settings.drill.reviewsPerDay, rollover: settings.day.rollover },
    countToday(log.reviews(), now, settings.day.rollover),
  );

  const byDeck = new Map<string, { counts: Counts; categories: Map<string, Counts> }>();
  const upcoming: { id: string; question: string; due: Date }[] = [];
  for (const question of questions) {
    const state = states.get(question.id);
    const status = cardStatus(state, now);
    let deck = byDeck.get(question.deck);
    if (!deck) byDeck.set(question.deck, (deck = { counts: emptyCounts(), categories: new Map() }));
    let category = deck.categories.get(question.category);
    if (!category) deck.categories.set(question.category, (category = emptyCounts()));
    for (const counts of [deck.counts, category]) add(counts, status, state?.card.due, now);
    if (state && state.card.due > now) upcoming.push({ id: question.id, question: question.question, due: state.card.due });
  }
  upcoming.sort((a, b) => a.due.getTime() - b.due.getTime());
  const today = dueCounts(questions, states, now, left);
  const next = upcoming.slice(0, NEXT_SHOWN).map((card) => ({ id: card.id, question: card.question, due: card.due.toISOString() }));

  if (options.json) {
    const report = {
      now: now.toISOString(),
      today: { ...today, newLeft: left.newCards, reviewsLeft: left.reviews },
      decks: decks
        .filter((deck) => byDeck.has(deck.slug))
        .map((deck) => {
          const { counts, categories } = byDeck.get(deck.slug)!;
          return {
            deck: deck.slug,
            title: deck.title || deck.slug,
            ...counts,
            categories: [...categories].map(([category, c]) => ({ category, ...c })),
          };
        }),
      next,
    };
    ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }

  const lines: string[] = [];
  lines.push(`${out.bold(`Today: ${today.due} due · ${today.new} new · ${today.learning} learning`)}`);
  lines.push(
    out.dim(
      `  limits: ${left.newCards} of ${settings.drill.newPerDay} new and ${left.reviews} of ${settings.drill.reviewsPerDay} reviews left today`,
    ),
  );
  for (const deck of decks) {
    const entry = byDeck.get(deck.slug);
    if (!entry) continue;
    lines.push('', `${out.bold(safeLine(deck.title || deck.slug))}  ${countsText(entry.counts, now)}`);
    const nameWidth = Math.min(40, Math.max(...[...entry.categories.keys()].map((name) => safeLine(name).length)));
    for (const [name, counts] of entry.categories)
      lines.push(`  ${safeLine(name).slice(0, 40).padEnd(nameWidth)}  ${countsText(counts, now)}`);
  }
  if (next.length > 0) {
    lines.push('', out.bold('Next due'));
    for (const card of upcoming.slice(0, NEXT_SHOWN))
      lines.push(`  ${formatWhen(card.due, now).padEnd(34)} ${out.dim(card.id)} ${safeLine(card.question)}`);
  }
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function emptyCounts(): Counts {
  return { due: 0, learning: 0, new: 0, review: 0, nextDue: null };
}

function add(counts: Counts, status: CardStatus, due: Date | undefined, now: Date): void {
  counts[status]++;
  if (due && due > now && (counts.nextDue === null || due.toISOString() < counts.nextDue)) counts.nextDue = due.toISOString();
}

function countsText(counts: Counts, now: Date): string {
  const next = counts.nextDue ? out.dim(` · next ${formatWhen(new Date(counts.nextDue), now)}`) : '';
  return `${counts.due} due · ${counts.learning} learning · ${counts.new} new${next}`;
}
