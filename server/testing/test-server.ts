// Starts a real server on a temp file and port 0, seeded with the mutator tests' fixed world
// and a token per world user. For server tests only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { putWorld } from '../../shared/testing/fake-world';
import { startServer, type MarshrutServer, type ServerOptions } from '../server';
import { silentLogger } from '../../platform/log/logger';

export interface TestServer {
  server: MarshrutServer;
  dir: string;
  dbFile: string;
  /** Tokens by world user id (u-dispatcher, u-dispatcher2, u-warehouse, ...). */
  tokens: Record<string, string>;
  stop(): Promise<void>;
}

export async function startTestServer(options: ServerOptions = {}, dir = mkdtempSync(join(tmpdir(), 'marshrut-server-'))): Promise<TestServer> {
  const dbFile = join(dir, 'server.db');
  const server = await startServer({ port: 0, host: '127.0.0.1', dbFile, synchronous: 'NORMAL', logger: silentLogger(), ...options });
  const tokens: Record<string, string> = {};
  if (server.engine.newTx().get('users', 'u-dispatcher') === undefined) server.engine.writeRows((tx) => putWorld(tx));
  for (const id of ['u-dispatcher', 'u-dispatcher2', 'u-logistician', 'u-warehouse', 'u-supervisor', 'u-admin']) {
    tokens[id] = server.users.issueToken(id);
  }
  return {
    server,
    dir,
    dbFile,
    tokens,
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
