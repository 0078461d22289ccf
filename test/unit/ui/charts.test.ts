import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { apportion, calendarHeatmap, heatLegend, heatLevel, sparkline, stackedBar } from '../../../src/ui/charts.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 3 });
const ANSI = /\u001b\[[0-9;]*m/g;

describe('stackedBar', () => {
  const segments = [
    { value: 2, char: '·', color: 'gray' as const },
    { value: 5, char: '▒', color: 'yellow' as const },
    { value: 3, char: '█', color: 'green' as const },
  ];

  it('uses a distinct character per segment without colour', () => {
    expect(stackedBar(segments, 20, plain)).toBe('····▒▒▒▒▒▒▒▒▒▒██████');
  });

  it('uses coloured blocks with colour, the same width', () => {
    const bar = stackedBar(segments, 20, colour);
    expect(bar).toMatch(ANSI);
    expect(bar.replace(ANSI, '')).toBe('█'.repeat(20));
  });

  it('always fills the width exactly and shows a tiny share', () => {
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([1, 1000, 0], 10)).toEqual([1, 9, 0]);
    expect(apportion([0, 0], 10)).toEqual([0, 0]);
  });
});

describe('calendarHeatmap', () => {
  // 2025-01-13 is a Monday; 10 days: two full columns minus four days.
  const counts = [0, 1, 2, 3, 4, 8, 0, 8, 0, 1];

  it('scales a day to one of four levels of the busiest day', () => {
    expect([0, 1, 2, 4, 6, 8].map((c) => heatLevel(c, 8))).toEqual([0, 1, 1, 2, 3, 4]);
  });

  it('puts weekdays in rows and weeks in columns, with characters for levels', () => {
    expect(calendarHeatmap(counts, '2025-01-13', plain)).toEqual([
      '    Jan',
      'Mon · █',
      '    ░ ·',
      'Wed ░ ░',
      '    ▒',
      'Fri ▒',
      '    █',
      '    ·',
    ]);
    expect(heatLegend(plain)).toBe('less · ░ ▒ ▓ █ more');
  });

  it('labels each month above the week it starts in', () => {
    const lines = calendarHeatmap(new Array(12 * 7).fill(0), '2025-01-13', plain);
    expect(lines[0]).toBe('    Jan   Feb     Mar'); // Feb 3 is week 4, Mar 3 week 8
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
  });
});

describe('sparkline', () => {
  it('draws one character a value between min and max', () => {
    expect(sparkline([0, 50, 100, 120, -5], 0, 100)).toBe('▁▅██▁');
  });
});
