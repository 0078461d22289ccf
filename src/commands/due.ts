// kfq due: what is due, in learning and new, per deck and category, and when
// the next cards fall due.
import type { Deck } from '../model/deck.js';
import type { Question } from '../model/question.js';
import { countToday, leftToday } from '../practice/dailyLimits.js';
import { cardStatus, type CardStatus } from '../practice/cardStatus.js';
import { dueCounts } from '../practice/pick.js';
import type { CardState } from '../practice/scheduler.js';
import { formatWhen } from '../practice/time.js';
import { safeLine } from '../ui/text.js';
import { out } from '../ui/theme.js';
import type { CommandContext } from './context.js';
import { applySchedulerSettings, openHistory, readHistory } from './scheduling.js';
import type { Settings } from './settings.js';
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
  const opened = openHistory(ctx);
  const { decks, questions } = await loadSelection(ctx, options.category);
  const log = readHistory(ctx, { opened });
  const states = log.cardStates(questions, settings.drill.retention);
  const now = ctx.now();
  const left = leftToday(
    { newPerDay: settings.drill.newPerDay, reviewsPerDay: settings.drill.reviewsPerDay, rollover: settings.day.rollover },
    countToday(log.reviews(), now, settings.day.rollover),
  );
  const { byDeck, upcoming } = countByDeck(questions, states, now);
  const day: DueDay = { now, today: dueCounts(questions, states, now, left), left, decks, byDeck, next: upcoming.slice(0, NEXT_SHOWN) };
  if (options.json) ctx.stdout.write(`${JSON.stringify(dueJson(day), null, 2)}\n`);
  else ctx.stdout.write(`${dueLines(day, settings).join('\n')}\n`);
  return 0;
}

type DeckCounts = Map<string, { counts: Counts; categories: Map<string, Counts> }>;

interface DueDay {
  now: Date;
  today: ReturnType<typeof dueCounts>;
  left: { newCards: number; reviews: number };
  decks: Deck[];
  byDeck: DeckCounts;
  /** The next cards to fall due, soonest first. */
  next: Array<{ id: string; question: string; due: Date }>;
}

/** Each deck's counts, overall and by category, and every card not due yet, soonest first. */
function countByDeck(
  questions: readonly Question[],
  states: ReadonlyMap<string, CardState>,
  now: Date,
): { byDeck: DeckCounts; upcoming: DueDay['next'] } {
  const byDeck: DeckCounts = new Map();
  const upcoming: DueDay['next'] = [];
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
  return { byDeck, upcoming };
}

function dueJson({ now, today, left, decks, byDeck, next }: DueDay): object {
  return {
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
    next: next.map((card) => ({ id: card.id, question: card.question, due: card.due.toISOString() })),
  };
}

function dueLines({ now, today, left, decks, byDeck, next }: DueDay, settings: Settings): string[] {
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
    for (const [name, counts] of entry.categories) lines.push(`  ${safeLine(name).padEnd(nameWidth)}  ${countsText(counts, now)}`);
  }
  if (next.length > 0) {
    lines.push('', out.bold('Next due'));
    for (const card of next) lines.push(`  ${formatWhen(card.due, now).padEnd(34)} ${out.dim(card.id)} ${safeLine(card.question)}`);
  }
  return lines;
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
