// A cheap Markdown-to-plain-text pass for indexing and one-line snippets; the
// full renderer (src/ui/markdown.ts) is too heavy for 100,000 answers.
export function plainText(markdown: string): string {
  return (
    markdown
      .replace(/<[^>\n]{1,200}>/g, ' ')
      .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
      .replace(/^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/gm, '')
      .replace(/^\s{0,3}#{1,6}\s+/gm, '')
      .replace(/^\s{0,3}>\s?/gm, '')
      .replace(/```[^\n]*|~~~[^\n]*/g, '')
      .replace(/\*\*|[*`~]/g, '')
      // Underscores mark emphasis only at word edges; snake_case stays.
      .replace(/(^|\W)_{1,2}(?=\S)|(?<=\S)_{1,2}(?=\W|$)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
