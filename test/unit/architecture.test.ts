// The layer rules of .dependency-cruiser.cjs, run by dependency-cruiser on src/
// and test/, and on a fixture tree with forbidden imports planted in it.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as {
  forbidden: IForbiddenRuleType[];
  options: Record<string, unknown>;
};

/** Each violation as `rule: from → to`. */
async function violations(baseDir: string): Promise<string[]> {
  const { output } = await cruise(['src', 'test'], {
    baseDir,
    exclude: { path: '^test/fixtures/' },
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  });
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('the architecture', () => {
  it('when src/ and test/ are cruised then no module imports a layer above or beside its own, the store, cli.ts, bench/ or in a circle', async () => {
    expect(await violations(root)).toEqual([]);
  }, 60_000);

  it('when forbidden imports are planted then each one is named by its rule', async () => {
    const found = await violations(join(root, 'test', 'fixtures', 'architecture'));
    expect(found).toEqual(
      expect.arrayContaining([
        'layer-store: src/store/log.ts → src/practice/replay.ts',
        'ui-not-to-store: src/ui/screen.ts → src/store/log.ts',
        'not-to-cli: src/commands/list.ts → src/cli.ts',
        'layer-commands: src/commands/list.ts → src/cli.ts',
        'no-circular: src/cli.ts → src/commands/list.ts',
        'test-not-to-bench: test/measure.test.ts → bench/measure.ts',
      ]),
    );
    expect(found.filter((line) => line.includes('practice/replay.ts →'))).toEqual([]);
  }, 60_000);
});
