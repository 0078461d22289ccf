// The drill session screen: one screen for the whole session. Each card: the
// question, an optional typed answer, Enter to reveal, then a grade on Anki's
// keys (Space and Enter grade Good). The header (deck, progress, question)
// stays pinned and the answer scrolls. What a key does to the store goes
// through the callbacks, synchronously, before the next card shows. On a
// terminal that cannot move the cursor the same session runs line by line.
import type { Question } from '../../model/question.js';
import type { AnswerScore } from '../../practice/scoring.js';
import { RATING_NAMES, RATINGS, type ReviewRating } from '../../model/review.js';
import { answerLines, editAnswer, typedAnswerLines } from '../../ui/answerLines.js';
import { coverageLines } from '../../ui/coverageLines.js';
import type { Key } from '../../ui/keys.js';
import { LineInput } from '../../ui/lineInput.js';
import { renderMarkdown } from '../../ui/markdown.js';
import type { Screen, ScreenControl, Size } from '../../ui/terminalSession.js';
import { out, RATING_COLOURS } from '../../ui/theme.js';
import { safeLine, truncate, visibleWidth, wrap } from '../../ui/text.js';
import { hasFullPrompt } from '../../ui/questionText.js';
import { Scroller } from '../../ui/viewport.js';

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
  /** What the day holds, under the category: `12 due · 5 new · 3 learning`, or the plan's day. */
  status?: string;
  /** The clock, for how long a card took and for the repeat guard. */
  now?: () => number;
}

export type DrillOutcome = { end: 'finished' | 'quit' } | { end: 'failed'; error: unknown };

/** A key that just acted (reveal, grade) and arrives again this soon is a double press, not a new act. */
export const REPEAT_GUARD_MS = 300;

interface Graded {
  index: number;
  typed: string;
  rating: ReviewRating;
}

type Control = ScreenControl<DrillOutcome>;

export function drillScreen(config: DrillScreenConfig): Screen<DrillOutcome> {
  const now = config.now ?? Date.now;
  let index = 0;
  let phase: 'ask' | 'revealed' = 'ask';
  const input = new LineInput();
  let typed = '';
  let message: string | undefined;
  let expanded = false;
  let shownAt = now();
  let lastAct: { key: string; at: number } | undefined;
  const graded: Graded[] = [];
  const scroller = new Scroller();
  let score: AnswerScore | undefined;

  const card = (): Question => config.cards[index]!;
  const width = (size: Size): number => Math.min(size.cols, 100);

  const show = (control: Control, at: number, nextPhase: 'ask' | 'revealed', text: string, note?: string): void => {
    index = at;
    phase = nextPhase;
    typed = text;
    input.clear();
    if (nextPhase === 'ask') input.set(text);
    score = undefined;
    expanded = false;
    message = note;
    scroller.reset();
    shownAt = now();
    control.fresh();
    if (control.plain) printPlain(control);
    control.redraw();
  };

  const end = (control: Control, outcome: DrillOutcome): void => control.done(outcome);

  const undo = (control: Control): void => {
    const last = graded.pop();
    if (!last) {
      message = 'Nothing to undo in this session yet.';
      if (phase === 'ask') input.clear();
      if (control.plain) control.print(`${message}\n> `);
      control.redraw();
      return;
    }
    try {
      config.undo();
    } catch (error) {
      return end(control, { end: 'failed', error });
    }
    lastAct = undefined;
    show(control, last.index, 'revealed', last.typed, `Took back ${RATING_NAMES[last.rating]}; grade it again.`);
  };

  const grade = (control: Control, rating: ReviewRating, key: string): void => {
    try {
      config.grade(card(), rating, typed, now() - shownAt);
    } catch (error) {
      return end(control, { end: 'failed', error });
    }
    if (control.plain) control.print(`${RATING_NAMES[rating]}\n`);
    graded.push({ index, typed, rating });
    lastAct = { key, at: now() };
    if (index + 1 >= config.cards.length) return end(control, { end: 'finished' });
    show(control, index + 1, 'ask', '');
  };

  const reveal = (control: Control, key: string): void => {
    typed = input.value;
    lastAct = { key, at: now() };
    phase = 'revealed';
    message = undefined;
    scroller.reset();
    control.fresh();
    if (control.plain) printPlain(control);
    control.redraw();
  };

  /** The same key again right after it acted: a double press. */
  const repeated = (key: string): boolean => lastAct !== undefined && lastAct.key === key && now() - lastAct.at < REPEAT_GUARD_MS;

  const askKey = (key: Key, control: Control): void => {
    if (key.name === 'enter') {
      if (repeated('enter')) return;
      // q or u alone, then Enter, are commands: so an answer may start with any letter.
      const command = input.value.trim();
      if (command === 'q') return end(control, { end: 'quit' });
      if (command === 'u') return undo(control);
      return reveal(control, 'enter');
    }
    if (key.name === 'escape') return end(control, { end: 'quit' });
    if (scroller.key(key)) return control.redraw();
    if (key.name === 'text' && input.value === '' && repeated(key.text!.slice(0, 1))) return;
    if (!editAnswer(input, key, control, '> ')) return;
    message = undefined;
    control.redraw();
  };

  const revealedKey = (key: Key, control: Control): void => {
    if (key.name === 'enter') {
      if (!repeated('enter')) grade(control, 3, 'enter');
      return;
    }
    if (key.name === 'escape') return end(control, { end: 'quit' });
    if (scroller.key(key)) return control.redraw();
    if (key.name !== 'text') return;
    // One key at a time, up to the first that acts: a grade shows the next card, and what came with it was meant for this one.
    for (const ch of key.text!) if (revealedChar(ch, control)) return;
  };

  /** Returns true when the key acted on the card (graded, undid, quit). */
  const revealedChar = (ch: string, control: Control): boolean => {
    if (repeated(ch)) return false;
    const rating = Number(ch);
    if (ch === ' ' || (rating >= 1 && rating <= 4)) {
      grade(control, ch === ' ' ? 3 : (rating as ReviewRating), ch);
      return true;
    }
    if (ch === 'u' || ch === 'q') {
      if (ch === 'u') undo(control);
      else end(control, { end: 'quit' });
      return true;
    }
    if (ch === 'c') {
      expanded = !expanded;
      if (control.plain) printPlain(control);
    } else {
      message = 'Grade yourself: 1 Again · 2 Hard · 3 Good (Space, Enter) · 4 Easy.';
      if (control.plain) control.print(`\n${message}\nGrade: `);
    }
    control.redraw();
    return false;
  };

  const scoreOf = (): AnswerScore | undefined => {
    if (typed.trim() === '') return undefined;
    score ??= config.score(card(), typed);
    return score;
  };

  // What the day holds is said on the first card, where the screen has the room for it.
  const showsStatus = (rows: number): boolean => config.status !== undefined && index === 0 && graded.length === 0 && rows >= 20;

  const header = (cols: number, rows = Number.POSITIVE_INFINITY): string[] => [
    ...titleLine(config.deckTitle(card()), index + 1, config.cards.length, cols),
    out.dim(truncate(safeLine(card().category), cols)),
    ...(showsStatus(rows) ? wrap(out.dim(config.status!), cols) : []),
    '',
    ...questionLines(card(), cols),
  ];

  const revealedBody = (cols: number): string[] => {
    const current = scoreOf();
    const yours = current
      ? [out.dim('Your answer'), ...typedAnswerLines(typed, cols, expanded), ...coverageLines(current, cols, expanded), '']
      : [];
    const reference = renderMarkdown(card().answer, cols - 2)
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`));
    return [...yours, out.dim('Reference answer'), ...reference];
  };

  const revealedKeys = (cols: number): string[] => [
    ...gradeKeys(config.intervals(card()), cols),
    ...wrap(out.dim(`Space/Enter Good${graded.length > 0 ? ' · u undo' : ''} · q quit`), cols),
  ];

  function printPlain(control: Control): void {
    const cols = width(control.size());
    const lines =
      phase === 'ask'
        ? ['', ...header(cols), '', ...(message ? [message] : []), askFooter(input.value.trim(), graded.length > 0)]
        : [
            '',
            // After an undo the card is back: say which one.
            ...(message ? [message, '', ...header(cols), ''] : []),
            ...revealedBody(cols),
            '',
            ...revealedKeys(cols),
          ];
    control.print(lines.join('\n') + (phase === 'ask' ? `\n> ${safeLine(input.value)}` : '\nGrade: '));
  }

  return {
    start(control) {
      shownAt = now();
      if (control.plain) printPlain(control);
    },
    draw(size) {
      const cols = width(size);
      if (phase === 'ask') {
        const answer = answerLines(input, cols, Math.max(1, Math.min(4, Math.floor(size.rows / 5))));
        const hint = wrap(out.dim(askFooter(input.value.trim(), graded.length > 0)), cols);
        const footer = ['', ...answer, ...(message ? wrap(out.yellow(message), cols) : []), ...hint];
        return scroller.layout(
          { header: header(cols, size.rows), body: [], footer, cursorLine: answer.length - (input.cut > 0 ? 1 : 0) },
          size,
        );
      }
      const footer = ['', ...(message ? wrap(out.yellow(message), cols) : []), ...revealedKeys(cols)];
      return scroller.layout({ header: [...header(cols, size.rows), ''], body: revealedBody(cols), footer }, size, '↑↓ PgUp/PgDn');
    },
    key(key, control) {
      if (phase === 'ask') askKey(key, control);
      else revealedKey(key, control);
    },
  };
}

/** Deck and progress on one line when they fit (the title gives way), else on two. */
function titleLine(title: string, position: number, total: number, width: number): string[] {
  const progress = `${position}/${total} ${bar(position - 1, total)}`;
  const room = width - visibleWidth(progress) - 2;
  if (room < 12) return [out.bold(truncate(safeLine(title), width)), progress];
  const left = truncate(safeLine(title), room);
  return [`${out.bold(left)}${' '.repeat(width - visibleWidth(left) - visibleWidth(progress))}${progress}`];
}

/** `#3 ` and the question: its one line in bold, or its whole Markdown prompt when it has more. */
function questionLines(question: Question, width: number): string[] {
  const number = `#${question.number}`;
  if (!hasFullPrompt(question.question, question.prompt)) {
    return wrap(`${number} ${safeLine(question.question)}`, width).map((line, i) =>
      i === 0 ? `${out.dim(number)}${out.bold(line.slice(number.length))}` : out.bold(line),
    );
  }
  return [out.dim(number), ...renderMarkdown(question.prompt, width).split('\n')];
}

function bar(done: number, total: number): string {
  const cells = 10;
  const filled = Math.round((done / total) * cells);
  return out.green('█'.repeat(filled)) + out.dim('░'.repeat(cells - filled));
}

/** `1 Again · 1d` for each grade, packed into as few lines as the width allows. */
function gradeKeys(intervals: Record<ReviewRating, string>, width: number): string[] {
  const items = RATINGS.map(
    (rating) => `${out.bold(RATING_COLOURS[rating](String(rating)))} ${RATING_NAMES[rating]} ${out.dim(`· ${intervals[rating]}`)}`,
  );
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
