// Plugs the driver's phone page into a running server (issue 18): the page at /driver, its
// API at /api/driver/*, and a /health section counting sign-ins, refusals and replays.
//   attachDriver(server, { gps: ingest.gps.ingest, publicUrl })   // in server/cli.ts
import { join } from 'node:path';
import type { GpsIngest } from '../gps/gps-ingest';
import type { MarshrutServer } from '../server';
import { repositoryRoot } from '../paths';
import { DriverAccess } from './driver-access';
import { newDriverCounters, type DriverCounters } from './driver-http';
import { driverPageRoutes } from './driver-page-route';
import { DriverRequests } from './driver-requests';
import { driverApiRoutes } from './driver-routes';
import { DriverTasks } from './driver-tasks';
import { DeliveryFiles } from './delivery-files';
import { RateLimiter, type RateLimitConfig } from './rate-limit';

/** Where `npm run build` puts the phone page. */
export const DEFAULT_DRIVER_PAGE_DIR = join(repositoryRoot(), 'out', 'driver');
/** A phone's queue replays a dead zone's marks quickly, but no person taps 240 times a minute. */
export const DEFAULT_DRIVER_RATE: RateLimitConfig = { limit: 240, windowMs: 60_000 };

export interface AttachDriverOptions {
  gps?: GpsIngest | null;
  /** The URL phones reach this server at; sign-in links point there. Default: the server's own URL. */
  publicUrl?: string;
  pageDir?: string;
  rate?: RateLimitConfig;
  clock?: () => number;
}

export interface AttachedDriver {
  access: DriverAccess;
  counters: DriverCounters;
}

export function attachDriver(server: MarshrutServer, opts: AttachDriverOptions = {}): AttachedDriver {
  const clock = opts.clock ?? Date.now;
  const sqlite = server.db.sqlite;
  const access = new DriverAccess(sqlite, clock);
  const counters = newDriverCounters();
  const routes = driverApiRoutes({
    engine: server.engine,
    access,
    tasks: new DriverTasks(sqlite),
    files: new DeliveryFiles(sqlite),
    requests: new DriverRequests(sqlite),
    limiter: new RateLimiter(opts.rate ?? DEFAULT_DRIVER_RATE, clock),
    counters,
    authenticateUser: (token) => server.users.authenticate(token),
    gps: opts.gps ?? null,
    publicUrl: opts.publicUrl ?? server.url,
    clock,
  });
  for (const r of [...routes, ...driverPageRoutes(opts.pageDir ?? DEFAULT_DRIVER_PAGE_DIR)]) server.addRoute(r);
  server.addHealth('driverPhones', () => counters);
  return { access, counters };
}
