// kfq ships like any npm CLI: `npm pack` makes a tarball that installs globally
// with no script and no warning, and the installed kfq works from any folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kfqEnv, repoRoot, tempHome } from './run.js';

/** The working tree as git sees it, copied, so packing (which rebuilds dist/) leaves the checkout alone. */
function copyOfCheckout(): string {
  const copy = mkdtempSync(join(tmpdir(), 'kfq-pack-'));
  const files = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: repoRoot, encoding: 'utf8' }).stdout;
  const tar = spawnSync('tar', ['-c', '--null', '-T', '-', '-f', '-'], { cwd: repoRoot, input: files, maxBuffer: 1 << 28 });
  expect(spawnSync('tar', ['-x', '-f', '-'], { cwd: copy, input: tar.stdout }).status).toBe(0);
  symlinkSync(join(repoRoot, 'node_modules'), join(copy, 'node_modules'));
  return copy;
}

function npm(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the npm package', () => {
  it('packs, installs globally without a warning, and runs from another folder', () => {
    const checkout = copyOfCheckout();
    const packs = mkdtempSync(join(tmpdir(), 'kfq-tarball-'));
    const packed = npm(['pack', '--silent', '--pack-destination', packs], checkout);
    expect(packed.status, packed.stderr).toBe(0);
    const [tarball] = readdirSync(packs);
    expect(tarball).toMatch(/^kfq-.*\.tgz$/);

    const prefix = mkdtempSync(join(tmpdir(), 'kfq-prefix-'));
    const installed = npm(['install', '-g', '--prefix', prefix, join(packs, tarball!)], packs);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stderr).toBe('');
    // Everything kfq needs is in its bundle: no dependency comes with it.
    expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual(['kfq']);

    const elsewhere = mkdtempSync(join(tmpdir(), 'kfq-elsewhere-'));
    mkdirSync(join(elsewhere, 'sub'));
    const kfq = join(prefix, 'bin', 'kfq');
    const env = kfqEnv({ KFQ_HOME: tempHome() });
    const version = spawnSync(kfq, ['--version'], { cwd: join(elsewhere, 'sub'), env, encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const search = spawnSync(kfq, ['search', 'katib'], { cwd: join(elsewhere, 'sub'), env, encoding: 'utf8' });
    expect(search.status, search.stderr).toBe(0);
    expect(search.stdout).toContain('Katib');
  }, 240_000);
});
