// Coverage lines for drill (compact) and the mock report (every point), from a real grading of a seed answer.
import { describe, expect, it } from 'vitest';
import { readDeckFile } from '../../../src/deck/load.js';
import { gradingOptions } from '../../../src/practice/grading.js';
import { scoreAnswer } from '../../../src/practice/scoring.js';
import { coverageDetails, coverageSummary } from '../../../src/ui/coverage.js';
import { visibleWidth } from '../../../src/ui/text.js';

const { deck } = readDeckFile(new URL('../../../data/kubeflow.md', import.meta.url).pathname);
const options = gradingOptions([deck]);
const q42 = deck.questions.find((q) => q.number === 42)!; // model drift: two points
const partial = scoreAnswer(q42.answer, 'drift is when the model performance degrades over time', q42.question, options);
const list = scoreAnswer(q42.answer, 'drift retraining metrics', q42.question, options);

describe('coverageSummary (drill)', () => {
  it('when a point is missed then one line counts the points and the missed point follows, cut to the width', () => {
    const lines = coverageSummary(partial, 120);
    expect(lines[0]).toMatch(/^ {2}Score \d+ · 1 covered · 1 missed · suggests \[\d \w+\]$/);
    expect(lines.slice(1)).toEqual([
      '  ✗ missed: Use Kubeflow to monitor metrics and trigger retraining workflows when drift is detected.',
    ]);
  });

  it('when the answer is a bare list then the note says so', () => {
    expect(coverageSummary(list, 80).join('\n')).toContain('a list of terms, not an explanation');
  });

  it('when a denied point is shown then it is marked contradicted', () => {
    const denied = scoreAnswer(q42.answer, 'Kubeflow cannot monitor metrics or trigger retraining workflows', q42.question, options);
    expect(coverageSummary(denied, 80).join('\n')).toMatch(/! contradicted: Use Kubeflow to monitor metrics/);
  });

  it.each([80, 40])('fits in %i columns', (width) => {
    for (const line of coverageSummary(partial, width)) expect(visibleWidth(line), line).toBeLessThanOrEqual(width);
  });
});

describe('coverageDetails (mock report)', () => {
  it('when points are shown then each has its status, text and the words that matched or are missing', () => {
    const text = coverageDetails(partial, 80).join('\n');
    expect(text).toMatch(/✓ covered Model drift is performance degradation over time\./);
    expect(text).toMatch(/✗ missed Use Kubeflow to monitor metrics/);
    expect(text).toMatch(/missing: .*retraining workflows/);
  });

  it.each([80, 40])('fits in %i columns', (width) => {
    for (const line of coverageDetails(partial, width)) expect(visibleWidth(line), line).toBeLessThanOrEqual(width);
  });

  it('when deck text holds control characters then they are shown escaped', () => {
    const hostile = scoreAnswer('Use \u001b[2J Katib for tuning.', 'katib', undefined);
    expect(coverageDetails(hostile, 80).join('\n')).not.toContain('\u001b[2J');
  });
});

it('when a missed point is longer than the line then it is cut, not wrapped', () => {
  expect(coverageSummary(partial, 60)[1]).toMatch(/^ {2}✗ missed: Use Kubeflow .*…$/);
});
