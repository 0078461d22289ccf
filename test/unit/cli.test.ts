import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, namedCommand } from '../../src/cli.js';

/** The help text of a command and of every subcommand under it, by path. */
function helpTree(command: Command, path: string): Record<string, string> {
  const tree: Record<string, string> = { [path]: command.helpInformation() };
  for (const sub of command.commands) Object.assign(tree, helpTree(sub, `${path} ${sub.name()}`));
  return tree;
}

describe('namedCommand', () => {
  it('when the arguments start with a command, after any --deck, then it is that command', () => {
    expect(namedCommand(['show', '1'])).toBe('show');
    expect(namedCommand(['--deck', 'x.md', 'search', 'katib'])).toBe('search');
    expect(namedCommand(['--deck=x.md', '--deck', 'y', 'deck', 'list'])).toBe('deck');
    expect(namedCommand(['__complete', 'categories'])).toBe('__complete');
  });

  it('when the program itself is asked, a name is unknown or completion describes every command, then it is none', () => {
    for (const args of [
      [],
      ['--help'],
      ['-V'],
      ['help', 'show'],
      ['shwo'],
      ['completion', 'bash'],
      ['--deck'],
      ['--', 'show'],
      ['toString'],
    ])
      expect(namedCommand(args)).toBeUndefined();
  });
});

describe('buildProgram', () => {
  it('when only one command is needed then it is defined exactly as in the whole program', () => {
    const whole = buildProgram();
    const names = whole.commands.map((command) => command.name());
    expect(names).toEqual(expect.arrayContaining(['list', 'show', 'search', 'drill', 'mock', 'plan', 'deck', 'config', 'paths']));
    for (const name of names) {
      if (name === 'completion') continue;
      const alone = buildProgram(undefined, [name]);
      expect(alone.commands.map((command) => command.name())).toEqual([name]);
      const full = whole.commands.find((command) => command.name() === name)!;
      expect(helpTree(alone.commands[0]!, name)).toEqual(helpTree(full, name));
    }
  });
});
