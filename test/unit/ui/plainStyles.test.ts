import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { plainStyles } from '../../../src/ui/plainStyles.js';

describe('plain styles (colour off, without chalk)', () => {
  const plain = plainStyles();
  const chalk = new Chalk({ level: 0 });

  it('when a style or a chain of styles is applied then the text is what chalk gives at level 0', () => {
    for (const style of [
      (c: typeof chalk) => c.bold,
      (c: typeof chalk) => c.dim,
      (c: typeof chalk) => c.bold.yellow,
      (c: typeof chalk) => c.red.bold,
    ]) {
      for (const args of [['text'], [''], ['a', 'b'], [42], [undefined], []] as unknown[][]) {
        expect(style(plain)(...(args as string[]))).toBe(style(chalk)(...(args as string[])));
      }
    }
    expect(plain('a', 'b')).toBe(chalk('a', 'b'));
    expect(plain(undefined as unknown as string)).toBe(chalk(undefined as unknown as string));
  });

  it('when a colour method, a dynamic colour name or visible is used then the result matches chalk at level 0', () => {
    expect(plain.hex('#26a641')('■')).toBe(chalk.hex('#26a641')('■'));
    expect(plain.bold.bgRgb(1, 2, 3).underline('x')).toBe(chalk.bold.bgRgb(1, 2, 3).underline('x'));
    expect(plain['greenBright']('x')).toBe(chalk['greenBright']('x'));
    expect(plain.visible('x')).toBe(chalk.visible('x'));
    expect(plain.visible.bold('x')).toBe(chalk.visible.bold('x'));
    expect(plain.level).toBe(0);
    expect(plain.bold.level).toBe(0);
  });
});
