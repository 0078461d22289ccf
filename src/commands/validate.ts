import type { CommandContext } from './context.js';
import { builtinDeckPath, readDeckFile, resolveDeckFiles } from '../deck/index.js';
import { DeckError, ExitCode } from '../errors.js';
import { printJson, printLines } from '../ui/output.js';
import { out } from '../ui/theme.js';
import { safeLine } from '../ui/text.js';
import { plural } from '../model/plural.js';

interface Problem {
  file: string;
  line: number | null;
  severity: 'error' | 'warning';
  message: string;
  /** A conversion or drop of the author's text (HTML, an image, a footer): listed, but the deck is fine. */
  conversion: boolean;
}

interface FileReport {
  file: string;
  questions: number;
  problems: Problem[];
}

export async function run(ctx: CommandContext, paths: string[], options: { json?: boolean }): Promise<number> {
  const installedDir = ctx.paths.decks;
  const chosen = paths.length > 0 ? paths : ctx.deckSpecs;
  const specs = chosen.length > 0 ? chosen : [builtinDeckPath()];

  const reports: FileReport[] = [];
  for (const spec of specs) {
    let files: string[];
    try {
      files = resolveDeckFiles([spec], { installedDir });
    } catch (error) {
      reports.push({ file: spec, questions: 0, problems: [problemFrom(error, spec)] });
      continue;
    }
    for (const file of files) reports.push(checkFile(file));
  }

  const problems = reports.flatMap((report) => report.problems);
  const conversions = problems.filter((p) => p.conversion).length;
  const real = problems.length - conversions;
  // Like grep: problems found is exit 1, whatever the output format; conversions are not problems.
  const exitCode = real > 0 ? ExitCode.notFound : ExitCode.ok;
  if (options.json) {
    printJson(ctx.stdout, reports);
    return exitCode;
  }

  printLines(
    ctx.stdout,
    problems.map(
      (p) =>
        `${safeLine(p.file)}${p.line === null ? '' : `:${p.line}`}: ${p.severity === 'error' ? out.red('error') : out.yellow('warning')}: ${safeLine(p.message)}`,
    ),
  );
  const files = reports.length === 1 ? '1 deck' : `${reports.length} decks`;
  const questions = reports.reduce((sum, r) => sum + r.questions, 0);
  const converted = conversions === 0 ? '' : `, ${plural(conversions, 'conversion')} (HTML, images or a footer)`;
  const summary =
    real === 0
      ? out.green(`✓ ${files}, ${plural(questions, 'question')}, no problems${converted}`)
      : out.red(`✗ ${files}, ${plural(questions, 'question')}, ${plural(real, 'problem')}${converted}`);
  ctx.stderr.write(`${summary}\n`);
  return exitCode;
}

function checkFile(file: string): FileReport {
  try {
    const { deck, warnings } = readDeckFile(file);
    return {
      file,
      questions: deck.questions.length,
      problems: warnings.map((w) => ({
        file: w.file,
        line: w.line,
        severity: 'warning' as const,
        message: w.message,
        conversion: w.conversion === true,
      })),
    };
  } catch (error) {
    return { file, questions: 0, problems: [problemFrom(error, file)] };
  }
}

function problemFrom(error: unknown, file: string): Problem {
  if (!(error instanceof DeckError)) throw error;
  const message = error.reason;
  return {
    file: error.file || file,
    line: error.line ?? null,
    severity: 'error',
    message: error.hint ? `${message} (${error.hint})` : message,
    conversion: false,
  };
}
