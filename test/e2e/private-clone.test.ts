// The suite must pass wherever a user clones kfq: a clone in root's home, or in
// any mktemp folder, sits in a folder that only its owner may enter. The cases
// that run kfq as another user are run again from such a folder.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './run.js';

const asRootOnLinux = process.platform === 'linux' && process.getuid?.() === 0;

describe('a checkout in a folder only its owner may enter', () => {
  it.skipIf(!asRootOnLinux)(
    'when the tests run kfq as another user from there, they still pass',
    () => {
      const privateFolder = mkdtempSync(join(tmpdir(), 'kfq-private-'));
      chmodSync(privateFolder, 0o700);
      const clone = join(privateFolder, 'kfq');
      mkdirSync(clone);
      // The working tree as git sees it (tracked and new files), without node_modules or dist.
      const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' }).stdout;
      const copied = spawnSync('tar', ['-c', '--null', '-T', '-', '-f', '-'], { cwd: repoRoot, input: files, maxBuffer: 1 << 28 });
      expect(spawnSync('tar', ['-x', '-f', '-'], { cwd: clone, input: copied.stdout }).status).toBe(0);
      symlinkSync(join(repoRoot, 'node_modules'), join(clone, 'node_modules'));

      const { KFQ_TEST_TMPDIR: _tmp, KFQ_TEST_BUILT: _built, ...env } = process.env;
      const run = spawnSync(
        process.execPath,
        [join(clone, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'hostile', '-t', 'without read permission|may not write'],
        { cwd: clone, env: { ...env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' }, encoding: 'utf8', timeout: 240_000 },
      );
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.status, output).toBe(0);
      expect(output).toMatch(/Tests\s+2 passed/);
    },
    300_000,
  );
});
