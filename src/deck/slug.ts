/**
 * A lowercase, hyphen-separated name for ids and file names: letters and
 * digits of any script are kept, accents are dropped. Never empty.
 */
export function slugify(text: string): string {
  // The same result for plain ASCII without Unicode normalisation and property classes, which are slow the first time.
  const slug = /^[\x20-\x7e]*$/.test(text)
    ? text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 64)
        .replace(/^-+|-+$/g, '')
    : text
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .slice(0, 64)
        .replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** `name`, or `name-2`, `name-3` … whichever is not taken yet. */
export function untakenName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${name}-${n}`)) n++;
  return `${name}-${n}`;
}
