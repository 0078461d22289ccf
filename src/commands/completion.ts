// kfq completion bash|zsh|fish: a completion script generated from the
// commander program itself, so it never drifts from the real commands. Values
// that depend on the deck (categories, question numbers, installed deck names)
// come from the hidden `kfq __complete` at the moment of completion.
import type { Argument, Command, Option } from 'commander';
import type { CommandContext } from './context.js';
import { SHELLS, type Shell } from '../model/choices.js';
import { ExitCode, UsageError } from '../errors.js';
import { listInstalledDecks } from '../store/installedDecks.js';
import { printLines } from '../ui/output.js';
import { safeLine } from '../ui/text.js';
import { loadSelection } from './shared.js';

/** What a value completes to; `deckOrFile` is --deck: an installed deck's name or a path. */
type ValueKind =
  { dynamic: 'categories' | 'numbers' | 'decks' } | { deckOrFile: true } | { files: true } | { choices: string[] } | { free: true };

interface OptionSpec {
  flags: string[];
  description: string;
  /** undefined for a switch. */
  value: ValueKind | undefined;
}

interface CommandSpec {
  /** `''` for the program, `list`, `deck add`. */
  path: string;
  description: string;
  options: OptionSpec[];
  subcommands: string[];
  /** What its positional arguments complete to. */
  argument: ValueKind | undefined;
}

export async function run(ctx: CommandContext, shell: string, program: Command): Promise<number> {
  const specs = commandSpecs(program);
  const scripts: Record<Shell, (specs: CommandSpec[]) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };
  const script = isShell(shell) ? scripts[shell] : undefined;
  if (script) {
    ctx.stdout.write(script(specs));
    return ExitCode.ok;
  }
  throw new UsageError(`no completion for ${shell}`, { hint: 'kfq completion bash|zsh|fish' });
}

function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

/** The hidden `kfq __complete categories|numbers|decks`: one candidate a line (numbers with the question after a tab). */
export async function complete(ctx: CommandContext, what: string): Promise<number> {
  if (what === 'decks') {
    printLines(
      ctx.stdout,
      listInstalledDecks(ctx.paths.decks).map((deck) => deck.name),
    );
    return ExitCode.ok;
  }
  const { decks, questions } = await loadSelection(ctx);
  if (what === 'categories') {
    printLines(ctx.stdout, [...new Set(decks.flatMap((deck) => deck.categories))].map(safeLine));
    return ExitCode.ok;
  }
  if (what === 'numbers') {
    printLines(
      ctx.stdout,
      questions.map((q) => `${decks.length > 1 ? q.id : q.number}\t${safeLine(q.question)}`),
    );
    return ExitCode.ok;
  }
  throw new UsageError(`cannot complete '${what}'`, { hint: 'one of: categories, numbers, decks' });
}

// ------------------------------------------------------------ the model

function commandSpecs(program: Command): CommandSpec[] {
  const specs: CommandSpec[] = [];
  const visit = (command: Command, path: string): void => {
    const visible = command.commands.filter((sub) => !sub.name().startsWith('_'));
    specs.push({
      path,
      description: command.description(),
      options: [
        ...command.options.filter((option) => !option.hidden).map(optionSpec),
        { flags: ['-h', '--help'], description: 'show help', value: undefined },
      ],
      subcommands: visible.map((sub) => sub.name()),
      argument: command.registeredArguments[0] ? argumentKind(path, command.registeredArguments[0]) : undefined,
    });
    for (const sub of visible) visit(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  visit(program, '');
  return specs;
}

function optionSpec(option: Option): OptionSpec {
  const flags = [option.short, option.long].filter((flag): flag is string => flag !== undefined);
  // An optional value (`--report [id]`) is not offered: the option works alone too.
  if (!option.required) return { flags, description: option.description, value: undefined };
  let value: ValueKind = { free: true };
  if (option.argChoices) value = { choices: option.argChoices };
  else if (option.long === '--category') value = { dynamic: 'categories' };
  else if (option.long === '--deck') value = { deckOrFile: true };
  else if (option.long === '--output') value = { files: true };
  return { flags, description: option.description, value };
}

function argumentKind(path: string, argument: Argument): ValueKind {
  if (argument.argChoices) return { choices: argument.argChoices };
  if (path === 'show') return { dynamic: 'numbers' };
  if (path === 'deck remove' || path === 'deck diff') return { dynamic: 'decks' };
  if (path === 'deck add' || path === 'validate') return { files: true };
  return { free: true };
}

/** Every flag that takes a value, so the scripts can step over the value when finding the command. */
function valueFlags(specs: CommandSpec[]): string[] {
  return [...new Set(specs.flatMap((spec) => spec.options.filter((option) => option.value).flatMap((option) => option.flags)))];
}

// ------------------------------------------------------------ bash (and zsh)

function bashValue(kind: ValueKind): string {
  if ('dynamic' in kind) return `_kfq_dynamic ${kind.dynamic}`;
  if ('deckOrFile' in kind) return '_kfq_dynamic decks; _kfq_files';
  if ('files' in kind) return '_kfq_files';
  if ('choices' in kind) return `COMPREPLY=($(compgen -W '${kind.choices.join(' ')}' -- "$cur"))`;
  return 'COMPREPLY=()';
}

/** Candidates from `kfq __complete` (with the --deck options typed so far), and file names. */
const BASH_HELPERS = `_kfq_dynamic() {
  local line quoted
  while IFS= read -r line; do
    quoted=$(printf '%q' "\${line%%$'\\t'*}")
    [[ $quoted == "$cur"* ]] && COMPREPLY+=("$quoted")
  done < <(command kfq "\${_kfq_decks[@]}" __complete "$1" 2>/dev/null)
}

_kfq_files() {
  local IFS=$'\\n'
  COMPREPLY+=($(compgen -f -- "$cur"))
  compopt -o filenames 2>/dev/null
}

`;

function bashFunction(specs: CommandSpec[]): string {
  return `${BASH_HELPERS}_kfq() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  # --opt=value: bash splits it at '='.
  if [[ $cur == '=' ]]; then prev=\${COMP_WORDS[COMP_CWORD-1]}; cur=''
  elif [[ $prev == '=' ]]; then prev=\${COMP_WORDS[COMP_CWORD-2]}
  fi
  COMPREPLY=()
  # Find the command (and subcommand) typed so far, and any --deck to pass on.
  local path='' word i
  local -a _kfq_decks=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    case "$word" in
      --deck) _kfq_decks+=(--deck "\${COMP_WORDS[i+1]}"); ((i++)); continue ;;
      ${valueFlags(specs).join('|')}) ((i++)); continue ;;
      -*) continue ;;
    esac
    case "$path" in
${bashSubcommandCases(specs).join('\n')}
    esac
  done
  local opts='' subs=''
  case "$path" in
${bashCommandCases(specs).join('\n')}
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -n $subs ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
  else
    case "$path" in
${bashArgumentCases(specs).join('\n')}
    esac
  fi
}
`;
}

/** For each command: its options and subcommands, and what each option's value may be. */
function bashCommandCases(specs: CommandSpec[]): string[] {
  const globalOptions = specs[0]!.options.filter((option) => option.value);
  return specs.map((spec) => {
    const inherited = spec.path === '' ? [] : globalOptions;
    const options = [...spec.options, ...inherited];
    const valueCases = options
      .filter((option) => option.value)
      .map((option) => `        ${option.flags.join('|')}) ${bashValue(option.value!)}; return ;;`);
    const words = options.flatMap((option) => option.flags).join(' ');
    const lines = [`    '${spec.path}')`, `      opts='${words}'`, `      subs='${spec.subcommands.join(' ')}'`];
    if (valueCases.length > 0) lines.push('      case "$prev" in', ...valueCases, '      esac');
    lines.push('      ;;');
    return lines.join('\n');
  });
}

/** For each command with subcommands: a word that names one moves the path on. */
function bashSubcommandCases(specs: CommandSpec[]): string[] {
  return specs
    .filter((spec) => spec.subcommands.length > 0)
    .map(
      (spec) =>
        `        '${spec.path}') [[ " ${spec.subcommands.join(' ')} " == *" $word "* ]] && path=${spec.path ? `"${spec.path} $word"` : '$word'} ;;`,
    );
}

/** For each command with a positional argument: its candidates. */
function bashArgumentCases(specs: CommandSpec[]): string[] {
  return specs
    .filter((spec) => spec.argument && !('free' in spec.argument))
    .map((spec) => `      '${spec.path}') ${bashValue(spec.argument!)} ;;`);
}

function bashScript(specs: CommandSpec[]): string {
  return `# kfq completion for bash. Install: echo 'source <(kfq completion bash)' >> ~/.bashrc
${bashFunction(specs)}
complete -F _kfq kfq
`;
}

function zshScript(specs: CommandSpec[]): string {
  return `#compdef kfq
# kfq completion for zsh (through bashcompinit). Install: echo 'source <(kfq completion zsh)' >> ~/.zshrc
(( $+functions[compdef] )) || { autoload -Uz compinit && compinit; }
autoload -U +X bashcompinit && bashcompinit
${bashFunction(specs)}
complete -F _kfq kfq
`;
}

// ------------------------------------------------------------ fish

function fishQuote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function fishValue(kind: ValueKind): string {
  if ('dynamic' in kind) return `-x -a '(kfq (__kfq_decks) __complete ${kind.dynamic} 2>/dev/null)'`;
  if ('deckOrFile' in kind) return `-r -F -a '(kfq __complete decks 2>/dev/null)'`;
  if ('files' in kind) return '-r -F';
  if ('choices' in kind) return `-x -a ${fishQuote(kind.choices.join(' '))}`;
  return '-x';
}

/** A positional argument: candidates, or files. */
function fishArgument(kind: ValueKind): string {
  if ('files' in kind || 'deckOrFile' in kind) return '-F';
  return fishValue(kind).replace(/^-x /, '');
}

function fishScript(specs: CommandSpec[]): string {
  const lines = [
    '# kfq completion for fish. Install: kfq completion fish > ~/.config/fish/completions/kfq.fish',
    ...fishPathFunction(specs),
    ...FISH_HELPERS,
    'complete -c kfq -f',
    ...specs.flatMap((spec) => fishCompletions(spec, specs)),
  ];
  return `${lines.join('\n')}\n`;
}

/** __kfq_path: the command (and subcommand) typed so far, skipping options and their values. */
function fishPathFunction(specs: CommandSpec[]): string[] {
  return [
    'function __kfq_path --description "the kfq command typed so far"',
    '    set -l words (commandline -opc)',
    '    set -e words[1]',
    '    set -l path',
    '    set -l skip 0',
    '    for word in $words',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        switch $word',
    `            case ${valueFlags(specs).join(' ')}`,
    '                set skip 1',
    '                continue',
    "            case '-*'",
    '                continue',
    '        end',
    ...specs
      .filter((spec) => spec.subcommands.length > 0)
      .flatMap((spec) => [
        `        if test "$path" = ${fishQuote(spec.path)}; and contains -- $word ${spec.subcommands.join(' ')}`,
        `            set path ${spec.path ? `${spec.path} ` : ''}$word`,
        '            continue',
        '        end',
      ]),
    '    end',
    '    echo $path',
    'end',
  ];
}

/** __kfq_in (is this the command typed so far) and __kfq_decks (the --deck options to pass on). */
const FISH_HELPERS = [
  'function __kfq_in --description "is this the kfq command typed so far"',
  '    set -l path (__kfq_path)',
  '    test "$path" = "$argv"',
  'end',
  'function __kfq_decks --description "the --deck options typed so far"',
  '    set -l words (commandline -opc)',
  '    for i in (seq (count $words))',
  '        if test "$words[$i]" = --deck; and test $i -lt (count $words)',
  '            echo --deck',
  '            echo $words[(math $i + 1)]',
  '        end',
  '    end',
  'end',
];

/** One command's completions: its subcommands, its options (with their values) and its argument. */
function fishCompletions(spec: CommandSpec, specs: CommandSpec[]): string[] {
  const lines: string[] = [];
  const when = `-n ${fishQuote(`__kfq_in ${fishQuote(spec.path)}`)}`;
  for (const sub of spec.subcommands) {
    const child = specs.find((s) => s.path === (spec.path ? `${spec.path} ${sub}` : sub))!;
    lines.push(`complete -c kfq ${when} -a ${fishQuote(sub)} -d ${fishQuote(child.description)}`);
  }
  for (const option of spec.options) {
    const flags = option.flags.map((flag) => (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`)).join(' ');
    // --deck works after any command; the program's other options only before one.
    const scope = option.flags.includes('--deck') ? '' : `${when} `;
    lines.push(`complete -c kfq ${scope}${flags} ${option.value ? `${fishValue(option.value)} ` : ''}-d ${fishQuote(option.description)}`);
  }
  if (spec.argument && !('free' in spec.argument)) lines.push(`complete -c kfq ${when} ${fishArgument(spec.argument)}`);
  return lines;
}
