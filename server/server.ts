// The central server in one process: HTTP (REST, health, module routes) and the /sync
// WebSocket on one port, over one SQLite file. Constructible in-process for tests
// (port 0), closable gracefully or killable abruptly.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MutationActor, MutationOutcome } from '../shared/mutators';
import type { ServerMessage } from '../shared/protocol';
import type { DriverRow } from '../shared/schema';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../shared/protocol';
import { UserDirectory } from './auth/user-tokens';
import { mountUsersRoute } from './auth/users-route';
import { startBackupSchedule, type BackupSchedule } from './backup/backup-schedule';
import { takeServerLock } from './backup/server-lock';
import { startBackgroundCheckpoint } from './db/background-checkpoint';
import { openServerDb, type ServerDb } from './db/open-server-db';
import { removeStaleDemo, seedDemoIfEmpty, type DemoSeedOptions } from './demo-seed';
import { healthReport } from './http/health';
import { MemoryKeeper } from './process-memory';
import { prometheusText } from './http/metrics';
import { mountRestApi, positionFromRow, type DriverPositionView, type LastPositionSource, type OrderExtras } from './http/rest-api';
import { requestId, Router, sendJson, type HttpMethod, type Route } from './http/router';
import { SyncEngine } from './sync/sync-engine';
import { createLogger, type Logger } from '../platform/log/logger';
import { mountOrdersWriteApi } from './http/orders-write-api';
import { mountOpenApi } from './http/openapi';
import { mountReports } from './reports/reports-route';
import { mountArchive } from './archive/archive-route';
import type { RateLimitOptions } from './http/request-guards';
import { SyncHub } from './sync/sync-hub';
import type { SyncFlowLimits } from './sync/flow-limits';

export const SERVER_VERSION = '0.1.0';
export const DEFAULT_SERVER_HOST = '127.0.0.1';

/** How this process reaches its own socket: a wildcard bind is reached on loopback. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export interface ServerOptions {
  /** 0 picks a free port (tests). Default 8080. */
  port?: number;
  /** Bind address. Default 127.0.0.1: other machines reach the server only when asked (`--host 0.0.0.0`). */
  host?: string;
  /** SQLite file; created with its directory if missing. Default ./data/server.db. */
  dbFile?: string;
  /** Fill an empty database with demo data; `true` = the default demo size. */
  demo?: boolean | DemoSeedOptions;
  clock?: () => number;
  logger?: Logger;
  /** SQLite synchronous mode (FULL: acknowledged = on disk). */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often to look for changes written by other processes (e.g. the `user` CLI). */
  pumpIntervalMs?: number;
  maxMessageBytes?: number;
  /** Scheduled backups (`--backup-dir --backup-every --backup-keep`); see server/backup. */
  backup?: { dir: string; everyMs: number; keep: number; firstDelayMs?: number };
  /** Sync connections per user and slow-reader limits (server/sync/flow-limits.ts). */
  syncLimits?: Partial<SyncFlowLimits>;
  /** Requests per token on the orders write API (POST/PATCH /api/orders...). */
  ordersRateLimit?: RateLimitOptions;
}

/** What a server module (GPS, couriers, SLA scheduler) gets to plug into the server. */
export interface MarshrutServer {
  port: number;
  url: string;
  httpServer: HttpServer;
  db: ServerDb;
  engine: SyncEngine;
  users: UserDirectory;
  hub: SyncHub;
  /** The server's logger; modules log through a child naming their component. */
  logger: Logger;
  /** Mounts an HTTP route; auth 'none' routes check their own credentials. */
  addRoute(route: Route): void;
  /** The HTTP routes mounted so far (method and path). */
  routes(): Array<{ method: HttpMethod; path: string }>;
  /** Sends a message to every connected, welcomed desktop (e.g. `positions`). */
  broadcast(message: ServerMessage): void;
  /** Runs a mutator as a machine or user actor; committed and broadcast at once. */
  runMutation(name: string, args: unknown, actor: MutationActor, at?: number): MutationOutcome;
  /** Calls fn with a send for each desktop once its sync session is live (after caught-up). */
  onClientReady(fn: (send: (message: ServerMessage) => void) => void): void;
  /** Adds a section to GET /health, evaluated per request. */
  addHealth(name: string, report: () => unknown): void;
  /** Replaces where GET /api/drivers takes last positions from (default: the drivers row). */
  setLastPositionSource(source: LastPositionSource): void;
  /** A driver's last known position, from the current source (live GPS once attached). */
  positionOf(driver: DriverRow): DriverPositionView | null;
  /** Adds fields to GET /api/orders/:number (tracking link, predicted arrival). */
  setOrderExtras(extras: OrderExtras): void;
  /** Runs at close/kill, before the database closes (stop timers, flush batches). */
  onClose(fn: () => void | Promise<void>): void;
  close(): Promise<void>;
  /** As if the process died: sockets destroyed, nothing flushed or said goodbye. */
  kill(): void;
}

/** Catch-ups at least this many pages long end with memory handed back (when the server is quiet again). */
const BIG_CATCH_UP_PAGES = 20;

export async function startServer(options: ServerOptions = {}): Promise<MarshrutServer> {
  const clock = options.clock ?? Date.now;
  const logger: Logger = options.logger ?? createLogger();
  const startedAt = clock();
  const host = options.host ?? DEFAULT_SERVER_HOST;
  if (options.demo) removeStaleDemo(options.dbFile ?? './data/server.db', clock(), logger);
  const db = openServerDb(options.dbFile ?? './data/server.db', options.synchronous ?? 'FULL');
  const checkpoint = db.file === ':memory:' ? null : startBackgroundCheckpoint(db.sqlite, db.file, { logger: logger.child({ component: 'checkpoint' }) });
  const engine = new SyncEngine(db.sqlite, clock, logger.child({ component: 'sync' }));
  const users = new UserDirectory(db.sqlite, engine, clock);
  const memory = new MemoryKeeper(() => [db.sqlite], clock, logger.child({ component: 'memory' }));
  if (options.demo) {
    const seeded = await seedDemoIfEmpty(db, engine, options.demo === true ? { now: clock() } : options.demo, logger);
    if (seeded.seeded) memory.release('demo seed');
  }

  const authenticate = (token: string | null) => users.authenticate(token);
  const router = new Router(authenticate);
  const hub = new SyncHub({
    engine,
    authenticate,
    logger: logger.child({ component: 'sync' }),
    clock,
    ...(options.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.maxMessageBytes }),
    ...(options.syncLimits === undefined ? {} : { limits: options.syncLimits }),
    // A catch-up of many pages (a new desktop, one back from a day offline) is a burst.
    onCaughtUp: (pages) => {
      if (pages >= BIG_CATCH_UP_PAGES) memory.releaseWhenQuiet('catch-up');
    },
  });
  const health = new Map<string, () => unknown>();
  health.set('process', () => memory.report());
  // Refusals before any route ran (no or a wrong token, a path that does not exist).
  health.set('http', () => ({ ...router.refusals }));
  if (checkpoint !== null) health.set('checkpoints', () => checkpoint.stats());
  let lastPosition: LastPositionSource = positionFromRow;
  let orderExtras: OrderExtras = () => ({});
  const closers: Array<() => void | Promise<void>> = [];

  mountRestApi(router, db.sqlite, engine.tables, () => lastPosition, () => orderExtras);
  const fullReport = (): Record<string, unknown> =>
    healthReport({ version: SERVER_VERSION, protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, startedAt, now: clock(), engine, hub, sections: health });
  const ordersApi = mountOrdersWriteApi(router, {
    sqlite: db.sqlite,
    runMutation: (name, args, actor) => engine.runMutation(name, args, actor),
    clock,
    ...(options.ordersRateLimit === undefined ? {} : { rate: options.ordersRateLimit }),
  });
  health.set('ordersApi', () => ordersApi.counters.snapshot());
  // Multi-part imports: parts held, imports committed, refusals by code, stale ones given up.
  health.set('orderImports', () => engine.imports.counters.snapshot());
  mountOpenApi(router, SERVER_VERSION);
  const usersApi = mountUsersRoute(router, users);
  health.set('usersApi', () => usersApi.counters.snapshot());
  const reports = mountReports(router, db.sqlite, clock);
  health.set('reports', () => reports.counters.snapshot());
  const archive = mountArchive(router, db.sqlite, engine.tables, clock);
  health.set('archive', () => archive.counters.snapshot());
  router.addRoute({
    method: 'GET',
    path: '/health',
    // Public, for load balancers and monitors; the full report (counts, clients, counters)
    // only with an admin's token in the header.
    auth: 'none',
    handler: ({ res, user }) => sendJson(res, 200, user?.role === 'admin' ? fullReport() : { status: 'ok', version: SERVER_VERSION }),
  });
  router.addRoute({
    method: 'GET',
    path: '/metrics',
    auth: 'admin',
    handler: ({ res }) => {
      const text = prometheusText(fullReport());
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    },
  });

  const httpLog = logger.child({ component: 'http' });
  const httpServer = createServer((req, res) => {
    // One id per request, on every line logged while handling it and in the answer's header.
    // The path only: a query may carry a webhook token.
    const reqId = requestId(req);
    const path = (req.url ?? '/').split('?')[0];
    const log = httpLog.child({ reqId });
    const started = performance.now();
    res.setHeader('x-request-id', reqId);
    res.on('finish', () => {
      const line = { method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (path === '/health') log.debug(line, 'request');
      else log.info(line, 'request');
    });
    router.handle(req, res, log).catch((e: unknown) => {
      log.error({ err: e, method: req.method, path }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: 'The server failed to handle this request' });
      else res.destroy();
    });
  });
  hub.attach(httpServer);
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 8080, host, () => resolve());
    });
  } catch (e) {
    // E.g. the port is taken: release the database before reporting it.
    hub.kill();
    db.sqlite.close();
    throw e;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${urlHost(host)}:${port}`;
  // Says "a server runs on this file" to `restore` (server/backup/server-lock.ts).
  const releaseLock = db.file === ':memory:' ? () => undefined : takeServerLock(db.file, url, clock());
  let backups: BackupSchedule | null = null;
  if (options.backup !== undefined) {
    if (db.file === ':memory:') throw new Error('an in-memory database cannot be backed up');
    backups = startBackupSchedule({ dbFile: db.file, ...options.backup, clock, logger: logger.child({ component: 'backup' }) });
    const schedule = backups;
    health.set('backups', () => schedule.stats());
  }

  // Picks up rows other processes committed (the user CLI) and broadcasts them.
  const pump = setInterval(() => {
    try {
      engine.pumpChanges();
    } catch (e) {
      logger.error({ err: e }, 'change pump failed');
    }
  }, options.pumpIntervalMs ?? 1000);
  pump.unref();
  // An import whose desktop never sent its remaining parts is given up after a day (its held
  // parts refused), and a decided one forgotten after a week: at start, then every 10 minutes.
  const expireImports = (): void => {
    try {
      const r = engine.expireImports();
      if (r.expired > 0) logger.info(r, 'stale imports given up');
    } catch (e) {
      logger.error({ err: e }, 'import expiry failed');
    }
  };
  expireImports();
  const importExpiry = setInterval(expireImports, 10 * 60_000);
  importExpiry.unref();

  let stopped = false;
  const stop = async (graceful: boolean): Promise<void> => {
    if (stopped) return;
    stopped = true;
    clearInterval(pump);
    clearInterval(importExpiry);
    // Sockets first, synchronously: a kill must stop traffic at once, like a dead process.
    if (graceful) hub.close();
    else hub.kill();
    for (const fn of closers) {
      try {
        await fn();
      } catch (e) {
        logger.error({ err: e }, 'close hook failed');
      }
    }
    httpServer.closeAllConnections();
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await backups?.close();
    await checkpoint?.close();
    memory.close();
    db.sqlite.close();
    // A killed server leaves its lock as a dead process would (a stale pid is ignored).
    if (graceful) releaseLock();
  };

  return {
    port,
    url,
    httpServer,
    db,
    engine,
    users,
    hub,
    logger,
    addRoute: (route) => router.addRoute(route),
    routes: () => router.listRoutes(),
    broadcast: (message) => hub.broadcast(message),
    onClientReady: (fn) => hub.onClientReady(fn),
    runMutation: (name, args, actor, at) => engine.runMutation(name, args, actor, at),
    addHealth: (name, report) => health.set(name, report),
    setLastPositionSource: (source) => {
      lastPosition = source;
    },
    positionOf: (driver) => lastPosition(driver),
    setOrderExtras: (extras) => {
      orderExtras = extras;
    },
    onClose: (fn) => closers.push(fn),
    close: () => stop(true),
    kill: () => void stop(false),
  };
}
