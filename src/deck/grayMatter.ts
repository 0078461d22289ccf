// The one door to gray-matter: the front matter reader imports it from here,
// and the reach into its engines is here, so a version bump touches this file.
import matter from 'gray-matter';

export type GrayMatterFile = matter.GrayMatterFile<string>;

/** gray-matter's own js-yaml safeLoad, which passes its options through to js-yaml. */
export interface YamlEngine {
  parse(source: string, options: { listener: (event: string, state: { result: unknown }) => void }): unknown;
}
export const yamlEngine: YamlEngine = (matter as unknown as { engines: { yaml: YamlEngine } }).engines.yaml;

/** The language named after the opening `---` (`---js`, `---yaml`); empty when none is. */
export function frontMatterLanguage(text: string): string {
  return matter.language(text).name;
}

/** Splits front matter from the body and parses it with the engines given; `excerpt` replaces gray-matter's own. */
export function parseFrontMatter(
  text: string,
  options: { engines: Record<string, { parse: (source: string) => object }>; excerpt: () => string },
): GrayMatterFile {
  return matter(text, options);
}
