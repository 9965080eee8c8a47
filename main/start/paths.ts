// Where the console keeps its files: the per-user data dir (settings, replica, window state),
// the same folder Electron's app.getPath('userData') is pointed at, so the browser host and the
// desktop app share settings. MARSHRUT_USER_DATA overrides it (tests, portable installs).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Marshrut';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.MARSHRUT_USER_DATA) return path.resolve(env.MARSHRUT_USER_DATA);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

export interface ConsolePaths {
  dir: string;
  settings: string;
  /** The replica when no server is configured at all. */
  replica: string;
  windowState: string;
  /** Where `npm start` keeps the embedded demo server's database. */
  embeddedServerDir: string;
}

export function consolePaths(dir = userDataDir()): ConsolePaths {
  return {
    dir,
    settings: path.join(dir, 'settings.json'),
    replica: path.join(dir, 'replica.db'),
    windowState: path.join(dir, 'window-state.json'),
    embeddedServerDir: path.join(dir, 'embedded-server'),
  };
}

/**
 * The repository root (for spawning the server and finding out/renderer): the first folder
 * upwards holding package.json, whether this runs from main/start under tsx or from
 * out/node/main/start built.
 */
export function projectRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..', '..');
  }
}

/**
 * One replica per server: a replica holds one server's rows and cursor, and pointing it at
 * another server would mix two histories. `key` is the server URL, or 'embedded' for the demo
 * server `npm start` runs (its port changes from run to run, its database does not).
 */
export function replicaFileFor(p: ConsolePaths, key: string): string {
  const slug = key === 'embedded' ? 'embedded' : createHash('sha256').update(key).digest('hex').slice(0, 12);
  return path.join(p.dir, 'replicas', `${slug}.db`);
}
