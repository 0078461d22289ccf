// The interview plan over 30 simulated days with a model learner: each answer
// recalled with the probability FSRS predicts (a fixed seed), the built-in deck,
// one day missed. The plan must see every card twice, keep to the budget, reach
// the target recall on the day, and spread the missed day's work and its final
// reviews; its readiness forecast must be honest about what is not learnt yet.
import { describe, expect, it } from 'vitest';
import { builtinDeckPath, readDeckFile } from '../../../src/deck/index.js';
import type { Question } from '../../../src/model/question.js';
import { dayStart } from '../../../src/practice/dailyLimits.js';
import { daysUntil, interviewStart, makePlan, NEW_CARD_VIEWS, readiness, type Plan } from '../../../src/practice/plan.js';
import { seededRandom } from '../../../src/practice/random.js';
import { gradeCard, isLearning, retrievability, type CardState } from '../../../src/practice/scheduler.js';

const SECONDS_PER_CARD = 20;
const BUDGET_MINUTES = 30;
const settings = { interviewDate: '2026-12-31', minutesPerDay: BUDGET_MINUTES, retention: 0.9 };
const FIRST_DAY = new Date(2026, 11, 1, 9);
const MISSED_DAY = 10;

function seedQuestions(): Question[] {
  return readDeckFile(builtinDeckPath()).deck.questions;
}

interface Simulation {
  plans: Plan[];
  minutes: number[];
  daysSeen: Map<string, Set<number>>;
  states: Map<string, CardState>;
}

/** Answers a card the way a person would: recalled with FSRS's predicted probability; a forgotten card relearnt. */
function study(states: Map<string, CardState>, question: Question, at: Date, random: () => number): number {
  const state = states.get(question.id);
  const recalled = state ? random() < retrievability(state, at) : random() < 0.7;
  let next = gradeCard(state, recalled ? 3 : 1, at);
  let views = 1;
  while (isLearning(next)) {
    next = gradeCard(next, 3, next.card.due);
    views++;
  }
  states.set(question.id, next);
  return views;
}

async function simulate(): Promise<Simulation> {
  const questions = await seedQuestions();
  const random = seededRandom(2026);
  const states = new Map<string, CardState>();
  const plans: Plan[] = [];
  const minutes: number[] = [];
  const daysSeen = new Map<string, Set<number>>();
  for (let day = 0; day < 30; day++) {
    const now = new Date(FIRST_DAY.getFullYear(), FIRST_DAY.getMonth(), FIRST_DAY.getDate() + day, 9);
    const plan = makePlan({ questions, states, now, rollover: 4, secondsPerCard: SECONDS_PER_CARD, settings });
    plans.push(plan);
    if (day === MISSED_DAY) {
      minutes.push(0);
      continue;
    }
    let views = 0;
    for (const question of [...plan.todayCards.reviews, ...plan.todayCards.new]) {
      views += study(states, question, now, random);
      daysSeen.set(question.id, (daysSeen.get(question.id) ?? new Set()).add(day));
    }
    minutes.push((views * SECONDS_PER_CARD) / 60);
  }
  return { plans, minutes, daysSeen, states };
}

describe('the interview plan, simulated over 30 days', () => {
  it('when followed by a model learner then every card is seen on two days or more, no day is 20% over budget, and readiness reaches the target', async () => {
    const { minutes, daysSeen, states, plans } = await simulate();
    const questions = await seedQuestions();
    expect(plans[0]!.daysLeft).toBe(30);
    expect(plans[0]!.unplaced).toBe(0);
    for (const question of questions) expect(daysSeen.get(question.id)?.size ?? 0, question.id).toBeGreaterThanOrEqual(2);
    for (const [day, used] of minutes.entries()) expect(used, `day ${day}`).toBeLessThanOrEqual(BUDGET_MINUTES * 1.2);
    const onTheDay = readiness(questions, states, interviewStart(settings.interviewDate, 4), settings.retention);
    expect(onTheDay.overall).toBeGreaterThanOrEqual(settings.retention);
    // The plan's own forecast on the last study day agrees.
    expect(plans.at(-1)!.readiness.overall).toBeGreaterThanOrEqual(settings.retention);
  });

  it('when a day is missed then its work is spread over the days left, not piled on the next', async () => {
    const { plans, minutes } = await simulate();
    const missed = plans[MISSED_DAY]!;
    const after = plans[MISSED_DAY + 1]!;
    const planned = (plan: Plan): number => ((plan.today.new * NEW_CARD_VIEWS + plan.today.reviews) * SECONDS_PER_CARD) / 60;
    expect(planned(after)).toBeLessThanOrEqual(BUDGET_MINUTES);
    // The new cards of the missed day are shared out: the next day gets fewer than two days' worth.
    expect(after.today.new).toBeLessThan(missed.today.new * 2);
    expect(minutes[MISSED_DAY + 1]).toBeLessThanOrEqual(BUDGET_MINUTES * 1.2);
    expect(after.days.length).toBe(missed.days.length - 1);
  });

  it('when nothing is studied yet then the recall if you stopped today is nil and rises as the learner studies, and the forecast with the plan is not a sure 100%', async () => {
    const { plans, states } = await simulate();
    const questions = await seedQuestions();
    const first = plans[0]!.readiness;
    expect(first.ifStoppedToday.overall).toBe(0);
    expect(Object.values(first.ifStoppedToday.byCategory).every((recall) => recall === 0)).toBe(true);
    const stopped = plans.map((plan) => plan.readiness.ifStoppedToday.overall);
    expect(stopped[10]).toBeGreaterThan(stopped[0]!);
    expect(stopped[20]).toBeGreaterThan(stopped[10]!);
    expect(stopped[29]).toBeGreaterThanOrEqual(settings.retention);
    // Followed, the plan is expected to reach the target, and the forecast made on the first day is near what the learner got.
    expect(first.overall).toBeLessThan(1);
    expect(first.overall).toBeGreaterThanOrEqual(settings.retention);
    const got = readiness(questions, states, interviewStart(settings.interviewDate, 4), settings.retention).overall;
    expect(Math.abs(first.overall - got)).toBeLessThan(0.03);
  });

  it('when a fresh deck is planned then no day carries more than twice the mean load and the final reviews are spread over several days', async () => {
    const questions = await seedQuestions();
    const shortPlan = { interviewDate: '2026-12-20', minutesPerDay: 30, retention: 0.9 };
    for (const planSettings of [settings, shortPlan]) {
      const plan = makePlan({
        questions,
        states: new Map(),
        now: FIRST_DAY,
        rollover: 4,
        secondsPerCard: SECONDS_PER_CARD,
        settings: planSettings,
      });
      const loads = plan.days.map((day) => day.new * NEW_CARD_VIEWS + day.reviews);
      const mean = loads.reduce((sum, load) => sum + load, 0) / loads.length;
      for (const [i, load] of loads.entries()) expect(load, `${planSettings.interviewDate} day ${i}`).toBeLessThanOrEqual(2 * mean);
      const finalDays = plan.days.slice(-5).map((day) => day.reviews);
      expect(Math.max(...finalDays)).toBeLessThan(questions.length / 3);
      expect(plan.days.reduce((sum, day) => sum + day.new, 0)).toBe(questions.length);
    }
  });

  it('when the final reviews are spread then the cards with the lowest recall on the day come last, nearest the date', async () => {
    const questions = (await seedQuestions()).slice(0, 40);
    const states = new Map<string, CardState>();
    // Learnt well, last reviewed on different days: the earlier, the lower the recall on the day.
    for (const [i, question] of questions.entries()) {
      let state = gradeCard(undefined, 3, new Date(2026, 7, 1 + i / 2));
      for (let review = 0; review < 4; review++) state = gradeCard(state, 3, state.card.due);
      states.set(question.id, state);
    }
    const planSettings = { interviewDate: '2026-12-11', minutesPerDay: 10, retention: 0.9 };
    const interview = interviewStart(planSettings.interviewDate, 4);
    const byRecallOnTheDay = [...questions].sort(
      (a, b) => retrievability(states.get(a.id)!, interview) - retrievability(states.get(b.id)!, interview),
    );
    const reviewedOn = new Map<string, number>();
    for (let day = 0; day < 10; day++) {
      const now = new Date(2026, 11, 1 + day, 9);
      const plan = makePlan({ questions, states, now, rollover: 4, secondsPerCard: SECONDS_PER_CARD, settings: planSettings });
      for (const question of plan.todayCards.reviews) {
        states.set(question.id, gradeCard(states.get(question.id), 3, now));
        reviewedOn.set(question.id, day);
      }
    }
    expect(reviewedOn.size).toBe(questions.length);
    expect(new Set(reviewedOn.values()).size).toBeGreaterThanOrEqual(3);
    const meanDay = (group: Question[]): number => group.reduce((sum, question) => sum + reviewedOn.get(question.id)!, 0) / group.length;
    expect(meanDay(byRecallOnTheDay.slice(0, 10))).toBeGreaterThan(meanDay(byRecallOnTheDay.slice(-10)));
    expect(reviewedOn.get(byRecallOnTheDay[0]!.id)).toBe(9);
  });

  it('when shown as --json then the agreed fields keep their meaning, and the recall if stopped today is added beside them', async () => {
    const questions = await seedQuestions();
    const plan = makePlan({ questions, states: new Map(), now: FIRST_DAY, rollover: 4, secondsPerCard: SECONDS_PER_CARD, settings });
    expect(plan).toMatchObject({
      interviewDate: '2026-12-31',
      daysLeft: 30,
      today: { new: expect.any(Number), reviews: 0, minutes: expect.any(Number) },
      readiness: {
        overall: expect.any(Number),
        byCategory: expect.any(Object),
        weakest: expect.any(Array),
        ifStoppedToday: { overall: 0, byCategory: expect.any(Object) },
      },
    });
    expect(Object.keys(plan.days[0]!)).toEqual(['date', 'new', 'reviews']);
    expect(Object.keys(plan.readiness.byCategory).sort()).toEqual(Object.keys(plan.readiness.ifStoppedToday.byCategory).sort());
    expect(Object.keys(plan.readiness.byCategory)).toContain('Basic Concepts');
  });

  it('counts days to the interview from the rollover hour, and none once it has passed', () => {
    expect(daysUntil('2026-12-31', new Date(2026, 11, 30, 23), 4)).toBe(1);
    expect(daysUntil('2026-12-31', new Date(2026, 11, 31, 3), 4)).toBe(1);
    expect(daysUntil('2026-12-31', new Date(2027, 0, 2, 9), 4)).toBe(-2);
    expect(
      makePlan({ questions: [], states: new Map(), now: new Date(2027, 0, 2, 9), rollover: 4, secondsPerCard: 20, settings }).days,
    ).toEqual([]);
    expect(dayStart(new Date(2026, 11, 31, 3), 4).getDate()).toBe(30);
  });
});
