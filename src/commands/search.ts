import type { CommandContext } from './context.js';
import { ExitCode, NotFoundError } from '../errors.js';
import { loadSearchIndex } from '../search/cachedIndex.js';
import { searchQuestions, type SearchHit } from '../search/index.js';
import { printJson, printLines } from '../ui/output.js';
import { out } from '../ui/theme.js';
import { safeLine, truncate, wrap } from '../ui/text.js';
import { layoutWidth, loadSelection } from './shared.js';

export async function run(
  ctx: CommandContext,
  words: string[],
  options: { limit: number; category?: string; json?: boolean },
): Promise<number> {
  const { decks, contentHashes, category } = await loadSelection(ctx, options.category);
  const query = words.join(' ');
  // The whole decks are indexed (and cached); the category narrows the hits.
  const hits = await searchQuestions(loadSearchIndex(decks, ctx.paths.cache, contentHashes), query, { limit: options.limit, category });
  // --json always prints an array, so a script can read the empty one too.
  if (options.json)
    printJson(
      ctx.stdout,
      hits.map((hit) => ({ ...hit.question, score: round(hit.score) })),
    );
  if (hits.length === 0) {
    throw new NotFoundError(`no question matches "${query}"`, { hint: 'try fewer or other words, or kfq list to browse' });
  }
  if (options.json) return ExitCode.ok;

  const width = layoutWidth(ctx);
  const lines: string[] = [];
  for (const hit of hits) {
    const label = hit.question.deck === decks[0]?.slug ? `${hit.question.number}.` : hit.question.id;
    lines.push(`${out.bold(label)} ${out.dim(safeLine(hit.question.category))}`);
    lines.push(...wrap(highlight(hit.question.question, hit.questionRanges), width, '   '));
    // A terminal gets an excerpt near the first match; a pipe the whole answer, on one line.
    const answer = Number.isFinite(width) ? snippet(hit) : hit.answerText;
    lines.push(out.dim(`   ${truncate(safeLine(answer), width - 4)}`), '');
  }
  printLines(ctx.stdout, lines.slice(0, -1));
  return ExitCode.ok;
}

function highlight(text: string, ranges: Array<[number, number]>): string {
  let result = '';
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start < cursor) continue;
    result += safeLine(text.slice(cursor, start)) + out.bold.yellow(safeLine(text.slice(start, end + 1)));
    cursor = end + 1;
  }
  return result + safeLine(text.slice(cursor));
}

/** A one-line answer excerpt, starting near the first matched word. */
function snippet(hit: SearchHit): string {
  const first = hit.answerRanges[0]?.[0] ?? 0;
  if (first < 40) return hit.answerText;
  const start = hit.answerText.lastIndexOf(' ', first - 20);
  return `…${hit.answerText.slice(start + 1)}`;
}

function round(score: number): number {
  return Math.round(score * 1e4) / 1e4;
}
