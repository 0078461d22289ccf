// The grading benchmark, bundled and run by bench/grading/run.js: how well the
// grader's scores agree with a person's grades on the graded set
// (test/fixtures/evaluation/graded-answers.json), and how long grading a
// 100-question interview takes. Prints a report.
import { performance } from 'node:perf_hooks';
import { gradingOptions } from '../../src/practice/grading.js';
import { scoreAnswer } from '../../src/practice/scoring.js';
import { scoreGradedSet } from '../../test/support/gradedSet.js';
import { spearman } from '../../test/support/spearman.js';

const root = process.argv[2]!;
const explain = process.argv.includes('--explain');
const { decks, answers } = scoreGradedSet(root);
const rows = answers.map(({ result, ...answer }) => ({ ...answer, score: result.score, notes: result.notes, points: result.points }));

if (process.argv.includes('--rows'))
  for (const row of rows) console.log(`ROW ${row.kind} ${row.grade} ${row.score} ${row.typed.slice(0, 70)}`);
console.log(
  `Graded set: ${rows.length} answers over ${new Set(rows.map((row) => `${row.deck}#${row.question}`)).size} questions of ${decks.size} decks\n`,
);
console.log(
  `Spearman correlation with the person's grades: ${spearman(
    rows.map((row) => row.grade),
    rows.map((row) => row.score),
  ).toFixed(3)}\n`,
);
console.log('Mean score by kind (person → kfq):');
for (const kind of [...new Set(rows.map((row) => row.kind))].sort()) {
  const ofKind = rows.filter((row) => row.kind === kind);
  const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  console.log(
    `  ${kind.padEnd(8)} ${String(ofKind.length).padStart(3)} answers   ${mean(ofKind.map((row) => row.grade))
      .toFixed(0)
      .padStart(3)} → ${mean(ofKind.map((row) => row.score))
      .toFixed(0)
      .padStart(3)}`,
  );
}
console.log('\nThe ten worst disagreements:');
for (const row of [...rows].sort((a, b) => Math.abs(b.score - b.grade) - Math.abs(a.score - a.grade)).slice(0, 10)) {
  console.log(
    `  person ${String(row.grade).padStart(3)}, kfq ${String(row.score).padStart(3)}  [${row.kind}] ${row.question}\n      "${row.typed}"${row.notes.length > 0 ? ` (${row.notes.join('; ')})` : ''}`,
  );
  // --explain: what each reference point made of it.
  if (explain)
    for (const point of row.points)
      console.log(`        ${point.status}: ${JSON.stringify(point.matched)} missing ${JSON.stringify(point.missing)}`);
}

// A 100-question interview over the built-in deck: one typed answer each.
const builtin = decks.get('data/kubeflow.md')!;
const typedAnswers = rows.map((row) => row.typed);
const interview = builtin.questions.slice(0, 100).map((question, i) => [question, typedAnswers[i % typedAnswers.length]!] as const);
// Wall-clock and CPU time: on a busy machine the CPU time says what grading itself costs.
const timings: number[] = [];
const cpuTimings: number[] = [];
let buildMs = 0;
for (let round = 0; round < 21; round++) {
  const start = performance.now();
  const session = gradingOptions([builtin]);
  const built = performance.now();
  const cpu = process.cpuUsage();
  for (const [question, typed] of interview) scoreAnswer(question.answer, typed, question.question, session);
  const used = process.cpuUsage(cpu);
  timings.push(performance.now() - built);
  cpuTimings.push((used.user + used.system) / 1000);
  if (round === 20) buildMs = built - start;
}
const [first, firstCpu] = [timings[0]!, cpuTimings[0]!];
timings.sort((a, b) => a - b);
cpuTimings.sort((a, b) => a - b);
const [load] = (await import('node:os')).loadavg();
console.log(
  `\nGrading a ${interview.length}-question interview (target < 50 ms), load average ${load!.toFixed(1)}:\n` +
    `  first time (each reference read once): ${first.toFixed(1)} ms wall-clock, ${firstCpu.toFixed(1)} ms CPU\n` +
    `  again (references already read): median of 21 rounds ${timings[10]!.toFixed(1)} ms wall-clock, ${cpuTimings[10]!.toFixed(1)} ms CPU\n` +
    `  once per session: ${buildMs.toFixed(1)} ms for the deck's weights and aliases`,
);
