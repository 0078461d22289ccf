// The end-to-end tests run the built bin, so build it once before them.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.js'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
}
