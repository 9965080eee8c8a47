// `npm start`: the whole thing on an embedded default. With no server in the settings it
// starts an embedded central server (child process) with the demo data and the simulator,
// then opens the Electron window; where the Electron binary is missing it says so in one
// line and serves the browser host instead, printing its URL.
import { createLogger } from '../log/logger';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileSettings } from '../settings/settings-store';
import { runWebConsole } from '../hosts/web-cli';
import { findElectronBinary } from './electron-binary';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { consolePaths, projectRoot } from './paths';
import { startSimulatorChild, type SimulatorChild } from './simulator-child';

const logger = createLogger();

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
function ensureBuilt(root: string): void {
  const needed = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].map((f) => path.join(root, f));
  const built = needed.every((f) => fs.existsSync(f)) ? Math.min(...needed.map((f) => fs.statSync(f).mtimeMs)) : 0;
  const sources = Math.max(...['main', 'preload', 'renderer', 'shared'].map((d) => newestMtime(path.join(root, d))));
  if (built > sources) return;
  logger.info(built === 0 ? 'Building the app (electron-vite build)...' : 'Sources changed: rebuilding the app (electron-vite build)...');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

/** The driver's phone page (vite.phone.config.mts -> out/driver), which the embedded server serves at /driver. */
function ensurePhoneBuilt(root: string): void {
  const page = path.join(root, 'out', 'driver', 'index.html');
  const built = fs.existsSync(page) ? fs.statSync(page).mtimeMs : 0;
  const sources = Math.max(...['phone', 'shared'].map((d) => newestMtime(path.join(root, d))));
  if (built > sources) return;
  logger.info("Building the driver's phone page (vite build)...");
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '-c', 'vite.phone.config.mts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error("the driver's phone page failed to build");
}

async function main(argv: string[]): Promise<number> {
  const root = projectRoot();
  const paths = consolePaths();
  const saved = fileSettings(paths.settings, logger).get();
  const configured = saved.serverUrl !== null && saved.token !== null;
  const electron = findElectronBinary(root);

  if (!electron.found) {
    console.log(`Electron is not available here (${electron.reason}); opening the browser host instead.`);
    ensureBuilt(root);
    ensurePhoneBuilt(root);
    const web = await runWebConsole([...(configured ? [] : ['--demo']), ...argv], logger);
    if (typeof web === 'number') return web;
    if (web.server) console.log(`Embedded central server with demo data: ${web.server.url}`);
    console.log(`Marshrut console: open ${web.url}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await web.stop();
    return 0;
  }

  ensureBuilt(root);
  ensurePhoneBuilt(root);
  let server: EmbeddedServer | null = null;
  let simulator: SimulatorChild | null = null;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!configured) {
    logger.info('No server configured: starting the embedded central server with demo data...');
    server = await startEmbeddedServer({ dir: paths.embeddedServerDir, logger: logger.child({ component: 'embedded-server' }) });
    simulator = startSimulatorChild({ apiUrl: server.url, gpsPort: server.gpsPort, tokensFile: server.tokensFile, logger });
    env.MARSHRUT_SERVER_URL = server.url;
    env.MARSHRUT_SERVER_TOKEN = server.tokenFor('dispatcher');
    env.MARSHRUT_SERVER_MODE = 'embedded';
  }
  // Never let a parent's ELECTRON_RUN_AS_NODE turn the window into a plain Node process.
  delete env.ELECTRON_RUN_AS_NODE;
  const app = spawn(electron.path, [root, ...argv], { cwd: root, stdio: 'inherit', env });
  const code = await new Promise<number>((resolve) => app.once('exit', (c) => resolve(c ?? 0)));
  await simulator?.stop();
  await server?.stop();
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
