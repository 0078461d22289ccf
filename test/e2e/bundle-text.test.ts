// scripts/build.js writes the bundles in ASCII (\u escapes in regular expressions):
// one other character makes V8 hold a whole bundle as a two-byte string, twice
// as big, which costs every start a garbage collection. And each program bundle
// comes wrapped as Node wraps a CommonJS module, so boot.ts does not copy it to wrap it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runKfq } from './run.js';

describe('the built bundles', () => {
  it.each(['boot.cjs', 'start.cjs', 'main.cjs', 'logPart.cjs', 'replay.cjs', 'cacheWrite.cjs'])('dist/%s is ASCII only', (bundle) => {
    const text = readFileSync(join(repoRoot, 'dist', bundle), 'latin1');
    expect(text.match(/[^\x00-\x7f][^\x00-\x7f]?/g) ?? []).toEqual([]);
  });

  it.each(['start.cjs', 'main.cjs'])('dist/%s is one function expression with the parameters of a CommonJS module', (bundle) => {
    const text = readFileSync(join(repoRoot, 'dist', bundle), 'latin1');
    expect(text.startsWith('(function (exports, require, module, __filename, __dirname) {\n')).toBe(true);
    expect(text.endsWith('})\n')).toBe(true);
  });

  it('when a query has a curly apostrophe, then the escaped expressions still read it as the straight one', () => {
    const curly = runKfq(['search', 'Kubeflow’s', 'pipelines', '--json']);
    const straight = runKfq(['search', "Kubeflow's", 'pipelines', '--json']);
    expect(curly.code, curly.stderr).toBe(0);
    expect(JSON.parse(curly.stdout)).toEqual(JSON.parse(straight.stdout));
  });
});
