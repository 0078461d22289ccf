// A mock interview, pure: which questions to ask (the plan) and what the
// answers are worth (the report). The clock, the deck, the card states and the
// seed come in; plain data, ready to save as JSON, comes out.
import type { CategoryScore, InterviewAnswer, InterviewReport } from '../model/interview.js';
import type { Question } from '../model/question.js';
import type { ReviewRating } from '../model/review.js';
import { seededRandom } from './random.js';
import type { CardState } from './scheduler.js';
import { scoreAnswer, type GradingOptions } from './scoring.js';

/** What the plan needs of a card's state. */
export type PlanCard = Pick<CardState, 'agains' | 'lastRating'> & { card: Pick<CardState['card'], 'due'> };

export interface PlanInput {
  questions: readonly Question[];
  /** Card states by question id; a question without one has never been answered. */
  states: ReadonlyMap<string, PlanCard>;
  count: number;
  seed: number;
  now: Date;
  /** Categories to ask more from (the weakest on an interview plan's day). */
  weakCategories?: ReadonlySet<string>;
}

/** How much more a question of a weak category weighs. */
const WEAK_CATEGORY_WEIGHT = 3;

/**
 * How much more likely a question is to be asked: never answered 4; answered
 * 1, plus 1 a lapse (up to 3), plus 2 when last graded Again (1 when Hard),
 * plus 1 when due.
 */
export function questionWeight(state: PlanCard | undefined, now: Date): number {
  if (!state) return 4;
  const lastGrade = state.lastRating === 1 ? 2 : state.lastRating === 2 ? 1 : 0;
  const due = state.card.due.getTime() <= now.getTime() ? 1 : 0;
  return 1 + Math.min(3, state.agains) + lastGrade + due;
}

/**
 * Picks `count` questions, weighted toward weak and never-answered ones, spread
 * over as many categories as the count allows, ordered so no two in a row
 * share a category where the choice allows it. The same seed gives the same plan.
 */
export function planInterview(input: PlanInput): Question[] {
  const random = seededRandom(input.seed);
  // Weighted sampling without replacement (Efraimidis–Spirakis): a higher key wins.
  const keyed = input.questions.map((question) => ({
    question,
    key: Math.pow(
      random(),
      1 /
        (questionWeight(input.states.get(question.id), input.now) *
          (input.weakCategories?.has(question.category) ? WEAK_CATEGORY_WEIGHT : 1)),
    ),
  }));
  const byCategory = new Map<string, typeof keyed>();
  for (const item of keyed) {
    const list = byCategory.get(item.question.category);
    if (list) list.push(item);
    else byCategory.set(item.question.category, [item]);
  }
  for (const list of byCategory.values()) list.sort((a, b) => b.key - a.key);

  // Choose: each round takes the best remaining question of the categories
  // asked least so far, so categories are spread before any repeats.
  const picked = new Map<string, typeof keyed>();
  const count = Math.min(input.count, input.questions.length);
  for (let n = 0; n < count; n++) {
    let best: { category: string; item: (typeof keyed)[number]; asked: number } | undefined;
    for (const [category, list] of byCategory) {
      const item = list[0];
      if (!item) continue;
      const asked = picked.get(category)?.length ?? 0;
      if (!best || asked < best.asked || (asked === best.asked && item.key > best.item.key)) best = { category, item, asked };
    }
    byCategory.get(best!.category)!.shift();
    const list = picked.get(best!.category);
    if (list) list.push(best!.item);
    else picked.set(best!.category, [best!.item]);
  }
  return orderApart(picked);
}

/**
 * Orders the chosen questions so neighbours differ in category where possible:
 * always continue with the category that has most left (not the last one),
 * breaking ties by the sampling key.
 */
function orderApart(picked: Map<string, { question: Question; key: number }[]>): Question[] {
  const order: Question[] = [];
  let last: string | undefined;
  for (;;) {
    let best: { category: string; left: number; key: number } | undefined;
    for (const [category, list] of picked) {
      const head = list[0];
      if (!head || category === last) continue;
      if (!best || list.length > best.left || (list.length === best.left && head.key > best.key)) {
        best = { category, left: list.length, key: head.key };
      }
    }
    // Only the last category has questions left: they have to follow each other.
    const category = best?.category ?? (last !== undefined && picked.get(last)?.length ? last : undefined);
    if (category === undefined) return order;
    order.push(picked.get(category)!.shift()!.question);
    last = category;
  }
}

export function startReport(options: {
  id: string;
  startedAt: Date;
  perQuestionSeconds: number;
  totalSeconds: number | null;
  seed: number;
  planned: number;
}): InterviewReport {
  return {
    id: options.id,
    startedAt: options.startedAt.toISOString(),
    finishedAt: null,
    status: 'in-progress',
    perQuestionSeconds: options.perQuestionSeconds,
    totalSeconds: options.totalSeconds,
    seed: options.seed,
    planned: options.planned,
    score: 0,
    questions: [],
  };
}

/** Scores one answer against the question's reference. */
export function scoreInterviewAnswer(
  question: Question,
  typed: string,
  secondsUsed: number,
  timedOut: boolean,
  grading?: GradingOptions,
): InterviewAnswer {
  const answer = typed.trim();
  const { covered, missed, score, points, notes, suggestedRating } = scoreAnswer(question.answer, answer, question.question, grading);
  return {
    id: question.id,
    deck: question.deck,
    number: question.number,
    category: question.category,
    question: question.question,
    answer,
    reference: question.answer,
    covered,
    missed,
    coverage: score / 100,
    points,
    notes,
    suggestedRating,
    secondsUsed: Math.round(secondsUsed * 10) / 10,
    timedOut,
    rating: null,
  };
}

/** The report with one more answer and the score brought up to date. */
export function addAnswer(report: InterviewReport, answer: InterviewAnswer): InterviewReport {
  const questions = [...report.questions, answer];
  return { ...report, questions, score: overallScore(questions) };
}

export function finishReport(report: InterviewReport, status: 'completed' | 'abandoned', at: Date): InterviewReport {
  return { ...report, status, finishedAt: at.toISOString(), score: overallScore(report.questions) };
}

export function rateAnswer(report: InterviewReport, index: number, rating: ReviewRating | null): InterviewReport {
  return { ...report, questions: report.questions.map((answer, i) => (i === index ? { ...answer, rating } : answer)) };
}

export function overallScore(answers: readonly Pick<InterviewAnswer, 'coverage'>[]): number {
  if (answers.length === 0) return 0;
  return Math.round((100 * answers.reduce((sum, answer) => sum + answer.coverage, 0)) / answers.length);
}

/** Scores by category, in the order the categories were first asked. */
export function categoryScores(answers: readonly Pick<InterviewAnswer, 'category' | 'coverage'>[]): CategoryScore[] {
  const groups = new Map<string, Pick<InterviewAnswer, 'coverage'>[]>();
  for (const answer of answers) {
    const list = groups.get(answer.category);
    if (list) list.push(answer);
    else groups.set(answer.category, [answer]);
  }
  return [...groups].map(([category, list]) => ({ category, questions: list.length, score: overallScore(list) }));
}

/** Seconds spent answering, over all questions reached. */
export function timeUsed(report: Pick<InterviewReport, 'questions'>): number {
  return Math.round(report.questions.reduce((sum, answer) => sum + answer.secondsUsed, 0));
}
