// A card's whole history replayed at once, for the review log: the very
// states gradeCard gives grade after grade, without what ts-fsrs's `next`
// builds around each grade for a caller that shows it (a scheduler object,
// a copy of the card per possible grade, a review log entry, Date objects).
// The card is one record of plain numbers, moved on by ts-fsrs's own
// functions (next_state, forgetting_curve, next_interval, the learning-steps
// strategy) in the order its short-term scheduler applies them, and becomes
// a Card once, at the end. test/unit/practice/gradeReplay.test.ts holds it
// to gradeCard on random histories.
import { BasicLearningStepsStrategy, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { Question } from '../model/question.js';
import type { Review, ReviewRating } from '../model/review.js';
import { reviewsByQuestion } from './matchReviews.js';
import { DEFAULT_RETENTION } from '../model/choices.js';
import { scheduler, type CardState } from './scheduler.js';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;

/** A card between grades: Card's fields, with times as epoch milliseconds. */
interface WorkingCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  state: State;
  lastReview: number | undefined;
  agains: number;
  lastRating: ReviewRating;
}

type StepsByGrade = ReturnType<typeof BasicLearningStepsStrategy>;

/** The state of every question that has been reviewed; new questions have none. */
export function cardStates(
  questions: readonly Question[],
  reviews: Iterable<Review>,
  retention: number = DEFAULT_RETENTION,
): Map<string, CardState> {
  const states = new Map<string, CardState>();
  for (const [id, list] of reviewsByQuestion(questions, reviews)) {
    const state = replayReviews(list, retention);
    if (state) states.set(id, state);
  }
  return states;
}

/** Replays a question's reviews in the order given (oldest first). */
export function replayReviews(reviews: readonly Review[], retention: number = DEFAULT_RETENTION): CardState | undefined {
  const times = reviews.map((review) => Date.parse(review.reviewedAt));
  const ratings = reviews.map((review) => review.rating);
  return replayGrades(
    undefined,
    times.map((_, i) => i),
    ratings,
    times,
    retention,
  );
}

/**
 * The state after grading `from` (undefined: a new card) with the reviews
 * `order` names, in that order: review `i` has rating `ratings[i]` at
 * `times[i]` (epoch milliseconds). The same as calling gradeCard for each.
 */
export function replayGrades(
  from: CardState | undefined,
  order: ArrayLike<number>,
  ratings: ArrayLike<number>,
  times: ArrayLike<number>,
  retention: number,
): CardState | undefined {
  if (order.length === 0) return from;
  const fsrs = scheduler(retention);
  const steps = learningSteps(fsrs);
  let working = from ? workingCard(from) : undefined;
  let lastReviewedAt = from ? from.lastReviewedAt.getTime() : NaN;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const rating = ratings[i]! as ReviewRating;
    const at = times[i]!;
    // As gradeCard: a clock set back must not make ts-fsrs see a negative elapsed time.
    const when = working && at < lastReviewedAt ? lastReviewedAt : at;
    working ??= newCard(when);
    grade(fsrs, steps, working, rating, when);
    lastReviewedAt = when;
  }
  return cardState(working!, lastReviewedAt);
}

function workingCard(state: CardState): WorkingCard {
  const { card } = state;
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    learningSteps: card.learning_steps,
    state: card.state,
    lastReview: card.last_review?.getTime(),
    agains: state.agains,
    lastRating: state.lastRating,
  };
}

/** What createEmptyCard gives. */
function newCard(at: number): WorkingCard {
  return {
    due: at,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    reps: 0,
    lapses: 0,
    learningSteps: 0,
    state: State.New,
    lastReview: undefined,
    agains: 0,
    lastRating: 1,
  };
}

/** The state after a grade at `lastReviewedAt`, with Dates again. */
function cardState(working: WorkingCard, lastReviewedAt: number): CardState {
  const reviewed = new Date(lastReviewedAt);
  const card: Card = {
    due: new Date(working.due),
    stability: working.stability,
    difficulty: working.difficulty,
    elapsed_days: working.elapsedDays,
    scheduled_days: working.scheduledDays,
    reps: working.reps,
    lapses: working.lapses,
    learning_steps: working.learningSteps,
    state: working.state,
    // ts-fsrs's card shares the review time's Date, as here.
    last_review: reviewed,
  };
  return { card, agains: working.agains, lastRating: working.lastRating, lastReviewedAt: reviewed };
}

/** One grade, as ts-fsrs's short-term scheduler (BasicScheduler) gives it with fuzz off. */
function grade(
  fsrs: FSRS,
  steps: (state: State, step: number) => StepsByGrade,
  card: WorkingCard,
  rating: ReviewRating,
  when: number,
): void {
  // Whole UTC days between the reviews, as ts-fsrs's dateDiffInDays counts them, without two Dates per review.
  const elapsed =
    card.state !== State.New && card.lastReview !== undefined ? Math.floor(when / DAY) - Math.floor(card.lastReview / DAY) : 0;
  const before = card.state;
  const memory = { difficulty: card.difficulty, stability: card.stability };
  card.lastReview = when;
  card.elapsedDays = elapsed;
  card.reps += 1;
  card.learningSteps ||= 0;
  card.agains += rating === 1 ? 1 : 0;
  card.lastRating = rating;
  const g = rating as Grade;

  if (before !== State.Review) {
    const next = fsrs.next_state(memory, elapsed, g);
    card.difficulty = next.difficulty;
    card.stability = next.stability;
    applyLearningSteps(fsrs, steps(before, card.learningSteps), card, g, before === State.New ? State.Learning : before, when);
    return;
  }

  const recall = fsrs.forgetting_curve(elapsed, memory.stability);
  if (rating === 1) {
    const next = fsrs.next_state(memory, elapsed, g, recall);
    card.difficulty = next.difficulty;
    card.stability = next.stability;
    applyLearningSteps(fsrs, steps(State.Review, card.learningSteps), card, g, State.Relearning, when);
    card.lapses += 1;
    return;
  }
  // Hard, Good and Easy intervals depend on each other: Hard ≤ Good - 1, Easy ≥ Good + 1.
  const hard = fsrs.next_state(memory, elapsed, 2, recall);
  const good = fsrs.next_state(memory, elapsed, 3, recall);
  let hardInterval: number = fsrs.next_interval(hard.stability, elapsed);
  let goodInterval: number = fsrs.next_interval(good.stability, elapsed);
  hardInterval = Math.min(hardInterval, goodInterval);
  goodInterval = Math.max(goodInterval, hardInterval + 1);
  let next = good;
  let interval: number = goodInterval;
  if (rating === 2) {
    next = hard;
    interval = hardInterval;
  } else if (rating === 4) {
    next = fsrs.next_state(memory, elapsed, 4, recall);
    interval = Math.max(fsrs.next_interval(next.stability, elapsed), goodInterval + 1);
  }
  card.difficulty = next.difficulty;
  card.stability = next.stability;
  card.scheduledDays = interval;
  card.due = when + interval * DAY;
  card.state = State.Review;
  card.learningSteps = 0;
}

/** ts-fsrs's applyLearningSteps: a step of minutes or hours keeps the card learning; none left, it graduates to whole days. */
function applyLearningSteps(fsrs: FSRS, byGrade: StepsByGrade, card: WorkingCard, g: Grade, toState: State, when: number): void {
  const minutes = Math.max(0, byGrade[g]?.scheduled_minutes ?? 0);
  const nextStep = Math.max(0, byGrade[g]?.next_step ?? 0);
  if (minutes > 0 && minutes < 1440) {
    card.learningSteps = nextStep;
    card.scheduledDays = 0;
    card.state = toState;
    card.due = when + Math.round(minutes) * MINUTE;
    return;
  }
  card.state = State.Review;
  if (minutes >= 1440) {
    card.learningSteps = nextStep;
    card.due = when + Math.round(minutes) * MINUTE;
    card.scheduledDays = Math.floor(minutes / 1440);
  } else {
    card.learningSteps = 0;
    const interval = fsrs.next_interval(card.stability, card.elapsedDays);
    card.scheduledDays = interval;
    card.due = when + interval * DAY;
  }
}

const stepTables = new WeakMap<FSRS, (state: State, step: number) => StepsByGrade>();

/** The learning-steps strategy's answer per state and step, asked once per scheduler (it only reads the scheduler's settings). */
function learningSteps(fsrs: FSRS): (state: State, step: number) => StepsByGrade {
  let table = stepTables.get(fsrs);
  if (!table) {
    const known = new Map<number, StepsByGrade>();
    table = (state, step) => {
      const key = step * 4 + state;
      let byGrade = known.get(key);
      if (!byGrade) {
        byGrade = BasicLearningStepsStrategy(fsrs.parameters, state, step);
        known.set(key, byGrade);
      }
      return byGrade;
    };
    stepTables.set(fsrs, table);
  }
  return table;
}
