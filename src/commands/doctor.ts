// kfq doctor [--fix] [--json]: checks the data folder (review log, reports,
// decks, cache, permissions, special files, temp files left by a killed kfq)
// and says what it found; --fix moves damaged log lines and damaged reports
// aside (never deleting them), removes stale temp files and rebuilds the cache.
import type { CommandContext } from './context.js';
import { inspect, type Finding } from './doctorChecks.js';
import { safeJson, safeLine, wrap } from '../ui/text.js';

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
  const open = findings.filter((finding) => finding.level !== 'ok' && !(fixed.has(finding) && !fixed.get(finding)!.startsWith('could not')));

  if (options.json) {
    const rows = findings.map(({ area, level, file, message }, index) => ({ area, level, file, message, fixed: fixed.get(findings[index]!) ?? null }));
    ctx.stdout.write(`${safeJson(JSON.stringify({ home: ctx.paths.home, findings: rows, remaining: open.length }, null, 2))}\n`);
    return open.length === 0 ? 0 : 1;
  }
  const width = ctx.width ?? Number.POSITIVE_INFINITY;
  const lines: string[] = [`kfq data folder: ${safeLine(ctx.paths.home)}`];
  for (const finding of findings) {
    const mark = finding.level === 'ok' ? 'ok     ' : finding.level === 'warning' ? 'warning' : 'problem';
    const text = `${mark} ${finding.area}: ${safeLine(finding.file)}: ${safeLine(finding.message)}`;
    lines.push(...(ctx.width === undefined ? [text] : wrap(text, width, '        ')));
    const done = fixed.get(finding);
    if (done && finding.level !== 'ok') lines.push(`        fixed: ${safeLine(done)}`);
    else if (done) lines.push(`        ${safeLine(done)}`);
  }
  const fixable = findings.filter((finding) => finding.level !== 'ok' && finding.fix).length;
  if (open.length === 0) lines.push(options.fix ? 'All fixed: no warning will repeat.' : 'Nothing wrong.');
  else if (!options.fix && fixable > 0) lines.push(`${open.length} to look at; kfq doctor --fix repairs ${fixable} of them (nothing is deleted: damaged lines and files are moved aside).`);
  else lines.push(`${open.length} left for you to look at (see the messages above).`);
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return open.length === 0 ? 0 : 1;
}
