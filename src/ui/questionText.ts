// A question on screen: its one line in bold, or its whole Markdown prompt
// (code blocks, lists, tables) when the prompt has more than that line.
import { renderMarkdown } from './markdown.js';
import { out } from './theme.js';
import { safeLine, wrap } from './text.js';

export function hasFullPrompt(question: string, prompt: string): boolean {
  return prompt.trim() !== '' && prompt.trim() !== question.trim();
}

export function questionTextLines(question: string, prompt: string, width: number): string[] {
  if (!hasFullPrompt(question, prompt)) return wrap(out.bold(safeLine(question)), width);
  return renderMarkdown(prompt, width).split('\n');
}
