// What kfq stats prints for people: a headline, mastery bars per category, the
// calendar, mock scores and the weakest questions, laid out for a width.
import type { Deck } from '../../model/deck.js';
import type { Stats } from '../../practice/stats.js';
import { calendarHeatmap, heatLegend, sparkline, stackedBar, type BarSegment } from '../../ui/charts.js';
import { safeLine, truncate, visibleWidth, wrap } from '../../ui/text.js';
import { out } from '../../ui/theme.js';
import { plural } from '../../model/plural.js';

export function render(stats: Stats, decks: Deck[], category: string | undefined, width: number): string[] {
  const title = decks.map((deck) => deck.title || deck.slug).join(' + ');
  const rest = `${category ? ` · ${safeLine(truncate(category, 40))}` : ''} · ${plural(stats.questions.total, 'question')}`;
  const heading = out.bold(safeLine(truncate(title, Math.max(20, width - visibleWidth(rest))))) + out.dim(rest);
  if (stats.reviews.total === 0) {
    const drill = category ? `kfq drill -c ${JSON.stringify(safeLine(category))}` : 'kfq drill';
    return [
      heading,
      '',
      category ? 'No reviews in this category yet, so nothing to chart.' : 'No reviews yet, so nothing to chart.',
      ...wrap(
        `Start with ${out.bold(drill)}: ten cards, about five minutes; grade each 1–4. Then ${out.bold('kfq stats')} shows mastery per category, your streak and a review calendar.`,
        width,
      ),
      // Interviews whose self-review was skipped graded nothing, but they were taken.
      ...(stats.interviews.length > 0 ? ['', ...mockScores(stats)] : []),
    ];
  }
  return [
    heading,
    '',
    ...headline(stats, width),
    '',
    ...mastery(stats, width),
    '',
    ...calendar(stats),
    '',
    ...mockScores(stats),
    '',
    ...weakest(stats, decks.length > 1, width),
  ];
}

function headline(stats: Stats, width: number): string[] {
  const { questions, due, reviews, streak, retention } = stats;
  const cell = (label: string, value: string): string => `${out.dim(label.padEnd(12))}${value}`;
  // Two columns where they fit, else one.
  const pair = (left: string, right: string): string =>
    width >= 72 ? `  ${left}${' '.repeat(Math.max(2, 36 - visibleWidth(left)))}${right}` : `  ${left}\n  ${right}`;
  const days = (n: number): string => plural(n, 'day');
  const rate =
    retention.rate === null
      ? out.dim('no recalls yet')
      : `${Math.round(retention.rate * 100)}%${out.dim(` of ${retention.recalls} recalls`)}`;
  return [
    pair(
      cell('Seen', `${out.bold(String(questions.seen))} of ${questions.total}`),
      cell('Reviews', `${out.bold(String(reviews.total))}${out.dim(` · ${reviews.today} today`)}`),
    ),
    pair(cell('Due today', out.bold(String(due.today))), cell('Next 7 days', String(due.next7Days))),
    pair(cell('Streak', `${out.bold(days(streak.current))}${out.dim(` · best ${streak.longest}`)}`), cell('Retention', rate)),
  ];
}

const SEGMENTS: { key: 'new' | 'learning' | 'mature'; char: string; color: BarSegment['color'] }[] = [
  { key: 'mature', char: '█', color: 'green' },
  { key: 'learning', char: '▒', color: 'yellow' },
  { key: 'new', char: '·', color: 'gray' },
];

function mastery(stats: Stats, width: number): string[] {
  // Each count sits under its key, right-aligned: `■ mature  ■ learning  ■ new`.
  const keys = SEGMENTS.map((s) => `${out.level > 0 ? out[s.color]('■') : s.char} ${s.key}`);
  const keyWidths = SEGMENTS.map((s) => s.key.length + 2);
  const countsWidth = keyWidths.reduce((sum, w) => sum + w, 0) + 2 * (SEGMENTS.length - 1);
  const barWidth = Math.max(10, Math.min(24, width - countsWidth - 32));
  // On a terminal a long name is cut to fit; in a pipe every name is whole.
  const longestName = Math.max(10, ...stats.categories.map((category) => visibleWidth(safeLine(category.name))));
  const nameWidth = Number.isFinite(width) ? Math.max(10, Math.min(30, width - countsWidth - barWidth - 5)) : longestName;
  const lines = [`${out.bold('Mastery')}${' '.repeat(2 + nameWidth + 1 + barWidth + 1 - 7)}${keys.join('  ')}`];
  for (const category of stats.categories) {
    const bar = stackedBar(
      SEGMENTS.map((s) => ({ value: category[s.key], char: s.char, color: s.color })),
      barWidth,
      out,
    );
    const counts = SEGMENTS.map((s, i) => String(category[s.key]).padStart(keyWidths[i]!)).join('  ');
    lines.push(`  ${safeLine(truncate(category.name, nameWidth)).padEnd(nameWidth)} ${bar} ${counts}`);
  }
  return lines;
}

function calendar(stats: Stats): string[] {
  const { days, start } = stats.calendar;
  const total = days.reduce((sum, day) => sum + day.reviews, 0);
  const active = days.filter((day) => day.reviews > 0).length;
  const grid = calendarHeatmap(
    days.map((day) => day.reviews),
    start,
    out,
  );
  return [
    `${out.bold('Last 12 weeks')}${out.dim(` · ${plural(total, 'review')} on ${plural(active, 'day')}`)}`,
    ...grid,
    `    ${heatLegend(out)}`,
  ];
}

function mockScores(stats: Stats): string[] {
  const scores = stats.interviews.map((interview) => interview.score);
  if (scores.length === 0) return [`${out.bold('Mock interviews')}  ${out.dim('none yet: try')} kfq mock`];
  const last = scores.at(-1)!;
  const best = Math.max(...scores);
  const line = sparkline(scores.slice(-40), 0, 100);
  return [`${out.bold('Mock interviews')}  ${out.cyan(line)}  ${out.dim(`last ${last}% · best ${best}% · ${scores.length} taken`)}`];
}

function weakest(stats: Stats, multiDeck: boolean, width: number): string[] {
  if (stats.weakest.length === 0) return [];
  const labels = stats.weakest.map((q) => (multiDeck ? q.id : `${q.number}.`));
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const lines = [`${out.bold('Weakest questions')}${out.dim(' · most Again grades, then least stable')}`];
  stats.weakest.forEach((q, index) => {
    const again = out.dim(`${String(q.agains).padStart(2)}× again`);
    const prefix = `  ${labels[index]!.padStart(labelWidth)}  `;
    const room = width - visibleWidth(prefix) - 11;
    lines.push(`${prefix}${again}  ${safeLine(truncate(q.question, room))}`);
  });
  return lines;
}
