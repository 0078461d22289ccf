// Where kfq's command line names its command: the first word after the global
// options (--deck takes a value). boot.ts reads it to pick the bundle, cli.ts
// to set up only that command.

export interface CommandWord {
  /** The first word that is neither an option nor --deck's value; undefined when there is none. */
  word: string | undefined;
  /** Whether an option other than --deck comes before it (-h, -V, a mistyped one). */
  afterOption: boolean;
}

export function commandWord(args: readonly string[]): CommandWord {
  let afterOption = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--deck') i++;
    else if (arg.startsWith('--deck=')) continue;
    else if (arg.startsWith('-')) afterOption = true;
    else return { word: arg, afterOption };
  }
  return { word: undefined, afterOption };
}
