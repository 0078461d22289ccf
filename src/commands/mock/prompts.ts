// The screens of a mock interview: the start screen, the timed answer with
// its live countdown, the report, and the self-review of each answer. Each is
// a Screen for a TerminalSession: pinned header, scrolling body, keys at the
// bottom; on a terminal that cannot move the cursor they print line by line.
import type { InterviewAnswer } from '../../model/interview.js';
import type { AnswerScore } from '../../practice/scoring.js';
import { RATING_NAMES, type ReviewRating } from '../../model/review.js';
import { answerLines, editAnswer, typedAnswerLines } from '../../ui/answerLines.js';
import { formatClock } from '../../practice/time.js';
import { isClockMilestone, secondsLeft, styleClock } from '../../ui/countdown.js';
import { coverageLines } from '../../ui/coverageLines.js';
import type { Key } from '../../ui/keys.js';
import { LineInput } from '../../ui/lineInput.js';
import { renderMarkdown } from '../../ui/markdown.js';
import type { Screen, ScreenControl } from '../../ui/terminalSession.js';
import { out } from '../../ui/theme.js';
import { safeLine, visibleWidth, wrap } from '../../ui/text.js';
import { questionTextLines } from '../../ui/questionText.js';
import { Scroller } from '../../ui/viewport.js';

/** The self-review takes no key for this long after it appears, so keys typed for the last answer cannot grade. */
export const SELF_REVIEW_GUARD_MS = 500;

/** A page of text with one line of keys: Enter (true) or q/Esc (false). */
export function choiceScreen(options: { header: string[]; body: string[]; keys: string; plainQuestion: string }): Screen<boolean> {
  const scroller = new Scroller();
  return {
    start(control) {
      if (control.plain) control.print(`${[...options.header, ...options.body, ''].join('\n')}\n${options.plainQuestion}`);
    },
    draw(size) {
      return scroller.layout(
        { header: options.header, body: options.body, footer: ['', ...wrap(out.dim(options.keys), size.cols)] },
        size,
        '↑↓ PgUp/PgDn Space',
      );
    },
    key(key, control) {
      const choice = key.name === 'enter' ? true : key.name === 'escape' || (key.name === 'text' && key.text === 'q') ? false : undefined;
      if (choice !== undefined) {
        if (control.plain) control.print('\n');
        return control.done(choice);
      }
      if (scroller.key(key, { space: true })) control.redraw();
    },
  };
}

export interface AnswerScreenConfig {
  /** `Question 2/5`. */
  title: string;
  category: string;
  /** The question's one line, and the whole question as Markdown. */
  question: string;
  prompt: string;
  /** Epoch ms when this question's time runs out (already capped by the interview's). */
  deadline: number;
  /** Epoch ms when the whole interview's time runs out, when it has a limit. */
  interviewDeadline?: number;
  /** Called with the text typed so far after every change, so an interrupted answer is not lost. */
  onDraft: (text: string) => void;
  now?: () => number;
}

export interface TypedAnswer {
  answer: string;
  timedOut: boolean;
}

/**
 * The question with a countdown read from the clock every tick (never by
 * counting ticks, so it cannot drift) while the user types; Enter submits, and
 * when time runs out the text typed so far is kept.
 */
export function answerScreen(config: AnswerScreenConfig): Screen<TypedAnswer> {
  const now = config.now ?? Date.now;
  const input = new LineInput();
  const scroller = new Scroller();
  let shown = clocks(config, now());

  const type = (key: Key, control: ScreenControl<TypedAnswer>): boolean => {
    if (!editAnswer(input, key, control, '')) return false;
    config.onDraft(input.value);
    return true;
  };

  return {
    start(control) {
      if (control.plain) control.print(`${plainAnswerHeader(config, shown, control.size().cols).join('\n')}\n\n(Enter submits)\n> `);
      const timer = setInterval(() => {
        const at = now();
        if (at >= config.deadline) {
          config.onDraft(input.value);
          if (control.plain) control.print("\nTime's up.\n");
          control.done({ answer: input.value, timedOut: true });
          return;
        }
        const next = clocks(config, at);
        if (next[0] === shown[0] && next[1] === shown[1]) return;
        shown = next;
        if (!control.plain) control.redraw();
        else if (isClockMilestone(next[0])) control.print(`\n[${formatClock(next[0])} left]\n> ${safeLine(input.value)}`);
      }, 100);
      return () => clearInterval(timer);
    },
    draw(size) {
      const cols = size.cols;
      const answer = answerLines(input, cols, Math.max(1, Math.min(5, Math.floor(size.rows / 4))));
      const footer = ['', ...answer, out.dim('Enter submits · Ctrl+C stops')];
      return scroller.layout(
        { header: answerHeader(config, shown, cols), body: [], footer, cursorLine: answer.length - (input.cut > 0 ? 1 : 0) },
        size,
      );
    },
    key(key, control) {
      if (key.name === 'enter' && !key.paste) {
        if (control.plain) control.print('\n');
        return control.done({ answer: input.value, timedOut: false });
      }
      if (type(key, control) || scroller.key(key)) control.redraw();
    },
  };
}

/** The title with the clocks on its right (below it when they do not fit), the category and the question. */
function answerHeader(config: AnswerScreenConfig, shown: Clocks, cols: number): string[] {
  let right = `${styleClock(shown[0], out)} left`;
  if (shown[1] !== undefined) right += out.dim(' · interview ') + styleClock(shown[1], out);
  const title = out.bold(config.title);
  const top =
    visibleWidth(title) + 2 + visibleWidth(right) <= cols
      ? [title + ' '.repeat(cols - visibleWidth(title) - visibleWidth(right)) + right]
      : [title, right];
  return [...top, ...wrap(out.dim(safeLine(config.category)), cols), '', ...questionTextLines(config.question, config.prompt, cols)];
}

function plainAnswerHeader(config: AnswerScreenConfig, shown: Clocks, cols: number): string[] {
  return [
    `${config.title} · ${formatClock(shown[0])} left${shown[1] === undefined ? '' : ` · interview ${formatClock(shown[1])}`}`,
    ...wrap(safeLine(config.category), cols),
    '',
    ...questionTextLines(config.question, config.prompt, cols),
  ];
}

type Clocks = [number, number | undefined];

/** Seconds left for the question and, with a limit, for the whole interview. */
function clocks(config: AnswerScreenConfig, now: number): Clocks {
  return [
    secondsLeft(config.deadline, now),
    config.interviewDeadline === undefined ? undefined : secondsLeft(config.interviewDeadline, now),
  ];
}

export type SelfGrade = ReviewRating | 'skip' | 'stop';

export interface SelfReviewConfig {
  position: number;
  total: number;
  answer: InterviewAnswer;
  /** The whole question as Markdown. */
  prompt: string;
  score: AnswerScore;
  now?: () => number;
}

/** One answer beside its reference: 1–4 grades, s or Enter skips, q or Esc skips the rest; ignores keys at first. */
export function selfReviewScreen(config: SelfReviewConfig): Screen<SelfGrade> {
  const scroller = new Scroller();
  let ready = false;
  let expanded = false;
  const header = (cols: number): string[] => selfReviewHeader(config, cols);
  const body = (cols: number): string[] => selfReviewBody(config, cols, expanded);
  const keys = (cols: number): string[] => {
    if (!ready) return wrap(out.dim('… keys are taken in a moment'), cols);
    const full = '1 Again · 2 Hard · 3 Good · 4 Easy · s skip · q stop';
    return [full.length <= cols ? full : '1-4 grade · s skip · q stop'];
  };

  return {
    start(control) {
      if (control.plain) control.print(`\n${[...header(control.size().cols), ...body(control.size().cols)].join('\n')}\n`);
      const timer = setTimeout(() => {
        ready = true;
        if (control.plain) control.print(`${keys(control.size().cols).join('\n')}\nGrade: `);
        control.redraw();
      }, SELF_REVIEW_GUARD_MS);
      return () => clearTimeout(timer);
    },
    draw(size) {
      return scroller.layout(
        { header: header(size.cols), body: body(size.cols), footer: ['', ...keys(size.cols)] },
        size,
        '↑↓ PgUp/PgDn Space',
      );
    },
    key(key, control) {
      if (scroller.key(key, { space: true })) return control.redraw();
      if (!ready) return;
      const finish = (grade: SelfGrade, shown: string): void => {
        if (control.plain) control.print(`${shown}\n`);
        control.done(grade);
      };
      if (key.name === 'enter') return finish('skip', 'skipped');
      if (key.name === 'escape') return finish('stop', 'skipped');
      if (key.name !== 'text') return;
      for (const ch of key.text!) {
        const grade = selfGradeOf(ch);
        if (grade !== undefined) return finish(grade, typeof grade === 'number' ? RATING_NAMES[grade] : 'skipped');
        if (ch === 'c') {
          expanded = !expanded;
          control.redraw();
        }
      }
    },
  };
}

function selfReviewHeader({ answer, position, total, prompt }: SelfReviewConfig, cols: number): string[] {
  return [
    `${out.bold('Self-review')} ${position}/${total}`,
    ...wrap(out.dim(`${safeLine(answer.category)} · ${formatClock(answer.secondsUsed)}${answer.timedOut ? ' · timed out' : ''}`), cols),
    '',
    ...questionTextLines(answer.question, prompt, cols),
    '',
  ];
}

/** The typed answer (with what it covered) above the reference. */
function selfReviewBody({ answer, score }: SelfReviewConfig, cols: number, expanded: boolean): string[] {
  return [
    out.dim('Your answer'),
    ...(answer.answer.trim() === '' ? [`  ${out.dim('(nothing typed)')}`] : typedAnswerLines(answer.answer, cols, expanded)),
    ...coverageLines(score, cols, expanded),
    '',
    out.dim('Reference answer'),
    ...renderMarkdown(answer.reference, cols - 2)
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`)),
  ];
}

/** 1-4 grade, s skips, q stops; other keys are not grades. */
function selfGradeOf(ch: string): SelfGrade | undefined {
  const rating = Number(ch);
  if (rating >= 1 && rating <= 4) return rating as ReviewRating;
  if (ch === 's') return 'skip';
  if (ch === 'q') return 'stop';
  return undefined;
}
