// Playwright's webServer: the primary console (browser host) with an embedded demo server on
// fixed ports and a fresh user data dir, so every run starts from the same demo data.
import { runWebConsole } from '../main/hosts/web-cli';
import { E2E_RENDERER, PRIMARY, prepareUserData, snapshotRenderer } from './harness';

snapshotRenderer();
prepareUserData(PRIMARY.userData);
runWebConsole([
  '--demo',
  '--no-simulator',
  '--port',
  String(PRIMARY.hostPort),
  '--server-port',
  String(PRIMARY.serverPort),
  '--user-data',
  PRIMARY.userData,
  '--renderer',
  E2E_RENDERER,
]).then(
  (r) => {
    if (typeof r === 'number') process.exit(r);
    console.log(`primary console at ${r.url}`);
    const stop = (): void => void r.stop().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
