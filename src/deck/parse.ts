// A deck's Markdown to the question model. Pure: no file system, no output.
import { basename, extname, resolve } from 'node:path';
import { DeckError } from '../errors.js';
import { readElements, type HeadingElement } from './elements.js';
import { readFrontMatter } from './frontMatter.js';
import { explicitIdAbove } from './explicitIds.js';
import { assignIds } from './ids.js';
import { deckTooLargeError, MAX_DECK_BYTES } from './limits.js';
import type { LoadedDeck } from '../model/deck.js';
import { checkNesting } from './nesting.js';
import { splitPieces } from './pieces.js';
import { collectQuestions } from './questions.js';
import { slugify } from './slug.js';

const SHAPE_HINT =
  'a deck lists numbered questions ("1. **What is X?**") each followed by an indented "- answer", under "### Category" headings; see the built-in deck';

export function parseDeck(text: string, source: { path: string; slug?: string }): LoadedDeck {
  const file = source.path;
  if (text.length > MAX_DECK_BYTES) throw deckTooLargeError(file);
  const unmarked = text.replace(/^\uFEFF/, '');
  const normalized = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const { meta, body, bodyLine } = readFrontMatter(normalized, file);
  const lines = body.split('\n');
  checkNesting(lines, bodyLine, file);
  const elements = readElements(splitPieces(body, lines, bodyLine), file);

  const collected = collectQuestions(elements, file);
  if (collected.questions.length === 0) {
    const first = collected.unanswered[0];
    if (first) {
      const count = collected.unanswered.length;
      throw new DeckError(
        file,
        first.line,
        count === 1 ? 'the only question has no answer' : `none of the ${count} questions has an answer`,
        {
          hint: 'put each answer on the lines after its question, e.g. an indented "- answer" bullet',
        },
      );
    }
    throw new DeckError(file, undefined, 'no questions found', { hint: SHAPE_HINT });
  }

  const slug = slugify(source.slug ?? basename(file, extname(file)));
  const { questions, warnings } = assignIds(collected.questions, slug, file, (line) => explicitIdAbove(lines, line - bodyLine));
  const firstTitle = elements.find((element): element is HeadingElement => element.kind === 'heading' && element.level === 1);
  return {
    deck: {
      slug,
      title: meta.title || firstTitle?.text || '',
      description: meta.description,
      author: meta.author,
      date: meta.date,
      ...(meta.aliases.length > 0 ? { aliases: meta.aliases } : {}),
      path: resolve(file),
      categories: [...new Set(questions.map((question) => question.category))],
      questions,
    },
    warnings: [...collected.warnings, ...warnings].sort((a, b) => a.line - b.line),
  };
}
