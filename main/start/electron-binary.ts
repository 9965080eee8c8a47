// Finds the Electron binary WITHOUT triggering its download: `require('electron')` from Node
// downloads it on first use (and fails offline), so this reads what the electron package
// would read (path.txt under node_modules/electron, or ELECTRON_OVERRIDE_DIST_PATH) itself.
import fs from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) return { found: false, reason: 'the electron package is not installed' };
  const pathFile = path.join(pkgDir, 'path.txt');
  const rel = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return fs.existsSync(p) ? { found: true, path: p } : { found: false, reason: `no Electron binary at ${p}` };
  }
  if (rel === '') return { found: false, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  const p = path.join(pkgDir, 'dist', rel);
  return fs.existsSync(p) ? { found: true, path: p } : { found: false, reason: `no Electron binary at ${p}` };
}
