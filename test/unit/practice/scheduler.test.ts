// Scheduling with FSRS, with a fixed clock: states come from replaying the log,
// renumbered questions keep their history, and the interval labels are right.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/model/question.js';
import type { Review, ReviewRating } from '../../../src/model/review.js';
import { reviewsByQuestion } from '../../../src/practice/matchReviews.js';
import { cardStates, replayReviews } from '../../../src/practice/gradeReplay.js';
import {
  DEFAULT_SCHEDULER_SETTINGS,
  gradeCard,
  isDue,
  isLearning,
  nextIntervals,
  schedulerSignature,
  useSchedulerSettings,
  type CardState,
} from '../../../src/practice/scheduler.js';
import { formatInterval } from '../../../src/practice/time.js';

const NOW = new Date('2025-03-10T09:00:00Z');
const DAY = 86_400_000;

function question(number: number, text = `Question ${number}?`, deck = 'kubeflow'): Question {
  return {
    id: `${deck}/${number}`,
    number,
    category: 'Basics',
    question: text,
    prompt: text,
    answer: 'An answer.',
    line: number * 3,
    deck,
  };
}

function review(q: Question, rating: ReviewRating, at: Date): Review {
  return {
    questionId: q.id,
    deck: q.deck,
    number: q.number,
    question: q.question,
    rating,
    reviewedAt: at.toISOString(),
    durationMs: 5000,
    answer: '',
    mode: 'drill',
  };
}

const labelsOf = (state: CardState | undefined, at: Date): Record<string, string> =>
  Object.fromEntries(Object.entries(nextIntervals(state, at)).map(([rating, next]) => [rating, next.label]));

/** A card taken through both learning steps with Good: it has whole-day intervals from then on. */
function graduated(at: Date, retention?: number): CardState {
  const first = gradeCard(undefined, 3, at, retention);
  return gradeCard(first, 3, first.card.due, retention);
}

describe('next intervals', () => {
  it('when a card is new then Again, Hard and Good are learning steps within minutes and Easy skips to days', () => {
    expect(labelsOf(undefined, NOW)).toEqual({ 1: '1m', 2: '6m', 3: '10m', 4: '8d' });
    expect(nextIntervals(undefined, NOW)[3].due).toEqual(new Date(NOW.getTime() + 10 * 60_000));
  });

  it('when a new card passes its last learning step then it graduates to whole days', () => {
    const state = graduated(NOW);
    expect(isLearning(state)).toBe(false);
    expect(state.card.due.getTime() - state.lastReviewedAt.getTime()).toBeGreaterThanOrEqual(DAY);
  });

  it('when a learnt card is forgotten then it relearns within the session (10m) before days again', () => {
    const state = graduated(NOW);
    const lapse = gradeCard(state, 1, state.card.due);
    expect(isLearning(lapse)).toBe(true);
    expect(lapse.card.due.getTime() - lapse.lastReviewedAt.getTime()).toBe(10 * 60_000);
  });

  it('when the learning steps are set then new cards follow them, and the signature changes', () => {
    const before = schedulerSignature();
    useSchedulerSettings({ learningSteps: ['5m', '1h'], relearningSteps: ['30m'] });
    try {
      expect(labelsOf(undefined, NOW)[1]).toBe('5m');
      expect(schedulerSignature()).not.toBe(before);
    } finally {
      useSchedulerSettings(DEFAULT_SCHEDULER_SETTINGS);
    }
  });

  it('grows the intervals of a card recalled again, and shortens them for a lower retention target', () => {
    const learnt = graduated(NOW);
    const later = new Date(learnt.card.due);
    const good = nextIntervals(learnt, later)[3];
    expect(good.due.getTime() - later.getTime()).toBeGreaterThan(learnt.card.due.getTime() - learnt.lastReviewedAt.getTime());
    const relaxed = graduated(NOW, 0.8);
    const strict = graduated(NOW, 0.95);
    expect(nextIntervals(relaxed, later, 0.8)[3].due.getTime()).toBeGreaterThan(nextIntervals(strict, later, 0.95)[3].due.getTime());
  });
});

describe('replaying the log', () => {
  it('derives the same state as grading step by step, whatever order the reviews were logged in', () => {
    const q = question(1);
    const times = [NOW, new Date(NOW.getTime() + 3 * DAY), new Date(NOW.getTime() + 12 * DAY)];
    const ratings: ReviewRating[] = [3, 1, 4];
    let stepwise: ReturnType<typeof gradeCard> | undefined;
    ratings.forEach((rating, i) => (stepwise = gradeCard(stepwise, rating, times[i]!)));
    const logged = ratings.map((rating, i) => review(q, rating, times[i]!));
    const replayed = cardStates([q], [logged[2]!, logged[0]!, logged[1]!]).get(q.id);
    expect(replayed).toEqual(stepwise);
    expect(replayReviews(logged)).toEqual(stepwise);
    expect(replayed).toMatchObject({ agains: 1, lastRating: 4 });
  });

  it('counts an Again on a brand-new card, which ts-fsrs does not call a lapse', () => {
    const state = gradeCard(undefined, 1, NOW);
    expect(state.card.lapses).toBe(0);
    expect(state.agains).toBe(1);
  });

  it('makes a card due once its interval has passed', () => {
    const state = graduated(NOW);
    expect(isDue(state, new Date(state.card.due.getTime() - 1))).toBe(false);
    expect(isDue(state, state.card.due)).toBe(true);
  });

  it('leaves new questions without a state', () => {
    expect(cardStates([question(1), question(2)], [review(question(1), 3, NOW)]).has('kubeflow/2')).toBe(false);
  });
});

describe('renumbered and edited questions', () => {
  it('follows a question to its new number by its text', () => {
    const before = question(5, 'What is Katib?');
    const now = [question(5, 'What is KServe?'), question(6, 'What is Katib?')];
    const grouped = reviewsByQuestion(now, [review(before, 3, NOW)]);
    expect([...grouped.keys()]).toEqual(['kubeflow/6']);
  });

  it('matches a review whose id no longer exists by its text', () => {
    const grouped = reviewsByQuestion([question(1, 'What is Katib?')], [review(question(40, 'What is Katib?'), 3, NOW)]);
    expect([...grouped.keys()]).toEqual(['kubeflow/1']);
  });

  it('keeps the id when the text was edited in place and no other question has the old text', () => {
    const grouped = reviewsByQuestion([question(5, 'What is Katib, exactly?')], [review(question(5, 'What is Katib?'), 3, NOW)]);
    expect([...grouped.keys()]).toEqual(['kubeflow/5']);
  });

  it('drops reviews of questions that are gone, and does not match text across decks', () => {
    const other = question(1, 'What is Katib?', 'mlops');
    expect(reviewsByQuestion([question(2, 'Something else?')], [review(question(9), 3, NOW), review(other, 3, NOW)]).size).toBe(0);
  });
});

describe('formatInterval', () => {
  it.each([
    [30_000, '1m'],
    [10 * 60_000, '10m'],
    [5 * 3_600_000, '5h'],
    [DAY, '1d'],
    [30 * DAY, '30d'],
    [45 * DAY, '1mo'],
    [200 * DAY, '7mo'],
    [500 * DAY, '1.4y'],
    [4000 * DAY, '11y'],
  ])('%d ms → %s', (ms, label) => expect(formatInterval(ms)).toBe(label));
});
