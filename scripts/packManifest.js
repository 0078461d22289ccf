// npm pack runs prepack, packs, then runs postpack. The packed package.json must
// not name the prepare script: it builds from sources the tarball does not ship,
// and npm warns about every install script of a package installed from a tarball.
// strip takes it out for the packing; restore puts the file back as it was.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const manifest = fileURLToPath(new URL('../package.json', import.meta.url));
const saved = `${manifest}.before-pack`;

const step = process.argv[2];
if (step === 'strip') {
  // A pack that died before postpack left the saved file: it is the true one.
  if (!existsSync(saved)) renameSync(manifest, saved);
  const pkg = JSON.parse(readFileSync(saved, 'utf8'));
  delete pkg.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (step === 'restore') {
  if (existsSync(saved)) renameSync(saved, manifest);
} else {
  console.error('usage: node scripts/packManifest.js strip|restore');
  process.exit(2);
}
