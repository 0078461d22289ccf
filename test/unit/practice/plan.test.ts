// The interview plan over 30 simulated days with a model learner: each answer
// recalled with the probability FSRS predicts (a fixed seed), the built-in deck,
// one day missed. The plan must see every card twice, keep to the budget, reach
// the target recall on the day, and spread the missed day's work.
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

  it('counts days to the interview from the rollover hour, and none once it has passed', () => {
    expect(daysUntil('2026-12-31', new Date(2026, 11, 30, 23), 4)).toBe(1);
    expect(daysUntil('2026-12-31', new Date(2026, 11, 31, 3), 4)).toBe(1);
    expect(daysUntil('2026-12-31', new Date(2027, 0, 2, 9), 4)).toBe(-2);
    expect(makePlan({ questions: [], states: new Map(), now: new Date(2027, 0, 2, 9), rollover: 4, secondsPerCard: 20, settings }).days).toEqual([]);
    expect(dayStart(new Date(2026, 11, 31, 3), 4).getDate()).toBe(30);
  });
});
