// `npm run web -- [--port 5180] [--host 127.0.0.1] [--server URL --token TOKEN] [--demo] [--replica FILE]`
// The browser host: the console's main-side services in plain Node, the built renderer on
// http://host:port/ and the typed API on ws://host:port/api. Prints the URL to open.
import { createLogger, type Logger } from '../../platform/log/logger';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBuilt } from '../start/ensure-built';
import { startEmbeddedServer, type EmbeddedServer } from '../start/embedded-server';
import { consolePaths, projectRoot, replicaFileFor } from '../start/paths';
import { startConsoleServices } from '../start/console-services';
import { startWebHost, type WebHost } from './web-host';
import { startSimulatorChild, type SimulatorChild } from '../start/simulator-child';

const USAGE = `Usage: npm run web -- [--port 5180] [--host 127.0.0.1] [--server URL --token TOKEN] [--demo] [--replica FILE]
  --port N         where the console is served (default 5180; 0 = any free port)
  --host ADDR      bind address (default 127.0.0.1; any other asks browsers to log in with the token)
  --server URL --token TOKEN   connect to a central server as that user
  --demo           start an embedded central server with the demo data and the simulator (child processes)
    --role ROLE    sign in as the first demo user with this role (default dispatcher)
    --server-port N  the embedded server's port (default: any free port)
    --no-simulator   leave the demo fleet parked
  --replica FILE   where the local replica lives (default: one per server in the user data dir)
  --user-data DIR  settings and replicas (default: the OS's per-user app data folder, or $MARSHRUT_USER_DATA)
  --renderer DIR   the built renderer (default out/renderer)`;

export interface WebConsole {
  url: string;
  host: WebHost;
  server: EmbeddedServer | null;
  stop(): Promise<void>;
}

export async function runWebConsole(argv: string[], logger: Logger = createLogger()): Promise<WebConsole | number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      demo: { type: 'boolean' },
      'server-port': { type: 'string' },
      role: { type: 'string' },
      replica: { type: 'string' },
      'user-data': { type: 'string' },
      renderer: { type: 'string' },
      'no-simulator': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 5180 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port must be 0-65535, got ${values.port}`);
  if ((values.server === undefined) !== (values.token === undefined)) return usage('--server and --token go together');
  if (values.demo && values.server) return usage('--demo starts its own server; leave out --server');
  // The default renderer is this checkout's build: made (or remade) here when needed.
  if (values.renderer === undefined) ensureBuilt(projectRoot());
  const rendererDir = path.resolve(values.renderer ?? path.join(projectRoot(), 'out', 'renderer'));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    return usage(`No built renderer at ${rendererDir}: run \`npx electron-vite build\` (or \`npm run build\`) first`);
  }
  const paths = consolePaths(values['user-data'] ? path.resolve(values['user-data']) : undefined);

  let server: EmbeddedServer | null = null;
  let simulator: SimulatorChild | null = null;
  let run: { url: string; token: string; mode: 'configured' | 'embedded' } | undefined;
  if (values.demo) {
    logger.info('Starting the embedded central server with demo data...');
    const serverPort = values['server-port'] === undefined ? 0 : Number(values['server-port']);
    if (!Number.isInteger(serverPort) || serverPort < 0 || serverPort > 65535) return usage(`--server-port must be 0-65535`);
    server = await startEmbeddedServer({ dir: paths.embeddedServerDir, port: serverPort, logger: logger.child({ component: 'embedded-server' }) });
    run = { url: server.url, token: server.tokenFor(values.role ?? 'dispatcher'), mode: 'embedded' };
    if (!values['no-simulator']) simulator = startSimulatorChild({ apiUrl: server.url, gpsPort: server.gpsPort, tokensFile: server.tokensFile, logger });
  } else if (values.server && values.token) {
    run = { url: values.server, token: values.token, mode: 'configured' };
  }
  const replicaFile = values.replica
    ? path.resolve(values.replica)
    : run
      ? replicaFileFor(paths, run.mode === 'embedded' ? 'embedded' : run.url)
      : paths.replica;
  const services = startConsoleServices({ replicaFile, settingsFile: paths.settings, ...(run ? { server: run } : {}), logger });
  let host: WebHost;
  try {
    host = await startWebHost({
      api: services.api,
      rendererDir,
      host: values.host ?? '127.0.0.1',
      port,
      loginSecret: () => services.settings.get().token,
      logger: logger.child({ component: 'web-host' }),
    });
  } catch (err) {
    await services.close();
    await simulator?.stop();
    await server?.stop();
    throw err;
  }
  return {
    url: host.url,
    host,
    server,
    async stop() {
      await host.close();
      await services.close();
      await simulator?.stop();
      await server?.stop();
    },
  };
}

function usage(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  runWebConsole(process.argv.slice(2)).then(
    (result) => {
      if (typeof result === 'number') {
        process.exitCode = result;
        return;
      }
      if (result.server) console.log(`Embedded central server: ${result.server.url} (demo data, database ${result.server.dbFile})`);
      console.log(`Marshrut console: open ${result.url}`);
      const shutdown = (): void => {
        void result.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
