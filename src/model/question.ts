// The question model every command works on. Only src/deck builds it.

export interface Question {
  /** Stable id, `<deck slug>/<number>` (e.g. `kubeflow/42`); unique within a load. */
  id: string;
  /** The number as written in the source (1-based position when the source has none). */
  number: number;
  /** Clean category text: no Markdown markers, no trailing range like `(51–100)`. */
  category: string;
  /** The question as plain text. */
  question: string;
  /** The reference answer as Markdown, kept for rendering. */
  answer: string;
  /** 1-based line in the deck file where the question starts. */
  line: number;
  /** Slug of the deck the question comes from. */
  deck: string;
}

/** What a question says, without where it lives: what imports read and exports write. */
export type QuestionContent = Pick<Question, 'number' | 'category' | 'question' | 'answer'>;
