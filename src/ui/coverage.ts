// How a typed answer covered the reference, as terminal lines: one compact
// line of counts plus the points missed (for drill), or every point with the
// words that matched (for the mock report). Pure: an AnswerScore and a width in.
import type { PointResult, PointStatus } from '../practice/scoring.js';
import { RATING_NAMES, type ReviewRating } from '../model/review.js';
import { out, RATING_COLOURS } from './theme.js';
import { safeLine, truncate, wrap } from './text.js';

/** What the coverage lines need of a score (an AnswerScore, or an answer saved in a report). */
export interface CoverageView {
  score: number;
  points: readonly PointResult[];
  notes: readonly string[];
  suggestedRating: ReviewRating;
}

const MARKS: Record<PointStatus, string> = { covered: '✓', partly: '~', missed: '✗', contradicted: '!' };
const COLOURS: Record<PointStatus, (text: string) => string> = {
  covered: out.green,
  partly: out.yellow,
  missed: out.red,
  contradicted: out.magenta,
};
const ORDER: readonly PointStatus[] = ['covered', 'partly', 'missed', 'contradicted'];

/** `Score 72 · 2 covered · 1 partly · 1 missed · suggests 3 Good`, then each point missed or contradicted on a line of its own. */
export function coverageSummary(view: CoverageView, width: number, indent = '  '): string[] {
  const inner = Math.max(10, width - indent.length);
  const counts = ORDER.filter((status) => view.points.some((point) => point.status === status)).map((status) =>
    COLOURS[status](`${view.points.filter((point) => point.status === status).length} ${status}`),
  );
  const lines = wrap([out.bold(`Score ${view.score}`), ...counts, suggestion(view.suggestedRating)].join(out.dim(' · ')), inner, indent);
  for (const note of view.notes) lines.push(indent + out.dim(truncate(safeLine(note), inner)));
  for (const point of view.points) {
    if (point.status !== 'missed' && point.status !== 'contradicted') continue;
    lines.push(indent + COLOURS[point.status](truncate(`${MARKS[point.status]} ${point.status}: ${safeLine(point.text)}`, inner)));
  }
  return lines;
}

/** Every point: its status and text, then the words that matched and the terms missing. */
export function coverageDetails(view: CoverageView, width: number, indent = '  '): string[] {
  const lines = wrap([out.bold(`Score ${view.score}`), suggestion(view.suggestedRating)].join(out.dim(' · ')), width, indent);
  for (const note of view.notes) lines.push(...wrap(out.dim(safeLine(note)), width, indent));
  for (const point of view.points) {
    const mark = COLOURS[point.status](`${MARKS[point.status]} ${point.status}`);
    lines.push(...wrap(`${mark} ${safeLine(point.text)}`, width, indent));
    const words: string[] = [];
    if (point.matched.length > 0) words.push(`matched: ${point.matched.map(safeLine).join(', ')}`);
    if (point.missing.length > 0 && point.status !== 'covered') words.push(`missing: ${point.missing.map(safeLine).join(', ')}`);
    if (words.length > 0) lines.push(...wrap(out.dim(words.join(' · ')), width, `${indent}    `));
  }
  return lines;
}

/** `suggests 3 Good`, in the grade's colour; bracketed when there is no colour to show it. */
export function suggestion(rating: ReviewRating): string {
  const label = `${rating} ${RATING_NAMES[rating]}`;
  return `suggests ${out.level > 0 ? out.bold(RATING_COLOURS[rating](label)) : `[${label}]`}`;
}
