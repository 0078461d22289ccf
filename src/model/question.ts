// The question model every command works on. Only src/deck builds it.

export interface Question {
  /** Stable id, `<deck slug>/<number>` (e.g. `kubeflow/42`); unique within a load. */
  id: string;
  /** The number as written in the source (1-based position when the source has none). */
  number: number;
  /** Clean category text: no Markdown markers, no trailing range like `(51–100)`. */
  category: string;
  /** The question as one line of plain text, for lists, search and headers. */
  question: string;
  /**
   * The whole question as Markdown, with any code block, list, table or quote
   * it carries; the same text as `question` when the question is plain.
   */
  prompt: string;
  /** The reference answer as Markdown, kept for rendering. */
  answer: string;
  /** 1-based line in the deck file where the question starts. */
  line: number;
  /** Slug of the deck the question comes from. */
  deck: string;
  /** The id the deck author gave it (`<!-- kfq:id pod-basics -->`), when they did; `id` is then `<deck>/<explicitId>`. */
  explicitId?: string;
}

/** What a question says, without where it lives: what imports read and exports write. */
export type QuestionContent = Pick<Question, 'number' | 'category' | 'question' | 'answer'>;
