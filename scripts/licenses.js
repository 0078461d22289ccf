// The licence texts of the npm packages bundled into dist/main.cjs, which ships
// without them: each package whose files the bundle takes, with its version,
// its licence name and its licence file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `inputs` are the bundle's input paths, relative to `root` (esbuild's metafile). */
export function thirdPartyLicenses(root, inputs) {
  const folders = new Set();
  for (const input of inputs) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) folders.add(match[1]);
  }
  const sections = [...folders].sort().map((folder) => {
    const dir = join(root, folder);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licenseFile = existsSync(dir) ? readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name)) : undefined;
    const text = licenseFile
      ? readFileSync(join(dir, licenseFile), 'utf8').trim()
      : `(no licence file in the package; package.json says ${pkg.license})`;
    return `${pkg.name} ${pkg.version} (${pkg.license})\n\n${text}\n`;
  });
  const rule = `\n${'-'.repeat(72)}\n\n`;
  return `kfq bundles the following packages into dist/main.cjs.\n${rule}${sections.join(rule)}`;
}
