// What a drill prints when it ends, and when there is nothing to drill.
import { formatDuration, formatWhen } from '../../practice/time.js';
import type { SessionSummary } from '../../practice/drillSession.js';
import type { DueCounts } from '../../practice/pick.js';
import { RATING_NAMES, RATINGS } from '../../model/review.js';
import { out } from '../../ui/theme.js';
import { safeLine, wrap } from '../../ui/text.js';
import { plural } from '../../model/plural.js';

export function summaryLines(summary: SessionSummary, now: Date, width: number): string[] {
  const lines: string[] = [];
  if (summary.cards === 0) {
    lines.push(...wrap('No cards graded this time.', width));
  } else {
    const repeats = summary.repeats > 0 ? ` (${plural(summary.repeats, 'repeat')} of learning steps)` : '';
    lines.push(
      ...wrap(`${out.bold(`${plural(summary.cards, 'card')} done`)}${repeats} in ${formatDuration(summary.elapsedMs / 1000)}`, width),
    );
    lines.push(...wrap(RATINGS.map((rating) => `${RATING_NAMES[rating]} ${summary.grades[rating]}`).join(out.dim(' · ')), width, '  '));
    lines.push(...wrap([...summary.categories].map(([name, count]) => `${safeLine(name)} ${count}`).join(' · '), width, '  '));
  }
  lines.push(...wrap(`Due by the end of tomorrow: ${summary.dueByTomorrow}`, width));
  if (summary.nextDue) lines.push(...wrap(`Next card due: ${formatWhen(summary.nextDue, now)}`, width));
  return lines;
}

/** `12 due · 5 new · 3 learning`, what a drill starts with. */
export function dueCountsLine(counts: DueCounts, ahead: boolean): string {
  const line = `${counts.due} due · ${counts.new} new · ${counts.learning} learning`;
  return ahead ? `${line} · studying ahead` : line;
}

/** `newLimit`: today's new-card limit when it is what stops the drill. */
export function nothingDueLines(next: Date | undefined, now: Date, width: number, newLimit?: number): string[] {
  const lines = [
    newLimit !== undefined
      ? `Nothing to drill: no card is due and today's ${newLimit} new cards are done${next ? `; the next card is due ${formatWhen(next, now)}` : ''}.`
      : next
        ? `Nothing to drill: no card is due and every question has been seen. The next card is due ${formatWhen(next, now)}.`
        : 'Nothing to drill: this selection has no questions.',
    `To practise anyway: ${out.bold('kfq drill --ahead')}, ${out.bold('kfq drill --order random')} (or --order weak); kfq config set drill.newPerDay N raises the limit.`,
  ];
  return lines.flatMap((line) => wrap(line, width));
}
