// kfq doctor [--fix] [--json]: checks the data folder (review log, reports,
// decks, cache, permissions, special files, temp files left by a killed kfq)
// and says what it found; --fix moves damaged log lines and damaged reports
// aside (never deleting them), removes stale temp files and rebuilds the cache.
import type { CommandContext } from './context.js';
import { inspect, type Finding } from './doctorChecks.js';
import { safeJson, safeLine, wrap } from '../ui/text.js';
import { out } from '../ui/theme.js';

export interface DoctorOptions {
  fix?: boolean;
  json?: boolean;
}

/** 0 when nothing is wrong (or everything found was fixed); 1 when a problem or warning is left. */
export async function run(ctx: CommandContext, options: DoctorOptions): Promise<number> {
  const findings = await inspect(ctx.paths, ctx.deckSpecs, ctx.now);
  const fixed = new Map<Finding, string>();
  if (options.fix) {
    for (const finding of findings) if (finding.fix) fixed.set(finding, await finding.fix());
  }
  const open = findings.filter(
    (finding) => finding.level !== 'ok' && !(fixed.has(finding) && !fixed.get(finding)!.startsWith('could not')),
  );

  if (options.json) {
    const rows = findings.map(({ area, level, file, message }, index) => ({
      area,
      level,
      file,
      message,
      fixed: fixed.get(findings[index]!) ?? null,
    }));
    ctx.stdout.write(`${safeJson(JSON.stringify({ home: ctx.paths.home, findings: rows, remaining: open.length }, null, 2))}\n`);
    return open.length === 0 ? 0 : 1;
  }
  const lines: string[] = [];
  // Piped output is never wrapped; on a terminal text wraps beside its mark.
  const add = (mark: string, text: string): void => {
    const parts = ctx.width === undefined ? [text] : wrap(text, ctx.width - 8);
    lines.push(...parts.map((part, index) => `${index === 0 ? mark : ''.padEnd(8)}${part}`));
  };
  const marks = { ok: `${out.green('ok')}      `, warning: `${out.yellow('warning')} `, problem: `${out.red('problem')} ` };
  lines.push(`kfq data folder: ${safeLine(ctx.paths.home)}`);
  for (const finding of findings) {
    add(marks[finding.level], `${finding.area}: ${safeLine(finding.file)}: ${safeLine(finding.message)}`);
    const done = fixed.get(finding);
    if (done) add(''.padEnd(8), finding.level === 'ok' ? safeLine(done) : `fixed: ${safeLine(done)}`);
  }
  const fixable = findings.filter((finding) => finding.level !== 'ok' && finding.fix).length;
  const summary =
    open.length === 0
      ? options.fix
        ? 'All fixed: no warning will repeat.'
        : 'Nothing wrong.'
      : !options.fix && fixable > 0
        ? `${open.length} to look at; kfq doctor --fix repairs ${fixable} of them (nothing is deleted: damaged lines and files are moved aside).`
        : `${open.length} left for you to look at (see the messages above).`;
  lines.push(...(ctx.width === undefined ? [summary] : wrap(summary, ctx.width)));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return open.length === 0 ? 0 : 1;
}
