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
import type { Frame, Screen, ScreenControl, Size } from '../../ui/terminalSession.js';
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
  return new DrillScreen(config);
}

/** The session's state (which card, asked or revealed, what was typed and graded) and what each key does to it. */
class DrillScreen implements Screen<DrillOutcome> {
  private readonly now: () => number;
  private index = 0;
  private phase: 'ask' | 'revealed' = 'ask';
  private readonly input = new LineInput();
  private typed = '';
  private message: string | undefined;
  private expanded = false;
  private shownAt: number;
  private lastAct: { key: string; at: number } | undefined;
  private readonly graded: Graded[] = [];
  private readonly scroller = new Scroller();
  private score: AnswerScore | undefined;

  constructor(private readonly config: DrillScreenConfig) {
    this.now = config.now ?? Date.now;
    this.shownAt = this.now();
  }

  start(control: Control): void {
    this.shownAt = this.now();
    if (control.plain) this.printPlain(control);
  }

  draw(size: Size): Frame {
    const cols = width(size);
    if (this.phase === 'ask') {
      const answer = answerLines(this.input, cols, Math.max(1, Math.min(4, Math.floor(size.rows / 5))));
      const hint = wrap(out.dim(askFooter(this.input.value.trim(), this.graded.length > 0)), cols);
      const footer = ['', ...answer, ...(this.message ? wrap(out.yellow(this.message), cols) : []), ...hint];
      return this.scroller.layout(
        { header: this.header(cols, size.rows), body: [], footer, cursorLine: answer.length - (this.input.cut > 0 ? 1 : 0) },
        size,
      );
    }
    const footer = ['', ...(this.message ? wrap(out.yellow(this.message), cols) : []), ...this.revealedKeys(cols)];
    return this.scroller.layout(
      { header: [...this.header(cols, size.rows), ''], body: this.revealedBody(cols), footer },
      size,
      '↑↓ PgUp/PgDn',
    );
  }

  key(key: Key, control: Control): void {
    if (this.phase === 'ask') this.askKey(key, control);
    else this.revealedKey(key, control);
  }

  private card(): Question {
    return this.config.cards[this.index]!;
  }

  private show(control: Control, at: number, nextPhase: 'ask' | 'revealed', text: string, note?: string): void {
    this.index = at;
    this.phase = nextPhase;
    this.typed = text;
    this.input.clear();
    if (nextPhase === 'ask') this.input.set(text);
    this.score = undefined;
    this.expanded = false;
    this.message = note;
    this.scroller.reset();
    this.shownAt = this.now();
    control.fresh();
    if (control.plain) this.printPlain(control);
    control.redraw();
  }

  private undo(control: Control): void {
    const last = this.graded.pop();
    if (!last) {
      this.message = 'Nothing to undo in this session yet.';
      if (this.phase === 'ask') this.input.clear();
      if (control.plain) control.print(`${this.message}\n> `);
      control.redraw();
      return;
    }
    try {
      this.config.undo();
    } catch (error) {
      return control.done({ end: 'failed', error });
    }
    this.lastAct = undefined;
    this.show(control, last.index, 'revealed', last.typed, `Took back ${RATING_NAMES[last.rating]}; grade it again.`);
  }

  private grade(control: Control, rating: ReviewRating, key: string): void {
    try {
      this.config.grade(this.card(), rating, this.typed, this.now() - this.shownAt);
    } catch (error) {
      return control.done({ end: 'failed', error });
    }
    if (control.plain) control.print(`${RATING_NAMES[rating]}\n`);
    this.graded.push({ index: this.index, typed: this.typed, rating });
    this.lastAct = { key, at: this.now() };
    if (this.index + 1 >= this.config.cards.length) return control.done({ end: 'finished' });
    this.show(control, this.index + 1, 'ask', '');
  }

  private reveal(control: Control, key: string): void {
    this.typed = this.input.value;
    this.lastAct = { key, at: this.now() };
    this.phase = 'revealed';
    this.message = undefined;
    this.scroller.reset();
    control.fresh();
    if (control.plain) this.printPlain(control);
    control.redraw();
  }

  /** The same key again right after it acted: a double press. */
  private repeated(key: string): boolean {
    return this.lastAct !== undefined && this.lastAct.key === key && this.now() - this.lastAct.at < REPEAT_GUARD_MS;
  }

  private askKey(key: Key, control: Control): void {
    if (key.name === 'enter') {
      if (this.repeated('enter')) return;
      // q or u alone, then Enter, are commands: so an answer may start with any letter.
      const command = this.input.value.trim();
      if (command === 'q') return control.done({ end: 'quit' });
      if (command === 'u') return this.undo(control);
      return this.reveal(control, 'enter');
    }
    if (key.name === 'escape') return control.done({ end: 'quit' });
    if (this.scroller.key(key)) return control.redraw();
    if (key.name === 'text' && this.input.value === '' && this.repeated(key.text!.slice(0, 1))) return;
    if (!editAnswer(this.input, key, control, '> ')) return;
    this.message = undefined;
    control.redraw();
  }

  private revealedKey(key: Key, control: Control): void {
    if (key.name === 'enter') {
      if (!this.repeated('enter')) this.grade(control, 3, 'enter');
      return;
    }
    if (key.name === 'escape') return control.done({ end: 'quit' });
    if (this.scroller.key(key)) return control.redraw();
    if (key.name !== 'text') return;
    // One key at a time, up to the first that acts: a grade shows the next card, and what came with it was meant for this one.
    for (const ch of key.text!) if (this.revealedChar(ch, control)) return;
  }

  /** Returns true when the key acted on the card (graded, undid, quit). */
  private revealedChar(ch: string, control: Control): boolean {
    if (this.repeated(ch)) return false;
    const rating = Number(ch);
    if (ch === ' ' || (rating >= 1 && rating <= 4)) {
      this.grade(control, ch === ' ' ? 3 : (rating as ReviewRating), ch);
      return true;
    }
    if (ch === 'u' || ch === 'q') {
      if (ch === 'u') this.undo(control);
      else control.done({ end: 'quit' });
      return true;
    }
    if (ch === 'c') {
      this.expanded = !this.expanded;
      if (control.plain) this.printPlain(control);
    } else {
      this.message = 'Grade yourself: 1 Again · 2 Hard · 3 Good (Space, Enter) · 4 Easy.';
      if (control.plain) control.print(`\n${this.message}\nGrade: `);
    }
    control.redraw();
    return false;
  }

  private scoreOf(): AnswerScore | undefined {
    if (this.typed.trim() === '') return undefined;
    this.score ??= this.config.score(this.card(), this.typed);
    return this.score;
  }

  /** What the day holds is said on the first card, where the screen has the room for it. */
  private showsStatus(rows: number): boolean {
    return this.config.status !== undefined && this.index === 0 && this.graded.length === 0 && rows >= 20;
  }

  private header(cols: number, rows = Number.POSITIVE_INFINITY): string[] {
    const title = this.config.deckTitle(this.card());
    const category = this.card().category;
    return [
      ...titleLine(title, this.index + 1, this.config.cards.length, cols),
      // A deck without sections has its title as its only category: said once.
      ...(category.trim().toLowerCase() === title.trim().toLowerCase() ? [] : [out.dim(truncate(safeLine(category), cols))]),
      ...(this.showsStatus(rows) ? wrap(out.dim(this.config.status!), cols) : []),
      '',
      ...questionLines(this.card(), cols),
    ];
  }

  private revealedBody(cols: number): string[] {
    const current = this.scoreOf();
    const yours = current
      ? [out.dim('Your answer'), ...typedAnswerLines(this.typed, cols, this.expanded), ...coverageLines(current, cols, this.expanded), '']
      : [];
    const reference = renderMarkdown(this.card().answer, cols - 2)
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`));
    return [...yours, out.dim('Reference answer'), ...reference];
  }

  private revealedKeys(cols: number): string[] {
    return [
      ...gradeKeys(this.config.intervals(this.card()), cols),
      ...wrap(out.dim(`Space/Enter Good${this.graded.length > 0 ? ' · u undo' : ''} · q quit`), cols),
    ];
  }

  private printPlain(control: Control): void {
    const cols = width(control.size());
    const lines =
      this.phase === 'ask'
        ? [
            '',
            ...this.header(cols),
            '',
            ...(this.message ? [this.message] : []),
            askFooter(this.input.value.trim(), this.graded.length > 0),
          ]
        : [
            '',
            // After an undo the card is back: say which one.
            ...(this.message ? [this.message, '', ...this.header(cols), ''] : []),
            ...this.revealedBody(cols),
            '',
            ...this.revealedKeys(cols),
          ];
    control.print(lines.join('\n') + (this.phase === 'ask' ? `\n> ${safeLine(this.input.value)}` : '\nGrade: '));
  }
}

function width(size: Size): number {
  return Math.min(size.cols, 100);
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
