// How a typed answer covers the reference, as shown under "Your answer": one
// line of counts plus the missed points, or (expanded) every term. Every
// screen renders coverage through this one function.
import type { AnswerScore } from '../practice/scoring.js';
import { out } from './theme.js';
import { safeLine, wrap } from './text.js';

/** At most this many lines of missed terms while collapsed. */
const COLLAPSED_MISSED_LINES = 3;

export function coverageLines(score: AnswerScore, width: number, expanded: boolean): string[] {
  const total = score.covered.length + score.missed.length;
  if (total === 0) return [];
  const counts = `${out.green(`✓ ${score.covered.length}`)} of ${total} key terms covered`;
  const missed = score.missed.length > 0 ? wrap(out.yellow(`✗ missed: ${score.missed.map(safeLine).join(', ')}`), width - 2, '  ') : [];
  if (expanded) {
    const covered = score.covered.length > 0 ? wrap(out.green(`✓ ${score.covered.map(safeLine).join(', ')}`), width - 2, '  ') : [];
    return [...wrap(`${counts} ${out.dim('· c hides the list')}`, width - 2, '  '), ...covered, ...missed];
  }
  const cut = missed.length > COLLAPSED_MISSED_LINES;
  const shownMissed = cut ? [...missed.slice(0, COLLAPSED_MISSED_LINES - 1), out.dim(`  … ${score.missed.length} missed in all`)] : missed;
  return [...wrap(`${counts} ${out.dim('· c lists every term')}`, width - 2, '  '), ...shownMissed];
}
