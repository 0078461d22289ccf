// The drill session screen: one prompt for the whole session, so keys typed
// between cards are never lost. Each card: the question, an optional typed
// answer, Enter to reveal, then a grade on Anki's keys. What a key does to the
// store goes through the callbacks, synchronously, before the next card shows.
import { createPrompt, isEnterKey, useKeypress, useRef, useState, type KeypressEvent } from '@inquirer/core';
import type { Question } from '../../model/question.js';
import { RATING_NAMES, RATINGS } from '../../model/review.js';
import type { AnswerScore } from '../../practice/scoring.js';
import type { ReviewRating } from '../../model/review.js';
import { renderMarkdown } from '../../ui/markdown.js';
import { useRedrawOnResize } from '../../ui/resize.js';
import { out, RATING_COLOURS } from '../../ui/theme.js';
import { safeLine, terminalWidth, truncate, visibleWidth, wrap } from '../../ui/text.js';

export interface DrillScreenConfig {
  cards: readonly Question[];
  deckTitle: (question: Question) => string;
  /** Interval labels for each grade of this card right now, e.g. `{ 3: '3d' }`. */
  intervals: (question: Question) => Record<ReviewRating, string>;
  score: (question: Question, typed: string) => AnswerScore;
  /** Saves a grade; throws when it cannot. */
  grade: (question: Question, rating: ReviewRating, typed: string, durationMs: number) => void;
  /** Takes back the last grade saved. */
  undo: () => void;
}

export type DrillOutcome = { end: 'finished' | 'quit' } | { end: 'failed'; error: unknown };

interface View {
  index: number;
  phase: 'ask' | 'revealed';
  typed: string;
  message?: string;
}

interface Graded {
  index: number;
  typed: string;
  rating: ReviewRating;
}

const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';

export const drillScreen = createPrompt<DrillOutcome, DrillScreenConfig>((config, done) => {
  const [view, setView] = useState<View>({ index: 0, phase: 'ask', typed: '' });
  const shownAt = useRef(Date.now());
  const graded = useRef<Graded[]>([]);
  const finished = useRef(false);
  useRedrawOnResize();

  const end = (outcome: DrillOutcome): void => {
    finished.current = true;
    done(outcome);
  };

  const undo = (): void => {
    const last = graded.current.pop();
    if (!last) {
      setView({ ...view, typed: view.phase === 'ask' ? '' : view.typed, message: 'Nothing to undo in this session yet.' });
      return;
    }
    try {
      config.undo();
    } catch (error) {
      end({ end: 'failed', error });
      return;
    }
    shownAt.current = Date.now();
    setView({ index: last.index, phase: 'revealed', typed: last.typed, message: `Took back ${RATING_NAMES[last.rating]}; grade it again.` });
  };

  const grade = (rating: ReviewRating): void => {
    const question = config.cards[view.index]!;
    try {
      config.grade(question, rating, view.typed, Date.now() - shownAt.current);
    } catch (error) {
      end({ end: 'failed', error });
      return;
    }
    graded.current.push({ index: view.index, typed: view.typed, rating });
    if (view.index + 1 >= config.cards.length) {
      end({ end: 'finished' });
      return;
    }
    shownAt.current = Date.now();
    setView({ index: view.index + 1, phase: 'ask', typed: '' });
  };

  useKeypress((key: KeypressEvent, rl) => {
    if (finished.current) return;
    const command = !key.ctrl && !(key as { meta?: boolean }).meta ? key.name : undefined;
    if (view.phase === 'ask') {
      if (isEnterKey(key)) {
        // q or u alone, then Enter, are commands: so an answer may start with any letter.
        const typed = view.typed.trim();
        if (typed === 'q') return end({ end: 'quit' });
        if (typed === 'u') return undo();
        return setView({ ...view, phase: 'revealed', message: undefined });
      }
      if (key.name === 'escape') return end({ end: 'quit' });
      return setView({ ...view, typed: rl.line, message: undefined });
    }
    rl.clearLine(0);
    const rating = Number(command);
    if (rating >= 1 && rating <= 4 && command?.length === 1) return grade(rating as ReviewRating);
    if (command === 'u') return undo();
    if (command === 'q' || key.name === 'escape') return end({ end: 'quit' });
    setView({ ...view, message: 'Grade yourself: 1 Again · 2 Hard · 3 Good · 4 Easy.' });
  });

  const question = config.cards[view.index]!;
  const width = Math.min(terminalWidth(), 100);
  const rows = process.stdout.rows ?? 24;
  const top = [
    ...header(config.deckTitle(question), question.category, view.index + 1, config.cards.length, width),
    '',
    ...questionLines(question, width),
    '',
  ];

  if (view.phase === 'ask') {
    const footer = askFooter(view.typed.trim(), graded.current.length > 0);
    const bottom = [...(view.message ? [out.yellow(view.message)] : []), ...wrap(out.dim(footer), width)];
    // The input line is last: inquirer keeps the cursor on it.
    return [SHOW_CURSOR + [...top, `${out.cyan('>')} ${safeLine(view.typed)}`].join('\n'), bottom.join('\n')];
  }

  const typedLines = view.typed.trim() === '' ? [] : yourAnswer(config.score(question, view.typed), view.typed, width);
  const keys = gradeKeys(config.intervals(question), width);
  const tail = [
    '',
    ...keys,
    ...wrap(out.dim(graded.current.length > 0 ? 'u undo last grade · q quit' : 'q quit'), width),
    ...(view.message ? wrap(out.yellow(view.message), width) : []),
  ];
  const label = out.dim('Reference answer');
  const room = rows - 1 - top.length - typedLines.length - 1 - tail.length;
  const answer = fit(renderMarkdown(question.answer, width - 2).split('\n').map((line) => `  ${line}`), room, question.number, width);
  return [...top, ...typedLines, label, ...answer, ...tail].join('\n') + HIDE_CURSOR;
});

/** Deck and progress on one line when they fit, then the category. */
function header(title: string, category: string, position: number, total: number, width: number): string[] {
  const progress = `${position}/${total} ${bar(position - 1, total)}`;
  const categoryLine = out.dim(truncate(safeLine(category), width));
  const room = width - visibleWidth(progress) - 2;
  if (room < 12) return [out.bold(truncate(safeLine(title), width)), progress, categoryLine];
  const left = truncate(safeLine(title), room);
  return [`${out.bold(left)}${' '.repeat(width - visibleWidth(left) - visibleWidth(progress))}${progress}`, categoryLine];
}

/** `#3 What is …?`, wrapped, the question in bold. */
function questionLines(question: Question, width: number): string[] {
  const number = `#${question.number}`;
  return wrap(`${number} ${safeLine(question.question)}`, width).map((line, i) =>
    i === 0 ? `${out.dim(number)}${out.bold(line.slice(number.length))}` : out.bold(line),
  );
}

function bar(done: number, total: number): string {
  const cells = 10;
  const filled = Math.round((done / total) * cells);
  return out.green('█'.repeat(filled)) + out.dim('░'.repeat(cells - filled));
}

function yourAnswer(score: AnswerScore, typed: string, width: number): string[] {
  const lines = [out.dim('Your answer'), ...wrap(safeLine(typed.trim()), width - 2, '  ')];
  if (score.covered.length > 0) lines.push(...wrap(out.green(`✓ ${score.covered.map(safeLine).join(', ')}`), width - 2, '  '));
  if (score.missed.length > 0) lines.push(...wrap(out.yellow(`✗ missed: ${score.missed.map(safeLine).join(', ')}`), width - 2, '  '));
  return [...lines, ''];
}

/** `1 Again · 1d` for each grade, packed into as few lines as the width allows. */
function gradeKeys(intervals: Record<ReviewRating, string>, width: number): string[] {
  const items = RATINGS.map((rating) => `${out.bold(RATING_COLOURS[rating](String(rating)))} ${RATING_NAMES[rating]} ${out.dim(`· ${intervals[rating]}`)}`);
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line !== '' && visibleWidth(line) + 3 + visibleWidth(item) > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? item : `${line}   ${item}`;
  }
  return [...lines, line];
}

function askFooter(typed: string, canUndo: boolean): string {
  if (typed === '') return `Type an answer, or press Enter to reveal · Esc quits${canUndo ? ' · u+Enter undoes' : ''}`;
  if (typed === 'q') return 'Enter quits (or type on: an answer may start with q)';
  if (typed === 'u') return `Enter ${canUndo ? 'takes back the last grade' : 'would undo, but nothing is graded yet'} (or type on)`;
  return 'Enter reveals the answer · Esc quits';
}

/** Keeps a long answer within the screen, saying where to read the rest. */
function fit(lines: string[], room: number, number: number, width: number): string[] {
  if (lines.length <= Math.max(room, 3)) return lines;
  const keep = Math.max(room - 1, 2);
  return [...lines.slice(0, keep), out.dim(truncate(`  … ${lines.length - keep} more lines: kfq show ${number}`, width))];
}
