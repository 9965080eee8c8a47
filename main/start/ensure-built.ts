// The electron-vite output the hosts load, (re)built when missing or older than the sources:
// `npm start` and `npm run web` both build when needed instead of asking for `npm run build`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type Log = (message: string) => void;
const toStderr: Log = (m) => console.error(m);

/** Newest modification time under `dir` (source files only). */
function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(tsx?|css|html|json|svg)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** electron-vite output the hosts load; (re)built when missing or older than the sources. */
export function ensureBuilt(root: string, log: Log = toStderr): void {
  const needed = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].map((f) => path.join(root, f));
  const built = needed.every((f) => fs.existsSync(f)) ? Math.min(...needed.map((f) => fs.statSync(f).mtimeMs)) : 0;
  const sources = Math.max(...['main', 'preload', 'renderer', 'shared'].map((d) => newestMtime(path.join(root, d))));
  if (built > sources) return;
  log(built === 0 ? 'Building the app (electron-vite build)...' : 'Sources changed: rebuilding the app (electron-vite build)...');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

/** The driver's phone page (vite.phone.config.mts -> out/driver), which the embedded server serves at /driver. */
export function ensurePhoneBuilt(root: string, log: Log = toStderr): void {
  const page = path.join(root, 'out', 'driver', 'index.html');
  const built = fs.existsSync(page) ? fs.statSync(page).mtimeMs : 0;
  const sources = Math.max(...['phone', 'shared'].map((d) => newestMtime(path.join(root, d))));
  if (built > sources) return;
  log("Building the driver's phone page (vite build)...");
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.phone.config.mts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error("the driver's phone page failed to build");
}
