// One way to count things in a message: "1 question", "2 questions", "1 category", "3 categories".

/** `count` and the noun, singular for exactly one; give the plural where adding an s is wrong. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
