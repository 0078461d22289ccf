// A cheap Markdown-to-plain-text pass for indexing and one-line snippets; the
// full renderer (src/ui/markdown.ts) is too heavy for 100,000 answers.
export function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>\n]{1,200}>/g, ' ')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/gm, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/```[^\n]*|~~~[^\n]*/g, '')
    .replace(/(\*\*|__|[*_`~])(?=\S)|(?<=\S)(\*\*|__|[*_`~])/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
