// The styles when colour is off: every style gives the text as it is, as a
// chalk instance of level 0 does, without chalk (src/ui/theme.ts).
import type { ChalkInstance } from 'chalk';

/** chalk's methods that take a colour and return a style. */
const COLOUR_METHODS: ReadonlySet<string | symbol> = new Set(['rgb', 'hex', 'ansi256', 'bgRgb', 'bgHex', 'bgAnsi256']);

/** `empty`: chalk's `visible`, which at level 0 gives '' whatever it is given. */
function plainStyle(empty: boolean, root: boolean): ChalkInstance {
  // As chalk joins: the instance itself always with spaces, a style a lone argument as a string.
  const apply = (...texts: unknown[]): string => (empty ? '' : !root && texts.length === 1 ? '' + (texts[0] as string) : texts.join(' '));
  const style: ChalkInstance = new Proxy(apply, {
    get: (_target, key) => {
      if (key === 'level') return 0;
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (key === 'visible') return empty ? style : EMPTY;
      if (COLOUR_METHODS.has(key)) return () => (root ? STYLE : style);
      return root ? STYLE : style;
    },
  }) as unknown as ChalkInstance;
  return style;
}

const STYLE = plainStyle(false, false);
const EMPTY = plainStyle(true, false);

/** A chalk instance of level 0, in behaviour. */
export function plainStyles(): ChalkInstance {
  return plainStyle(false, true);
}
