// drill's and mock's screens driven directly: keys in, frames out, with an
// injected clock for the guards against double presses.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import { scoreAnswer } from '../../../src/practice/scoring.js';
import type { ReviewRating } from '../../../src/model/review.js';
import { drillScreen, REPEAT_GUARD_MS, type DrillOutcome } from '../../../src/commands/drill/screen.js';
import { answerScreen } from '../../../src/commands/mock/prompts.js';
import type { Key } from '../../../src/ui/keys.js';
import type { Screen, ScreenControl } from '../../../src/ui/terminalSession.js';

const SIZE = { cols: 80, rows: 24 };

function question(number: number, prompt?: string): Question {
  const text = `What does manifest ${number} deploy?`;
  return {
    id: `t/${number}`,
    number,
    category: 'Manifests',
    question: text,
    prompt: prompt ?? text,
    answer: '- A Deployment of the trainer.',
    line: 1,
    deck: 't',
  };
}

/** Runs a screen without a terminal: keys go in, the outcome and printed text come out. */
function drive<T>(screen: Screen<T>) {
  const result: { outcome?: T; printed: string } = { printed: '' };
  const control: ScreenControl<T> = {
    plain: false,
    done: (value) => (result.outcome = value),
    fail: (error) => {
      throw error;
    },
    redraw: () => undefined,
    print: (text) => (result.printed += text),
    fresh: () => undefined,
    size: () => SIZE,
  };
  const cleanup = screen.start?.(control);
  return {
    result,
    stop: () => cleanup?.(),
    press: (...keys: Key[]) => keys.forEach((key) => screen.key(key, control)),
    screen: () => screen.draw(SIZE).lines.join('\n'),
  };
}

const PROMPT = 'What does this manifest deploy?\n\n```yaml\nkind: Deployment\nreplicas: 3\n```';

describe('the drill screen', () => {
  function drill(cards: Question[], clock: { now: number }) {
    const grades: [string, ReviewRating][] = [];
    const screen = drillScreen({
      cards,
      deckTitle: () => 'Test deck',
      intervals: () => ({ 1: '1d', 2: '2d', 3: '3d', 4: '8d' }),
      score: (q, typed) => scoreAnswer(q.answer, typed, q.question),
      grade: (q, rating) => grades.push([q.id, rating]),
      undo: () => grades.pop(),
      now: () => clock.now,
    });
    return { ...drive<DrillOutcome>(screen), grades };
  }

  it("when the card's category is the deck's title (a deck without sections) then the title is shown once", () => {
    const { screen } = drill([{ ...question(1), category: 'Test deck' }, question(2)], { now: 0 });
    expect(screen().split('Test deck').length - 1).toBe(1);
    expect(drill([question(1)], { now: 0 }).screen()).toContain('Manifests');
  });

  it('when the question has a full prompt then its code block is on the question screen', () => {
    const { screen } = drill([question(1, PROMPT)], { now: 0 });
    expect(screen()).toContain('kind: Deployment');
    expect(screen()).toContain('replicas: 3');
  });

  it('when Space or Enter is pressed after the reveal then the card is graded Good', () => {
    const clock = { now: 0 };
    const { press, grades, result } = drill([question(1), question(2)], clock);
    press({ name: 'enter' });
    clock.now += 1000;
    press({ name: 'text', text: ' ' });
    press({ name: 'enter' });
    clock.now += 1000;
    press({ name: 'enter' });
    expect(grades).toEqual([
      ['t/1', 3],
      ['t/2', 3],
    ]);
    expect(result.outcome).toEqual({ end: 'finished' });
  });

  it('when a grade key comes twice within the guard then only one card is graded and the next answer stays empty', () => {
    const clock = { now: 0 };
    const { press, grades, screen } = drill([question(1), question(2)], clock);
    press({ name: 'enter' });
    clock.now += 1000;
    press({ name: 'text', text: '3' });
    clock.now += REPEAT_GUARD_MS / 2;
    press({ name: 'text', text: '3' });
    expect(grades).toEqual([['t/1', 3]]);
    expect(screen()).toMatch(/^> $/m);
    clock.now += REPEAT_GUARD_MS;
    press({ name: 'text', text: '3' });
    expect(screen()).toMatch(/^> 3$/m);
  });
});

describe('the mock answer screen', () => {
  it('when the question has a full prompt then the code block shows above the answer', () => {
    const { screen, stop } = drive(
      answerScreen({
        title: 'Question 1/1',
        category: 'Manifests',
        question: 'What does this manifest deploy?',
        prompt: PROMPT,
        deadline: Date.now() + 60_000,
        onDraft: () => undefined,
      }),
    );
    expect(screen()).toContain('kind: Deployment');
    expect(screen()).toMatch(/Question 1\/1 +[01]:\d\d left/);
    stop();
  });
});
