// chalk, for src/ui/theme.ts to load only when colour is on: making its styles
// is a real share of a start whose output is not coloured. Here an import (as
// vitest runs the sources); the build (scripts/build.js) puts a require() in
// its place, which the bundle resolves only when loadChalk is called.
import { Chalk, supportsColor } from 'chalk';

export function loadChalk(): { Chalk: typeof Chalk; supportsColor: typeof supportsColor } {
  return { Chalk, supportsColor };
}
