// The report and the list as text: everything there, nothing wider than the terminal.
import { describe, expect, it } from 'vitest';
import type { Question } from '../../../../src/model/question.js';
import { addAnswer, finishReport, rateAnswer, scoreInterviewAnswer, startReport } from '../../../../src/practice/interview.js';
import { type InterviewReport } from '../../../../src/model/interview.js';
import { renderReport, renderReportList } from '../../../../src/commands/mock/report.js';
import { visibleWidth } from '../../../../src/ui/text.js';

function question(number: number, category: string, text: string, answer: string): Question {
  return { id: `d/${number}`, number, category, question: text, prompt: text, answer, line: number, deck: 'd' };
}

function sampleReport(): InterviewReport {
  const pipelines = question(
    1,
    'Pipelines and Workflows',
    'What do Kubeflow Pipelines run on?',
    'They run on **Argo Workflows** and keep artifacts in `MinIO`.',
  );
  const katib = question(
    2,
    'Hyperparameter Tuning and Experimentation',
    'What is Katib?',
    'Katib tunes hyperparameters with *Bayesian optimization* or grid search.',
  );
  let report = startReport({
    id: '20250402-100000',
    startedAt: new Date('2025-04-02T10:00:00Z'),
    perQuestionSeconds: 90,
    totalSeconds: 300,
    seed: 1,
    planned: 3,
  });
  report = addAnswer(
    report,
    scoreInterviewAnswer(
      pipelines,
      'argo workflows, with a very long explanation that certainly needs wrapping at forty columns',
      41,
      false,
    ),
  );
  report = addAnswer(report, scoreInterviewAnswer(katib, '', 90, true));
  return rateAnswer(finishReport(report, 'abandoned', new Date('2025-04-02T10:03:00Z')), 0, 3);
}

describe('renderReport', () => {
  it('shows each question with the typed and reference answers, its points, time, score and categories', () => {
    const text = renderReport(sampleReport(), 80).join('\n');
    expect(text).toContain('Mock interview 20250402-100000 · abandoned');
    expect(text).toContain('2 of 3 questions · 1m30s each · 5m in all');
    expect(text).toMatch(/1\. Pipelines and Workflows · 0:41 · graded 3 · score \d+/);
    expect(text).toMatch(/2\. Hyperparameter Tuning and Experimentation · 1:30 · timed out · score 0/);
    expect(text).toContain('argo workflows, with a very long explanation');
    expect(text).toContain('(nothing typed)');
    expect(text).toContain('Argo Workflows and keep artifacts in MinIO');
    expect(text).toMatch(/~ partly They run on Argo Workflows and keep artifacts in MinIO\./);
    expect(text).toMatch(/matched: argo, workflows · missing: MinIO/);
    expect(text).toMatch(/Score \d+ · suggests \[\d \w+\]/);
    expect(text).toMatch(/✗ missed Katib tunes hyperparameters/);
    expect(text).toMatch(/Score \d+\/100/);
    expect(text).toMatch(/Pipelines and Workflows +\d+\/100 · 1 question/);
    expect(text).toContain('Total time 2:11 (limit 5:00)');
  });

  it('when a report was saved before points then it shows the covered and missed terms', () => {
    const report = sampleReport();
    const old = { ...report, questions: report.questions.map(({ points: _, notes: __, suggestedRating: ___, ...answer }) => answer) };
    const text = renderReport(old, 80).join('\n');
    expect(text).toMatch(/Covered: Argo Workflows/);
    expect(text).toMatch(/Missed: .*MinIO/);
  });

  it.each([80, 40])('fits in %i columns', (width) => {
    for (const line of [...renderReport(sampleReport(), width), ...renderReportList([sampleReport()], width)]) {
      expect(visibleWidth(line), line).toBeLessThanOrEqual(width);
    }
  });
});

describe('renderReportList', () => {
  it('shows id, start, questions reached of planned, score and status; an unfinished one says so', () => {
    const unfinished = { ...sampleReport(), id: '20250403-100000', status: 'in-progress' as const };
    const [header, first, second] = renderReportList([sampleReport(), unfinished], 80);
    expect(header).toMatch(/ID +STARTED +QUESTIONS +SCORE +STATUS/);
    expect(first).toMatch(/^20250402-100000 +\d{4}-\d\d-\d\d \d\d:\d\d +2\/3 +\d+ +abandoned$/);
    expect(second).toMatch(/unfinished$/);
  });

  it('drops the date column when narrow', () => {
    const [header] = renderReportList([sampleReport()], 40);
    expect(header).not.toContain('STARTED');
  });
});
