// Saving and loading interview reports in a real temporary folder.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, StorageError } from '../../../src/errors.js';
import { addAnswer, finishReport, scoreInterviewAnswer, startReport } from '../../../src/practice/interview.js';
import { type InterviewReport } from '../../../src/model/interview.js';
import { findReport, loadReports, newReportId, reportFile, saveReport } from '../../../src/store/interviewReports.js';

let folder: string;
beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'kfq-reports-')), 'reports');
  mkdirSync(folder);
});

function report(id: string, startedAt: string): InterviewReport {
  const question = {
    id: 'd/1',
    number: 1,
    category: 'Pipelines',
    question: 'What runs pipelines?',
    prompt: 'What runs pipelines?',
    answer: 'Argo Workflows.',
    line: 3,
    deck: 'd',
  };
  const started = startReport({ id, startedAt: new Date(startedAt), perQuestionSeconds: 90, totalSeconds: 600, seed: 3, planned: 2 });
  return addAnswer(started, scoreInterviewAnswer(question, 'argo workflows', 12, false));
}

describe('interview reports on disk', () => {
  it('saves a report and loads it back exactly', () => {
    const saved = finishReport(report('a', '2025-04-02T10:00:00Z'), 'completed', new Date('2025-04-02T10:03:00Z'));
    saveReport(folder, saved);
    expect(loadReports(folder)).toEqual({ reports: [saved], problems: [] });
  });

  it('rewrites the file whole on every save and leaves no temporary file behind', () => {
    const first = report('a', '2025-04-02T10:00:00Z');
    saveReport(folder, first);
    saveReport(folder, finishReport(first, 'abandoned', new Date('2025-04-02T10:01:00Z')));
    expect(readdirSync(folder)).toEqual(['a.json']);
    expect(JSON.parse(readFileSync(reportFile(folder, 'a'), 'utf8'))).toMatchObject({
      kfq: 'interview-report',
      version: 1,
      status: 'abandoned',
    });
  });

  it('returns reports oldest first', () => {
    saveReport(folder, report('b', '2025-04-03T10:00:00Z'));
    saveReport(folder, report('a', '2025-04-02T10:00:00Z'));
    saveReport(folder, report('c', '2025-04-04T10:00:00Z'));
    expect(loadReports(folder).reports.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('reports a damaged file by name and leaves it exactly as it was', () => {
    saveReport(folder, report('good', '2025-04-02T10:00:00Z'));
    const cut = join(folder, 'cut.json');
    const wrongShape = join(folder, 'shape.json');
    const newer = join(folder, 'newer.json');
    writeFileSync(cut, '{"kfq":"interview-report","version":1,"id":"cut","sta');
    writeFileSync(wrongShape, JSON.stringify({ kfq: 'interview-report', version: 1, id: 'shape', status: 'finished' }));
    writeFileSync(newer, JSON.stringify({ kfq: 'interview-report', version: 99, id: 'newer' }));
    const { reports, problems } = loadReports(folder);
    expect(reports.map((r) => r.id)).toEqual(['good']);
    expect(problems).toEqual([
      { file: cut, message: expect.stringContaining('not valid JSON') },
      { file: newer, message: expect.stringContaining('newer kfq') },
      { file: wrongShape, message: expect.stringContaining('status') },
    ]);
    expect(readFileSync(cut, 'utf8')).toBe('{"kfq":"interview-report","version":1,"id":"cut","sta');
    expect(readdirSync(folder).sort()).toEqual(['cut.json', 'good.json', 'newer.json', 'shape.json']);
  });

  it('ignores temporary files and other files in the folder', () => {
    writeFileSync(join(folder, '.a.json.123.tmp'), '{');
    writeFileSync(join(folder, 'notes.txt'), 'hello');
    expect(loadReports(folder)).toEqual({ reports: [], problems: [] });
  });

  it('treats a missing folder as no reports', () => {
    expect(loadReports(join(folder, 'nope'))).toEqual({ reports: [], problems: [] });
  });

  it('fails with a StorageError when the report cannot be written', () => {
    const notAFolder = join(folder, 'file');
    writeFileSync(notAFolder, '');
    expect(() => saveReport(notAFolder, report('a', '2025-04-02T10:00:00Z'))).toThrow(StorageError);
  });
});

describe('newReportId', () => {
  it('names a report after its local start time and stays unique in the folder', () => {
    const startedAt = new Date(2025, 3, 2, 9, 5, 7);
    const id = newReportId(folder, startedAt);
    expect(id).toBe('20250402-090507');
    saveReport(folder, report(id, startedAt.toISOString()));
    expect(newReportId(folder, startedAt)).toBe('20250402-090507-2');
  });
});

describe('findReport', () => {
  const saved = {
    reports: [
      report('20250401-100000', '2025-04-01T10:00:00Z'),
      report('20250402-100000', '2025-04-02T10:00:00Z'),
      report('20250402-110000', '2025-04-02T11:00:00Z'),
    ],
    problems: [],
  };

  it('finds the last one, an id, or the unique start of an id', () => {
    expect(findReport(saved, 'last').id).toBe('20250402-110000');
    expect(findReport(saved, '20250402-100000').id).toBe('20250402-100000');
    expect(findReport(saved, '20250401').id).toBe('20250401-100000');
  });

  it('says when nothing matches, or more than one does', () => {
    expect(() => findReport(saved, '2024')).toThrow(NotFoundError);
    expect(() => findReport(saved, '20250402')).toThrow(/matches 2 reports/);
    expect(() => findReport({ reports: [], problems: [] }, 'last')).toThrow(/no interview reports yet/);
  });
});
