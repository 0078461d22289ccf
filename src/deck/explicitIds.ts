// Ids a deck author gives questions, so history follows them through any
// edit: `<!-- kfq:id pod-basics -->` on its own line just above the question.
// An id starts with a letter, so it never looks like a question number.

const ID_COMMENT = /^\s*<!--\s*kfq:id\s+([a-z][a-z0-9._-]{0,63})\s*-->\s*$/i;

/** The explicit id written on the line above the question that starts on body line `index` (0-based), if any. */
export function explicitIdAbove(bodyLines: readonly string[], index: number): string | undefined {
  const above = index > 0 ? bodyLines[index - 1] : undefined;
  const match = above === undefined ? null : ID_COMMENT.exec(above);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** Whether an HTML comment is an explicit id: kfq's own mark, not content the author loses. */
export function isExplicitIdComment(comment: string): boolean {
  return ID_COMMENT.test(comment);
}

/** The comment that gives a question its explicit id, as export writes it. */
export function explicitIdComment(id: string): string {
  return `<!-- kfq:id ${id} -->`;
}
