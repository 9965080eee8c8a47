// Starts the central server as a CHILD PROCESS (`tsx server/cli.ts --demo`): main/ never
// imports server/. With --demo the server seeds an empty database and writes the demo users'
// tokens to demo-tokens.json beside it; we read the token of the role we sign in as.
import { silentLogger, type Logger } from '../../platform/log/logger';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { USER_ROLES, type UserRole } from '../../shared/domain/vocabulary';
import { lockFolder } from './folder-lock';
import { projectRoot } from './paths';

const demoTokensSchema = z.array(z.object({ userId: z.string(), name: z.string(), role: z.enum(USER_ROLES), token: z.string().min(1) }));
export type DemoToken = z.infer<typeof demoTokensSchema>[number];

export interface EmbeddedServer {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The OsmAnd GPS ingest port (the simulator sends fixes there). */
  gpsPort: number | null;
  dbFile: string;
  /** demo-tokens.json beside the database (written by --demo). */
  tokensFile: string;
  tokens: DemoToken[];
  /** The first demo user with this role (or this user id). */
  tokenFor(roleOrUserId: UserRole | string): string;
  /** SIGTERM (or SIGKILL with `kill: true`, like a crash) and wait for the exit. */
  stop(opts?: { kill?: boolean }): Promise<void>;
  child: ChildProcess;
}

export interface EmbeddedServerOptions {
  /** Folder for server.db and demo-tokens.json. */
  dir: string;
  /** 0 = any free port. */
  port?: number;
  /** GPS ingest port; default 0 (any free port), so two embedded servers never collide on 5055. */
  gpsPort?: number;
  demo?: boolean;
  /** Where the server's own output goes (debug level); default nowhere. */
  logger?: Logger;
  /** How long to wait for "listening" (the first demo seed takes a few seconds). */
  timeoutMs?: number;
}

/**
 * How to run a child script (`server/cli.ts`): ONE process either way (the tsx CLI would add a
 * parent that does not pass SIGKILL on, leaving an orphan server behind a "crash"). Built
 * (this file is JavaScript under out/node) the child is `node out/node/SCRIPT.js`, without the
 * tsx loader; from the sources, `node --import tsx SCRIPT`. Spawn with cwd = projectRoot().
 */
export function tsxCommand(script: string, args: string[], self: string = __filename): { command: string; args: string[] } {
  if (self.endsWith('.js')) {
    const built = path.join(projectRoot(), 'out', 'node', script.replace(/\.ts$/, '.js'));
    if (fs.existsSync(built)) return { command: process.execPath, args: [built, ...args] };
  }
  return { command: process.execPath, args: ['--import', 'tsx', path.join(projectRoot(), script), ...args] };
}

const children = new Set<ChildProcess>();
let signalsHooked = false;

function killChildren(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
}

/**
 * Kills the child when this process exits, including on SIGINT/SIGTERM/SIGHUP that arrive
 * before the caller installed its own handlers (e.g. while the server is still starting), so
 * no server outlives its console.
 */
export function killOnExit(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
  if (signalsHooked) return;
  signalsHooked = true;
  process.on('exit', killChildren);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      // Someone else handles this signal (a graceful stop): leave the exit to them.
      if (process.listenerCount(sig) > 1) return;
      killChildren();
      process.off(sig, onSignal);
      process.kill(process.pid, sig);
    };
    process.on(sig, onSignal);
  }
}

export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  fs.mkdirSync(opts.dir, { recursive: true });
  // One embedded server per folder (issue: `npm start` and `npm run web -- --demo` together
  // opened one database with two servers and two simulators). Throws FolderLockedError.
  const lock = lockFolder(opts.dir);
  const dbFile = path.join(opts.dir, 'server.db');
  const logger = opts.logger ?? silentLogger();
  const args = ['--port', String(opts.port ?? 0), '--gps-port', String(opts.gpsPort ?? 0), '--db', dbFile, ...(opts.demo === false ? [] : ['--demo'])];
  const cmd = tsxCommand('server/cli.ts', args);
  const child = spawn(cmd.command, cmd.args, { cwd: projectRoot(), stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  killOnExit(child);
  child.once('exit', () => lock.release());

  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the embedded server did not start within ${opts.timeoutMs ?? 180_000} ms`)), opts.timeoutMs ?? 180_000);
    const fail = (err: Error): void => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim() !== '') logger.debug(line);
      out += text;
      const m = /Marshrut server on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => fail(new Error(`the embedded server exited (${signal ?? code}) before listening:\n${out.slice(-2000)}`)));
  });
  // Keep draining output so a chatty child never blocks on a full pipe.
  child.stdout?.on('data', () => {});
  child.stderr?.on('data', () => {});

  const tokensFile = path.join(opts.dir, 'demo-tokens.json');
  const tokens = fs.existsSync(tokensFile) ? demoTokensSchema.parse(JSON.parse(fs.readFileSync(tokensFile, 'utf8'))) : [];
  const port = Number(new URL(url).port);
  const gps = /GPS \(OsmAnd\) on port (\d+)/.exec(out);
  return {
    url,
    port,
    gpsPort: gps?.[1] ? Number(gps[1]) : null,
    dbFile,
    tokensFile,
    tokens,
    child,
    tokenFor(roleOrUserId) {
      const t = tokens.find((x) => x.userId === roleOrUserId) ?? tokens.find((x) => x.role === roleOrUserId);
      if (!t) throw new Error(`no demo token for "${roleOrUserId}" in ${tokensFile}`);
      return t.token;
    },
    stop({ kill = false } = {}) {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(kill ? 'SIGKILL' : 'SIGTERM');
      });
    },
  };
}
