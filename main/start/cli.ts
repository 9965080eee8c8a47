// `npm start`: the whole thing on an embedded default. With no server in the settings it
// starts an embedded central server (child process) with the demo data and the simulator,
// then opens the Electron window; where the Electron binary is missing it says so in one
// line and serves the browser host instead, printing its URL.
import { createLogger } from '../../platform/log/logger';
import { spawn } from 'node:child_process';
import { fileSettings } from '../settings/settings-store';
import { runWebConsole } from '../hosts/web-cli';
import { ensureBuilt, ensurePhoneBuilt } from './ensure-built';
import { findElectronBinary } from './electron-binary';
import { startEmbeddedServer, type EmbeddedServer } from './embedded-server';
import { consolePaths, projectRoot } from './paths';
import { startSimulatorChild, type SimulatorChild } from './simulator-child';

const logger = createLogger();

async function main(argv: string[]): Promise<number> {
  const root = projectRoot();
  const paths = consolePaths();
  const saved = fileSettings(paths.settings, logger).get();
  const configured = saved.serverUrl !== null && saved.token !== null;
  const electron = findElectronBinary(root);

  if (!electron.found) {
    console.log(`Electron is not available here (${electron.reason}); opening the browser host instead.`);
    ensureBuilt(root, (m) => logger.info(m));
    ensurePhoneBuilt(root, (m) => logger.info(m));
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

  ensureBuilt(root, (m) => logger.info(m));
  ensurePhoneBuilt(root, (m) => logger.info(m));
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
