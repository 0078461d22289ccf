// The prompts of a mock interview: the start screen, the timed answer with its
// live countdown, and the self-review grade. Each is an @inquirer/core prompt;
// Ctrl+C rejects with inquirer's ExitPromptError, an abort signal with AbortPromptError.
import { createPrompt, isEnterKey, useEffect, useKeypress, useState } from '@inquirer/core';
import { RATING_NAMES } from '../../model/review.js';
import type { ReviewRating } from '../../model/review.js';
import { secondsLeft, styleClock } from '../../ui/countdown.js';
import { useRedrawOnResize } from '../../ui/resize.js';
import { out } from '../../ui/theme.js';
import { safeLine, terminalWidth, visibleWidth, wrap } from '../../ui/text.js';

/** Lines of text, then Enter starts (true) and q or Esc leaves (false). */
export const startScreen = createPrompt<boolean, { lines: string[] }>((config, done) => {
  useKeypress((key) => {
    if (isEnterKey(key)) done(true);
    else if (key.name === 'q' || key.name === 'escape') done(false);
  });
  return [...config.lines, '', `${out.bold('Enter')} starts · ${out.bold('q')} leaves`].join('\n');
});

export interface AnswerPromptConfig {
  /** `Question 2/5`. */
  title: string;
  category: string;
  question: string;
  /** Epoch ms when this question's time runs out (already capped by the interview's). */
  deadline: number;
  /** Epoch ms when the whole interview's time runs out, when it has a limit. */
  interviewDeadline?: number;
  /** Called with the text typed so far after every key, so an interrupted answer is not lost. */
  onDraft: (text: string) => void;
}

export interface TypedAnswer {
  answer: string;
  timedOut: boolean;
}

/**
 * Shows the question with a countdown that re-renders every second from the
 * wall clock (never by counting ticks, so it cannot drift) while the user
 * types; Enter submits, and when time runs out the text typed so far is kept.
 */
export const answerPrompt = createPrompt<TypedAnswer, AnswerPromptConfig>((config, done) => {
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<'answering' | 'submitted' | 'timed out'>('answering');
  const [[questionLeft, interviewLeft], setClock] = useState(() => clocks(config, Date.now()));
  useRedrawOnResize();

  useEffect((rl) => {
    const timer = setInterval(() => {
      const now = Date.now();
      if (now >= config.deadline) {
        clearInterval(timer);
        config.onDraft(rl.line);
        setValue(rl.line);
        setStatus('timed out');
        done({ answer: rl.line, timedOut: true });
        return;
      }
      const [question, interview] = clocks(config, now);
      // Keeping the same state on most ticks skips the redraw: the screen changes once a second.
      setClock((shown) => (shown[0] === question && shown[1] === interview ? shown : [question, interview]));
    }, 100);
    return () => clearInterval(timer);
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'answering') return;
    if (isEnterKey(key)) {
      setStatus('submitted');
      done({ answer: value, timedOut: false });
      return;
    }
    setValue(rl.line);
    config.onDraft(rl.line);
  });

  const width = terminalWidth();
  let right: string;
  if (status === 'answering') {
    right = `${styleClock(questionLeft, out)} left`;
    if (interviewLeft !== undefined) right += out.dim(' · interview ') + styleClock(interviewLeft, out);
  } else {
    right = status === 'timed out' ? out.yellow("time's up") : out.green('submitted');
  }
  const title = out.bold(config.title);
  const header =
    visibleWidth(title) + 2 + visibleWidth(right) <= width
      ? title + ' '.repeat(width - visibleWidth(title) - visibleWidth(right)) + right
      : `${title}\n${right}`;
  const lines = [header, ...wrap(out.dim(safeLine(config.category)), width), '', ...wrap(out.bold(safeLine(config.question)), width), ''];
  const answerLine = `${out.cyan('>')} ${safeLine(value)}`;
  if (status !== 'answering') return [...lines, answerLine].join('\n');
  return [[...lines, answerLine].join('\n'), out.dim('Enter submits · Ctrl+C stops')];
});

/** Seconds left for the question and, with a limit, for the whole interview. */
function clocks(config: AnswerPromptConfig, now: number): [number, number | undefined] {
  return [secondsLeft(config.deadline, now), config.interviewDeadline === undefined ? undefined : secondsLeft(config.interviewDeadline, now)];
}

export type SelfGrade = ReviewRating | 'skip' | 'stop';

/** One key: 1–4 grades, s or Enter skips, q or Esc skips the rest. */
export const gradePrompt = createPrompt<SelfGrade, { label: string }>((config, done) => {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  useKeypress((key) => {
    if (chosen !== undefined) return;
    const finish = (grade: SelfGrade, shown: string) => {
      setChosen(shown);
      done(grade);
    };
    if (key.name === '1' || key.name === '2' || key.name === '3' || key.name === '4') {
      const rating = Number(key.name) as ReviewRating;
      finish(rating, RATING_NAMES[rating]);
    } else if (key.name === 's' || isEnterKey(key)) finish('skip', 'skipped');
    else if (key.name === 'q' || key.name === 'escape') finish('stop', 'skipped');
  });
  if (chosen !== undefined) return `${config.label} ${out.bold(chosen)}`;
  const keys = '1 Again · 2 Hard · 3 Good · 4 Easy · s skip · q stop';
  return [config.label, out.dim(keys.length <= terminalWidth() ? keys : '1-4 grade · s skip · q stop')];
});
