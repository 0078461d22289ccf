// Interview reports: one JSON file per interview in the reports folder,
// rewritten whole after every answer.
//
// Promises: a save is on disk (fsync, then an atomic rename) when saveReport
// returns, so a crash leaves either the previous or the new version, never a
// mix; a new interview's file is created exclusively, so no interview replaces
// another's; a damaged or unknown file is reported by name and never changed
// or deleted; a FIFO or device in its place is an error naming it, not a hang.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError, StorageError } from '../errors.js';
import { describeFsError, writeFileAtomic } from './files.js';
import { readRegularText } from './fileType.js';
import type { KfqPaths } from './paths.js';
import { faultOf, isDate, isObject, isRating } from './records.js';
import type { InterviewAnswer, InterviewReport, ReportSink } from '../model/interview.js';

export const REPORT_VERSION = 1;

export interface ReportProblem {
  file: string;
  message: string;
}

export interface SavedReports {
  /** Oldest first. */
  reports: InterviewReport[];
  problems: ReportProblem[];
}

/** A new id from the start time (`20241003-142501`, local time), unique in the folder. */
export function newReportId(folder: string, startedAt: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const d = startedAt;
  const base = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  let id = base;
  for (let n = 2; existsSync(reportFile(folder, id)); n++) id = `${base}-${n}`;
  return id;
}

export function reportFile(folder: string, id: string): string {
  return join(folder, `${id}.json`);
}

/** Writes the report whole, atomically: a crash leaves the previous version. */
/** The reports folder as the sink an interview saves its report to. */
export function reportSink(folder: string): ReportSink {
  return { save: (report) => saveReport(folder, report), create: (startedAt, make) => saveNewReport(folder, startedAt, make) };
}

export function saveReport(folder: string, report: InterviewReport): void {
  writeReport(folder, report, false);
}

/**
 * Saves a new interview's first version under a fresh id, created exclusively:
 * two interviews started in the same second get two ids, and neither ever
 * replaces the other's file.
 */
export function saveNewReport(folder: string, startedAt: Date, make: (id: string) => InterviewReport): InterviewReport {
  for (let attempt = 0; ; attempt++) {
    const report = make(newReportId(folder, startedAt));
    try {
      writeReport(folder, report, true);
      return report;
    } catch (error) {
      // Another interview took this id between the check and the link: the next one.
      if (attempt >= 100 || !existsSync(reportFile(folder, report.id))) throw error;
    }
  }
}

function writeReport(folder: string, report: InterviewReport, exclusive: boolean): void {
  const file = reportFile(folder, report.id);
  const text = `${JSON.stringify({ kfq: 'interview-report', version: REPORT_VERSION, ...report }, null, 2)}\n`;
  writeFileAtomic(file, text, {
    what: `the interview report ${file}`,
    hint: 'check the folder, or set KFQ_HOME to another folder (see kfq paths)',
    exclusive,
  });
}

/** Every readable report, oldest first; unreadable files come back as problems. */
export function loadReports(folder: string): SavedReports {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { reports: [], problems: [] };
    throw new StorageError(`cannot read the reports folder ${folder}: ${describeFsError(error)}`, { cause: error });
  }
  const reports: InterviewReport[] = [];
  const problems: ReportProblem[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    const file = join(folder, name);
    const result = readReport(file);
    if (typeof result === 'string') problems.push({ file, message: result });
    else reports.push(result);
  }
  reports.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  return { reports, problems };
}

/** The saved reports kfq reads back: with a sync folder, every machine's, oldest first; else this machine's. */
export function loadSavedReports(paths: KfqPaths): SavedReports {
  return paths.sync ? allMachines(paths.sync.reports) : loadReports(paths.reports);
}

function allMachines(root: string): SavedReports {
  let machines: string[];
  try {
    machines = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name);
  } catch {
    machines = [];
  }
  const all: SavedReports = { reports: [], problems: [] };
  for (const machine of machines.sort()) {
    const saved = loadReports(join(root, machine));
    all.reports.push(...saved.reports);
    all.problems.push(...saved.problems);
  }
  all.reports.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  return all;
}

/** `last`, an id, or the unique start of an id. */
export function findReport(saved: SavedReports, ref: string): InterviewReport {
  const { reports } = saved;
  if (ref === 'last') {
    const last = reports.at(-1);
    if (!last) throw new NotFoundError('no interview reports yet', { hint: 'run kfq mock to take a mock interview' });
    return last;
  }
  const exact = reports.find((report) => report.id === ref);
  if (exact) return exact;
  const matches = reports.filter((report) => report.id.startsWith(ref));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new NotFoundError(`'${ref}' matches ${matches.length} reports: ${matches.map((r) => r.id).join(', ')}`, {
      hint: 'give more of the id',
    });
  }
  throw new NotFoundError(`no interview report '${ref}'`, { hint: 'kfq mock --list shows the saved reports' });
}

/** A report, or what is wrong with it; throws StorageError for a FIFO or device in its place. */
export function readReport(file: string): InterviewReport | string {
  let record: unknown;
  try {
    // A FIFO or device in place of a report throws (exit 3, naming it) instead of hanging.
    record = JSON.parse(readRegularText(file, 'the interview report') ?? '');
  } catch (error) {
    if (error instanceof StorageError) throw error;
    return error instanceof SyntaxError
      ? 'not valid JSON (damaged or edited by hand?), skipped'
      : `cannot be read: ${describeFsError(error)}, skipped`;
  }
  if (!isObject(record) || record.kfq !== 'interview-report') return 'not an interview report, skipped';
  if (typeof record.version !== 'number' || record.version > REPORT_VERSION) {
    return `written by a newer kfq (format version ${String(record.version)}), skipped; update kfq to read it`;
  }
  const fault = reportFault(record);
  if (fault) return `not a valid report: ${fault}, skipped`;
  const { kfq: _kind, version: _version, ...report } = record;
  return report as unknown as InterviewReport;
}

function reportFault(record: Record<string, unknown>): string | undefined {
  const checks: [string, boolean][] = [
    ['id', typeof record.id === 'string' && record.id !== ''],
    ['startedAt', isDate(record.startedAt)],
    ['finishedAt', record.finishedAt === null || isDate(record.finishedAt)],
    ['status', record.status === 'in-progress' || record.status === 'completed' || record.status === 'abandoned'],
    ['perQuestionSeconds', isCount(record.perQuestionSeconds)],
    ['totalSeconds', record.totalSeconds === null || isCount(record.totalSeconds)],
    ['seed', Number.isSafeInteger(record.seed)],
    ['planned', isCount(record.planned)],
    ['score', typeof record.score === 'number' && record.score >= 0 && record.score <= 100],
    ['questions', Array.isArray(record.questions) && record.questions.every(isAnswer)],
  ];
  return faultOf(checks);
}

function isAnswer(value: unknown): value is InterviewAnswer {
  if (!isObject(value)) return false;
  const strings = ['id', 'deck', 'category', 'question', 'answer', 'reference'].every((key) => typeof value[key] === 'string');
  const terms = [value.covered, value.missed].every((list) => Array.isArray(list) && list.every((term) => typeof term === 'string'));
  return (
    strings &&
    terms &&
    Number.isInteger(value.number) &&
    typeof value.coverage === 'number' &&
    typeof value.secondsUsed === 'number' &&
    typeof value.timedOut === 'boolean' &&
    (value.rating === null || isRating(value.rating)) &&
    (value.points === undefined || (Array.isArray(value.points) && value.points.every(isPoint))) &&
    (value.notes === undefined || isStrings(value.notes)) &&
    (value.suggestedRating === undefined || isRating(value.suggestedRating))
  );
}

const POINT_STATUSES: readonly unknown[] = ['covered', 'partly', 'missed', 'contradicted'];

function isPoint(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.text === 'string' &&
    POINT_STATUSES.includes(value.status) &&
    isStrings(value.matched) &&
    isStrings(value.missing)
  );
}

function isStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
