// What `kfq plan` shows: days left, today's work, the daily load as a chart,
// and the expected recall on the interview day, with the plan and without.
import type { Plan } from '../practice/plan.js';
import { stackedBar } from './charts.js';
import { safeLine } from './text.js';
import { out } from './theme.js';
import { plural } from '../model/plural.js';

const CHART_WIDTH = 30;

export function planLines(plan: Plan, minutesPerDay: number, secondsPerCard: number, target: number, width: number | undefined): string[] {
  const lines = [
    out.bold(`Interview on ${plan.interviewDate} · ${plural(plan.daysLeft, 'day')} left`),
    `Today: ${plan.today.new} new · ${plural(plan.today.reviews, 'review')} · about ${plan.today.minutes} min (budget ${minutesPerDay} min, ${Math.round(secondsPerCard)} s a card)`,
  ];
  const busiest = Math.max(0, ...plan.days.map((day) => ((day.new * 2 + day.reviews) * secondsPerCard) / 60));
  if (busiest > minutesPerDay * 1.2) {
    lines.push(
      out.yellow(
        `Some days need about ${Math.round(busiest)} min, over the ${minutesPerDay} min budget: every card must be seen twice before the date. Raise --minutes-per-day or narrow the decks.`,
      ),
    );
  }
  if (plan.unplaced > 0)
    lines.push(
      out.yellow(
        `${plan.unplaced} cards do not fit before the date in ${minutesPerDay} minutes a day: raise --minutes-per-day or narrow the decks.`,
      ),
    );
  const minutes = plan.days.map((day) => ((day.new * 2 + day.reviews) * secondsPerCard) / 60);
  const most = Math.max(minutesPerDay, ...minutes);
  const barWidth = Math.max(10, Math.min(CHART_WIDTH, (width ?? 80) - 30));
  lines.push('', out.bold('Daily load') + out.dim(`  ${out.level > 0 ? 'new and reviews' : '# new, = reviews'}, up to the date`));
  plan.days.forEach((day, i) => {
    const cells = Math.round((minutes[i]! / most) * barWidth);
    const bar = stackedBar(
      [
        { value: day.new * 2, char: '#', color: 'cyan' },
        { value: day.reviews, char: '=', color: 'green' },
      ],
      cells,
      out,
    );
    lines.push(
      `  ${day.date.slice(5)} ${bar}${' '.repeat(Math.max(0, barWidth - cells))} ${String(day.new).padStart(3)} new ${String(day.reviews).padStart(4)} reviews`,
    );
  });
  const { readiness } = plan;
  const stopped = readiness.ifStoppedToday;
  lines.push(
    '',
    `${out.bold('Readiness on the day')}: ${percent(readiness.overall)} if you follow the plan, ${percent(stopped.overall)} if you stopped today (target ${percent(target)})`,
    out.dim('  expected recall on the interview day, counting the chance of forgetting a card at each review'),
  );
  const categories = Object.entries(readiness.byCategory).sort((a, b) => a[1] - b[1]);
  for (const [category, recall] of categories) {
    lines.push(
      `  ${percent(recall).padStart(4)}  ${out.dim(`(stopped today ${percent(stopped.byCategory[category] ?? 0).padStart(4)})`)}  ${safeLine(category)}`,
    );
  }
  if (readiness.weakest.length > 0)
    lines.push(`Weakest: ${readiness.weakest.map(safeLine).join(', ')} (mock interviews draw more from these)`);
  return lines;
}

/** A recall as a whole percent; short of certain never shows as 100%. */
function percent(value: number): string {
  return `${Math.min(Math.round(value * 100), value < 1 ? 99 : 100)}%`;
}
