// The end-to-end tests run the built bin, so build it once before them.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  // Each project that lists this setup runs it; one build serves them all.
  if (process.env.KFQ_TEST_BUILT) return;
  execFileSync(process.execPath, ['scripts/build.js'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
  process.env.KFQ_TEST_BUILT = '1';
}
