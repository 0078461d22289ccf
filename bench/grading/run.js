// npm run bench:grading: bundles bench/grading/measure.ts like kfq itself and runs it.
// The bundle goes under node_modules/.cache so it finds data/ by walking up, as kfq does.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleScript } from '../bundleScript.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'node_modules', '.cache', 'kfq-bench');
mkdirSync(work, { recursive: true });
const file = join(work, 'grading.mjs');
await bundleScript(join(root, 'bench', 'grading', 'measure.ts'), file);
execFileSync(process.execPath, [file, root, ...process.argv.slice(2)], { stdio: 'inherit' });
