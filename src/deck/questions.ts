// Deck elements to questions. Three shapes are read:
//  (a) numbered items under category headings, the answer inside the item or
//      in the blocks that follow it at column 0 (the seed's shape);
//  (b) <details><summary>question</summary>answer</details> blocks;
//  (c) one heading per question (`### What is X?`, `## 12. Explain X`), the
//      answer being its whole section, sub-headings included.
// Anything else (intros, tables of contents, link lists, tables) is skipped.
import type { DeckWarning } from '../model/deck.js';
import type { Question, QuestionContent } from '../model/question.js';
import { cleanAnswer } from './answer.js';
import type { Element, HeadingElement } from './elements.js';

export interface DraftQuestion extends Omit<QuestionContent, 'number'>, Pick<Question, 'line'> {
  /** The number written in the source, if any. */
  number: number | undefined;
}

export interface CollectedQuestions {
  questions: DraftQuestion[];
  /** Questions skipped because they have no answer (each also has a warning). */
  unanswered: DraftQuestion[];
  warnings: DeckWarning[];
}

/** The category of questions that come before any category heading. */
const DEFAULT_CATEGORY = 'General';

const NUMBERED = /^(\d{1,9})[.)]\s+/;
const RANGE_SUFFIX = /\s*\(\s*\d+\s*[-–—]\s*\d+\s*\)\s*$/;
/** A <summary> that labels the answer to the question before it, not a question. */
const ANSWER_SUMMARY = /^(?:(?:show|see|view|reveal)\s+(?:the\s+)?)?(?:answers?|solutions?|hints?|explanations?)\b|^click\b/i;

interface OpenItem {
  draft: Omit<DraftQuestion, 'answer'>;
  parts: string[];
  /** open: takes every block until the next question; lists: only lists and code; closed: nothing. */
  takes: 'open' | 'lists' | 'closed';
}

interface OpenHeading {
  level: number;
  draft: Omit<DraftQuestion, 'answer'>;
  parts: string[];
}

export function collectQuestions(elements: Element[], file: string): CollectedQuestions {
  const result: CollectedQuestions = { questions: [], unanswered: [], warnings: [] };
  const categoryHeadings = findCategoryHeadings(elements);
  const categories: Array<{ level: number; name: string }> = [];
  const category = (): string => categories.at(-1)?.name ?? DEFAULT_CATEGORY;
  let item: OpenItem | undefined;
  let heading: OpenHeading | undefined;

  const finish = (draft: Omit<DraftQuestion, 'answer'>, markdown: string): void => {
    const question = { ...draft, answer: cleanAnswer(markdown) };
    if (question.answer !== '') return void result.questions.push(question);
    result.unanswered.push(question);
    result.warnings.push({ file, line: question.line, message: `question "${shorten(question.question)}" has no answer; skipped` });
  };
  const finishItem = (): void => {
    if (item) finish(item.draft, item.parts.join(''));
    item = undefined;
  };

  elements.forEach((element, index) => {
    if (heading) {
      if (element.kind !== 'heading' || element.level > heading.level) {
        heading.parts.push(element.kind === 'details' && isAnswerSummary(element.question) ? `\n${element.answer}\n` : element.raw);
        return;
      }
      finish(heading.draft, heading.parts.join(''));
      heading = undefined;
    }

    switch (element.kind) {
      case 'heading': {
        finishItem();
        while ((categories.at(-1)?.level ?? 0) >= element.level) categories.pop();
        if (categoryHeadings.has(index)) {
          const name = categoryName(element.text);
          if (name !== '') categories.push({ level: element.level, name });
        } else {
          const number = NUMBERED.exec(element.text);
          const question = element.text.slice(number?.[0].length ?? 0);
          heading = { level: element.level, draft: { number: numberOf(number?.[1]), category: category(), question, line: element.line }, parts: [] };
        }
        break;
      }
      case 'item': {
        finishItem();
        const hasAnswer = element.answer.trim() !== '';
        // Numbered steps, notes and table-of-contents links are not questions.
        if (element.question === '' || element.linkOnly || !(hasAnswer || element.bold || element.question.endsWith('?'))) break;
        const draft = { number: element.number, category: category(), question: element.question, line: element.line };
        item = { draft, parts: [element.answer, '\n'], takes: hasAnswer ? 'lists' : 'open' };
        break;
      }
      case 'details':
        if (isAnswerSummary(element.question)) {
          if (item && item.takes !== 'closed') item.parts.push(`\n${element.answer}\n`);
          break;
        }
        finishItem();
        if (element.question !== '') finish({ number: undefined, category: category(), question: element.question, line: element.line }, element.answer);
        break;
      case 'rule':
        finishItem();
        break;
      case 'block':
        if (!item) break;
        if (item.takes === 'open' || (item.takes === 'lists' && ['list', 'code', 'space'].includes(element.type))) item.parts.push(element.raw);
        else item.takes = 'closed';
        break;
    }
  });
  finishItem();
  if (heading) finish(heading.draft, heading.parts.join(''));
  return result;
}

/**
 * Indexes of the headings that name a category. A heading reads as a question
 * when it ends with `?` or starts with a number, unless its section holds
 * questions of its own (then it is a category, such as `## 1. Basics`).
 */
function findCategoryHeadings(elements: Element[]): Set<number> {
  const holdsQuestions = new Set<number>();
  const open: Array<{ index: number; level: number }> = [];
  elements.forEach((element, index) => {
    if (element.kind === 'heading') {
      while ((open.at(-1)?.level ?? 0) >= element.level) open.pop();
    }
    if (isQuestionMarker(element)) for (const heading of open) holdsQuestions.add(heading.index);
    if (element.kind === 'heading') open.push({ index, level: element.level });
  });

  const categories = new Set<number>();
  elements.forEach((element, index) => {
    if (element.kind === 'heading' && (!looksLikeQuestion(element) || holdsQuestions.has(index))) categories.add(index);
  });
  return categories;
}

/** An element that shows its section is a list of questions. */
function isQuestionMarker(element: Element): boolean {
  switch (element.kind) {
    case 'heading':
      return element.text.endsWith('?');
    case 'item':
      return !element.linkOnly && (element.bold || element.question.endsWith('?'));
    case 'details':
      return element.question !== '' && !isAnswerSummary(element.question);
    default:
      return false;
  }
}

function looksLikeQuestion(heading: HeadingElement): boolean {
  return heading.text.endsWith('?') || NUMBERED.test(heading.text);
}

function isAnswerSummary(summary: string): boolean {
  return ANSWER_SUMMARY.test(summary);
}

/** Category text without numbering (`1. Basics`) or a trailing range (`(51–100)`). */
function categoryName(text: string): string {
  return text.replace(NUMBERED, '').replace(RANGE_SUFFIX, '').trim();
}

function numberOf(digits: string | undefined): number | undefined {
  return digits === undefined ? undefined : Number(digits);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
