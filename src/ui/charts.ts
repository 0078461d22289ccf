// Small text charts for `kfq stats`. With colour they use coloured blocks;
// without (NO_COLOR, a pipe) each level or segment has its own character, so
// nothing depends on colour to be read.
import type { ChalkInstance, ForegroundColorName } from 'chalk';

export interface BarSegment {
  value: number;
  /** Drawn without colour; distinct per segment. */
  char: string;
  color: ForegroundColorName;
}

/** A horizontal bar `width` cells wide split in proportion to the segments; a non-zero segment gets at least one cell. */
export function stackedBar(segments: BarSegment[], width: number, style: ChalkInstance): string {
  const cells = apportion(
    segments.map((s) => s.value),
    width,
  );
  const color = style.level > 0;
  return segments.map((s, i) => (color ? style[s.color]('█'.repeat(cells[i]!)) : s.char.repeat(cells[i]!))).join('');
}

/** Splits `width` cells among values by largest remainder, giving every non-zero value one cell when there is room. */
export function apportion(values: number[], width: number): number[] {
  const total = values.reduce((sum, v) => sum + v, 0);
  if (total <= 0) return values.map(() => 0);
  const exact = values.map((v) => (v / total) * width);
  const cells = exact.map(Math.floor);
  let left = width - cells.reduce((sum, c) => sum + c, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    cells[i]!++;
    left--;
  }
  // A small non-zero share still shows, taken from the widest segment.
  for (let i = 0; i < values.length; i++) {
    if (values[i]! > 0 && cells[i] === 0) {
      const widest = cells.indexOf(Math.max(...cells));
      if (cells[widest]! > 1) {
        cells[widest]!--;
        cells[i] = 1;
      }
    }
  }
  return cells;
}

const PLAIN_LEVELS = ['·', '░', '▒', '▓', '█'];
const DAY_LABELS = ['Mon', '', 'Wed', '', 'Fri', '', ''];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 0 for no reviews, else 1–4 by share of the busiest day. */
export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

function heatCell(level: number, style: ChalkInstance): string {
  if (style.level === 0) return PLAIN_LEVELS[level]!;
  if (level === 0) return style.dim('·');
  if (style.level >= 2) return style.hex(['#0e4429', '#006d32', '#26a641', '#39d353'][level - 1]!)('■');
  return [style.dim.green('■'), style.green('■'), style.greenBright('■'), style.bold.greenBright('■')][level - 1]!;
}

/**
 * A review calendar like GitHub's: a column a week, a row a weekday (Monday
 * first), a cell a day. `counts[0]` is the Monday `start` (YYYY-MM-DD); the last
 * count is today, and the rest of this week stays blank.
 */
export function calendarHeatmap(counts: number[], start: string, style: ChalkInstance): string[] {
  const weeks = Math.ceil(counts.length / 7);
  const max = Math.max(0, ...counts);
  const gutter = '    ';
  const [year, month, day] = start.split('-').map(Number) as [number, number, number];
  const dateOf = (index: number): Date => new Date(Date.UTC(year, month - 1, day + index));

  // A month's name above the first week that starts in it.
  let monthRow = '';
  let lastMonth = -1;
  for (let week = 0; week < weeks; week++) {
    const month = dateOf(week * 7).getUTCMonth();
    const column = week * 2;
    if (month !== lastMonth && monthRow.length <= column) {
      monthRow = monthRow.padEnd(column) + MONTHS[month];
      lastMonth = month;
    }
  }
  const lines = [style.dim(gutter + monthRow)];
  for (let weekday = 0; weekday < 7; weekday++) {
    const cells: string[] = [];
    for (let week = 0; week < weeks; week++) {
      const index = week * 7 + weekday;
      cells.push(index < counts.length ? heatCell(heatLevel(counts[index]!, max), style) : ' ');
    }
    lines.push(style.dim(DAY_LABELS[weekday]!.padEnd(gutter.length)) + cells.join(' ').trimEnd());
  }
  return lines;
}

/** The heatmap's key: `less · ░ ▒ ▓ █ more`. */
export function heatLegend(style: ChalkInstance): string {
  return `${style.dim('less')} ${[0, 1, 2, 3, 4].map((level) => heatCell(level, style)).join(' ')} ${style.dim('more')}`;
}

const SPARKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** One character per value, scaled between `min` and `max`. */
export function sparkline(values: number[], min: number, max: number): string {
  const span = max - min;
  return values
    .map((v) => {
      const share = span > 0 ? (Math.min(max, Math.max(min, v)) - min) / span : 1;
      return SPARKS[Math.round(share * (SPARKS.length - 1))]!;
    })
    .join('');
}
