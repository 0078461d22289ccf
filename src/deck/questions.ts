// Deck elements to questions. Three shapes are read:
//  (a) numbered items under category headings, the answer being everything
//      after the question up to the next question, heading or rule, inside
//      the item or not (the seed's shape);
//  (b) <details><summary>question</summary>answer</details> blocks, the
//      summary kept whole as the prompt (code blocks and lists included);
//  (c) one heading per question (`### What is X?`, `## 12. Explain X`), the
//      answer being its whole section, sub-headings included.
// HTML in prompts and answers becomes Markdown and the document's footer is
// dropped, each with a warning marked as a conversion. Anything else
// (intros, tables of contents, link lists, tables) is skipped.
import type { DeckWarning } from '../model/deck.js';
import type { Question, QuestionContent } from '../model/question.js';
import { cleanAnswer, trimBlock } from './answer.js';
import type { DetailsElement, Element, HeadingElement, ItemElement } from './elements.js';
import { convertHtml } from './html.js';
import { isLinkOnly } from './markdownText/index.js';
import { countNewlines } from './lines.js';
import { questionLine } from './prompt.js';
import { plural } from '../model/plural.js';

export interface DraftQuestion extends Omit<QuestionContent, 'number'>, Pick<Question, 'prompt' | 'line'> {
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
/** A heading's number may touch its text (`### 1.What is X?`). */
const HEADING_NUMBER = /^(\d{1,9})[.)](?:\s+|(?=\p{L}))/u;
const RANGE_SUFFIX = /\s*\(\s*\d+\s*[-–—]\s*\d+\s*\)\s*$/;
/** A <summary> that labels the answer to the question before it, not a question. */
const ANSWER_SUMMARY = /^(?:(?:show|see|view|reveal)\s+(?:the\s+)?)?(?:answers?|solutions?|hints?|explanations?)\b|^click\b/i;

/** A question whose answer is still being collected, block by block. */
interface OpenQuestion {
  /** The heading level for a heading question (its answer ends at a heading as high); 0 for an item. */
  level: number;
  draft: Omit<DraftQuestion, 'answer'>;
  parts: Array<{ markdown: string; element?: Element }>;
  answerLine: number;
}

export function collectQuestions(elements: Element[], file: string): CollectedQuestions {
  const collector = new QuestionCollector(file, findCategoryHeadings(elements));
  elements.forEach((element, index) => collector.add(element, index));
  return collector.done();
}

/** Reads the elements in order: the category headings above, the question being answered, what it has collected. */
class QuestionCollector {
  private readonly result: CollectedQuestions = { questions: [], unanswered: [], warnings: [] };
  private readonly categories: Array<{ level: number; name: string }> = [];
  private open: OpenQuestion | undefined;

  constructor(
    private readonly file: string,
    /** Indexes of the headings that name categories rather than ask. */
    private readonly categoryHeadings: Set<number>,
  ) {}

  add(element: Element, index: number): void {
    if (this.open) {
      if (continuesAnswer(this.open, element)) return this.continueAnswer(this.open, element);
      this.finishOpen(element);
    }
    switch (element.kind) {
      case 'heading':
        return this.heading(element, index);
      case 'item':
        return this.item(element);
      case 'details':
        return this.details(element);
      case 'rule':
      case 'block':
        return;
    }
  }

  done(): CollectedQuestions {
    this.finishOpen();
    return this.result;
  }

  private continueAnswer(open: OpenQuestion, element: Element): void {
    const markdown = element.kind === 'details' && isAnswerSummary(element.question) ? `\n${element.answer}\n` : element.raw;
    if (open.parts.length === 0) open.answerLine = element.line;
    open.parts.push({ markdown, element });
  }

  private heading(element: HeadingElement, index: number): void {
    while ((this.categories.at(-1)?.level ?? 0) >= element.level) this.categories.pop();
    if (this.categoryHeadings.has(index)) {
      const name = categoryName(element.text);
      if (name !== '') this.categories.push({ level: element.level, name });
      return;
    }
    const number = HEADING_NUMBER.exec(element.markdown);
    const draft = this.draftOf(numberOf(number?.[1]), element.markdown.slice(number?.[0].length ?? 0), element.line);
    this.open = { level: element.level, draft, parts: [], answerLine: element.line };
  }

  private item(element: ItemElement): void {
    if (!isItemQuestion(element)) return;
    const draft = this.draftOf(element.number, element.prompt, element.line);
    // The item's own text is indented for the item; what follows it at column 0 is not.
    const leadingBlankLines = /^[ \t\n]/.test(element.answer) ? /^(?:[ \t]*\n)*/.exec(element.answer)![0] : '';
    this.open = {
      level: 0,
      draft,
      parts: [{ markdown: trimBlock(element.answer) }],
      answerLine: element.answerLine + countNewlines(leadingBlankLines),
    };
  }

  private details(element: DetailsElement): void {
    if (element.question === '' || isAnswerSummary(element.question)) return;
    const { summary, number } = numberedSummary(element.summary);
    this.finish(this.draftOf(number, summary, element.line, element.summaryLine), element.answer, element.answerLine);
  }

  private category(): string {
    return this.categories.at(-1)?.name ?? DEFAULT_CATEGORY;
  }

  private skipped(line: number, message: string): void {
    this.result.warnings.push({ file: this.file, line, message, skipped: true });
  }

  private converted(line: number, message: string): void {
    this.result.warnings.push({ file: this.file, line, message, conversion: true });
  }

  private draftOf(number: number | undefined, markdown: string, line: number, textLine = line): Omit<DraftQuestion, 'answer'> {
    const html = convertHtml(markdown);
    for (const note of html.notes) this.converted(textLine + note.offset, note.message);
    const prompt = trimBlock(html.text);
    const question = questionLine(prompt);
    // A prompt that differs only by backslash escapes (`for\_each`) is plain text.
    const plain = !prompt.includes('\n') && (prompt.includes('\\') ? prompt.replace(/\\([!-/:-@[-`{-~])/g, '$1') : prompt) === question;
    return { number, category: this.category(), question, prompt: plain ? question : prompt, line };
  }

  private finish(draft: Omit<DraftQuestion, 'answer'>, markdown: string, answerLine: number): void {
    const html = convertHtml(markdown);
    for (const note of html.notes) this.converted(answerLine + note.offset, note.message);
    const question: DraftQuestion = {
      number: draft.number,
      category: draft.category,
      question: draft.question,
      prompt: draft.prompt,
      line: draft.line,
      answer: cleanAnswer(html.text),
    };
    if (question.answer !== '') return void this.result.questions.push(question);
    this.result.unanswered.push(question);
    this.skipped(question.line, `question "${shorten(question.question)}" has no answer; skipped`);
  }

  private finishOpen(closer?: Element): void {
    const open = this.open;
    if (!open) return;
    if (!closer) dropFooter(open.parts, (line, message) => this.converted(line, message));
    else if (closer.kind === 'rule' && open.level === 0) dropSectionOutro(open.parts);
    // Each part starts on a line of its own (an item's answer text does not end with its line break).
    const markdown = open.parts.reduce((text, { markdown: next }) => {
      const joined = text === '' || text.endsWith('\n') || next.startsWith('\n');
      return text + (joined ? '' : '\n') + next;
    }, '');
    this.finish(open.draft, markdown, open.answerLine);
    this.open = undefined;
  }
}

/**
 * Whether an element belongs to the open question's answer. A heading
 * question's answer is its whole section; a numbered question's answer is
 * everything up to the next question, heading or rule, whatever its
 * indentation and however many blank lines come before it.
 */
function continuesAnswer(open: OpenQuestion, element: Element): boolean {
  switch (element.kind) {
    case 'heading':
      return open.level > 0 && element.level > open.level;
    case 'rule':
      return open.level > 0;
    case 'item':
      return open.level > 0 || !isItemQuestion(element);
    case 'details':
      return open.level > 0 || element.question === '' || isAnswerSummary(element.question);
    case 'block':
      return true;
  }
}

/** Numbered steps, notes and table-of-contents links are not questions. */
function isItemQuestion(item: ItemElement): boolean {
  const hasAnswer = /\S/.test(item.answer);
  return item.question !== '' && !item.linkOnly && (hasAnswer || item.bold || item.question.endsWith('?'));
}

/**
 * Drops the decoration that ends a document from the last answer: headings,
 * rules, and paragraphs or HTML that hold nothing but links and images (a
 * site's "Explore all answers" banner), after the answer's own text.
 */
function dropFooter(parts: OpenQuestion['parts'], warn: (line: number, message: string) => void): void {
  let end = parts.length;
  let firstLine: number | undefined;
  let lastLine = 0;
  for (let element = parts[end - 1]?.element; element && isDecoration(element); element = parts[end - 1]?.element) {
    end--;
    if (isBlank(element)) continue;
    firstLine = element.line;
    lastLine ||= element.line + countNewlines(element.raw.trimEnd());
  }
  // Nothing but decoration: then it is the answer, not a footer.
  if (firstLine === undefined || parts.slice(0, end).every((part) => part.markdown.trim() === '')) return;
  const lines = lastLine - firstLine + 1;
  warn(firstLine, `footer dropped (${plural(lines, 'line')} of headings, links and images after the last answer)`);
  parts.length = end;
}

/**
 * Prose at column 0 right before a thematic break closes the section, as in
 * the seed's "Here's a continuation from 51 to 100": it is not part of the
 * answer above it.
 */
function dropSectionOutro(parts: OpenQuestion['parts']): void {
  let end = parts.length;
  while (end > 1) {
    const element = parts[end - 1]!.element;
    if (element?.kind !== 'block' || !(element.type === 'space' || (element.type === 'paragraph' && /^\S/.test(element.raw)))) break;
    end--;
  }
  if (parts.slice(0, end).some((part) => part.markdown.trim() !== '')) parts.length = end;
}

function isDecoration(element: Element): boolean {
  if (element.kind === 'heading' || element.kind === 'rule') return true;
  if (element.kind !== 'block') return false;
  if (element.type === 'space') return true;
  if (element.type !== 'html' && element.type !== 'paragraph') return false;
  const text = element.raw.replace(/<[^<>]*>/g, ' ').trim();
  return text === '' || isLinkOnly(text);
}

function isBlank(element: Element): boolean {
  return element.kind === 'block' && (element.type === 'space' || element.raw.replace(/<\/?br\s*\/?>/gi, '').trim() === '');
}

/** A summary written as `12. question` (as kfq's own export writes one) carries its number. */
function numberedSummary(summary: string): { summary: string; number: number | undefined } {
  const number = /^(\s*)(\d{1,9})[.)](?:[ \t]+|[ \t]*\n)/.exec(summary);
  if (!number) return { summary, number: undefined };
  return { summary: number[1]! + summary.slice(number[0].length), number: Number(number[2]) };
}

/**
 * Indexes of the headings that name a category. A heading reads as a question
 * when it ends with `?` or starts with a number, unless its section holds
 * questions of its own (then it is a category, such as `## 1. Basics`). A
 * heading that asks (`## 15. What are window functions?`) needs questions
 * that ask too: bold list items inside it are its answer's points. One that
 * is numbered and asks needs numbered questions that ask: its answer may have
 * sub-headings of its own (`#### Why does it matter?`).
 */
function findCategoryHeadings(elements: Element[]): Set<number> {
  const holdsQuestions = new Set<number>();
  const holdsAskingQuestions = new Set<number>();
  const holdsNumberedAskingQuestions = new Set<number>();
  const open: Array<{ index: number; level: number }> = [];
  elements.forEach((element, index) => {
    if (element.kind === 'heading') {
      while ((open.at(-1)?.level ?? 0) >= element.level) open.pop();
    }
    const marker = questionMarker(element);
    if (marker) {
      for (const heading of open) {
        holdsQuestions.add(heading.index);
        if (marker === 'asks') holdsAskingQuestions.add(heading.index);
        if (marker === 'asks' && isNumbered(element)) holdsNumberedAskingQuestions.add(heading.index);
      }
    }
    if (element.kind === 'heading') open.push({ index, level: element.level });
  });

  const categories = new Set<number>();
  elements.forEach((element, index) => {
    if (element.kind !== 'heading') return;
    const asks = element.text.endsWith('?');
    const holds = asks ? (isNumbered(element) ? holdsNumberedAskingQuestions : holdsAskingQuestions) : holdsQuestions;
    if (!looksLikeQuestion(element) || holds.has(index)) categories.add(index);
  });
  return categories;
}

/** Whether an element shows its section is a list of questions: `asks` when it ends with `?` or is a <details> question. */
function questionMarker(element: Element): 'asks' | 'bold' | undefined {
  switch (element.kind) {
    case 'heading':
      return element.text.endsWith('?') ? 'asks' : undefined;
    case 'item':
      if (element.linkOnly) return undefined;
      return element.question.endsWith('?') ? 'asks' : element.bold ? 'bold' : undefined;
    case 'details':
      return element.question !== '' && !isAnswerSummary(element.question) ? 'asks' : undefined;
    default:
      return undefined;
  }
}

/** A question with a number of its own: `## 3. …`, `3. …` as a list item, or a <details> summary `3. …`. */
function isNumbered(element: Element): boolean {
  switch (element.kind) {
    case 'heading':
      return HEADING_NUMBER.test(element.text);
    case 'item':
      return element.number !== undefined;
    case 'details':
      return numberedSummary(element.summary).number !== undefined;
    default:
      return false;
  }
}

function looksLikeQuestion(heading: HeadingElement): boolean {
  return heading.text.endsWith('?') || HEADING_NUMBER.test(heading.text);
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
