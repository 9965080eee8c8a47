// The GPS module as the server starts it: OsmAnd port, filter, positions channel, track
// batches, geofences, and the track route on the main API. The host (server/server.ts)
// supplies its edges: the database, the clock, broadcast to desktops, and the mutator path.
import type { Counters } from '../http/request-guards';
import { mountDevicesRoute } from './devices-route';
import type { Logger } from '../../platform/log/logger';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type Database from 'better-sqlite3';
import type { Positions } from '../../shared/protocol';
import type { Router } from '../http/router';
import { DEFAULT_FILTER_CONFIG, type FilterConfig } from './fix-filter';
import { DEFAULT_GEOFENCE_CONFIG, type GeofenceConfig } from './geofence-machine';
import { GeofenceRunner, type ChangedOrder, type RunMutation } from './geofence-runner';
import { newGpsCounters, type GpsCounters } from './gps-counters';
import { createGpsHttpServer } from './gps-http';
import { GpsIngest } from './gps-ingest';
import { GpsStore } from './gps-store';
import { DEFAULT_POSITIONS_CONFIG, PositionsHub, type PositionsHubConfig } from './positions-hub';
import { mountTrackRoute } from './track-route';
import { DEFAULT_RATE_LIMIT, SourceRateLimiter, type RateLimitConfig } from './source-rate-limit';

export interface GpsOptions {
  sqlite: Database.Database;
  clock: () => number;
  /** Sends a positions frame to every connected desktop. */
  broadcast: (frame: Positions) => void;
  runMutation: RunMutation;
  /**
   * Lets GPS hear about order changes (to cache each driver's watched orders); without it
   * the geofences query the driver's orders for every fix.
   */
  subscribeOrderChanges?: (onChange: (orders: readonly ChangedOrder[]) => void) => void;
  log: Logger;
  /** Cap of the unknown-devices list (default MAX_UNKNOWN_DEVICES). */
  maxUnknownDevices?: number;
  /** Requests per source address on the OsmAnd port; null: no limit (benchmarks). */
  rateLimit?: RateLimitConfig | null;
  filter?: Partial<FilterConfig>;
  geofence?: Partial<GeofenceConfig>;
  positions?: Partial<PositionsHubConfig>;
  /**
   * How often queued track rows and positions are written (ms). Short, so each write is small:
   * it runs on the event loop, and a long one would delay positions frames.
   */
  flushMs?: number;
}

export interface GpsService {
  readonly ingest: GpsIngest;
  readonly counters: GpsCounters;
  /** The full positions frame a desktop gets when it connects. */
  snapshot(): Positions;
  /** Devices in the unknown-devices list now. */
  unknownListed(): number;
  /** Latest position of one driver (REST /api/drivers uses it). */
  position(driverId: string): ReturnType<PositionsHub['get']>;
  /** Mounts GET /api/drivers/:id/track and the admin's device routes on the main API router. */
  mountRoutes(router: Pick<Router, 'addRoute'>): { devices: Counters };
  /** Opens the OsmAnd port; resolves to the port actually bound (0 picks a free one). */
  listen(port: number, host?: string): Promise<number>;
  /** Writes everything queued now, latest positions included. */
  flush(): void;
  /** Stops timers and the port, and writes what is queued. */
  close(): Promise<void>;
}

export function startGps(opts: GpsOptions): GpsService {
  const filterCfg = { ...DEFAULT_FILTER_CONFIG, ...opts.filter };
  const fenceCfg = { ...DEFAULT_GEOFENCE_CONFIG, ...opts.geofence };
  const posCfg = { ...DEFAULT_POSITIONS_CONFIG, ...opts.positions };
  const counters = newGpsCounters();
  const store = new GpsStore(opts.sqlite, {
    ...(opts.maxUnknownDevices === undefined ? {} : { maxUnknownDevices: opts.maxUnknownDevices }),
    onUnknownDropped: (n) => {
      counters.unknownDevicesDropped += n;
    },
  });
  const hub = new PositionsHub(
    posCfg,
    (frame) => {
      counters.positionFrames++;
      opts.broadcast(frame);
    },
    opts.clock,
  );
  const fences = new GeofenceRunner(opts.sqlite, fenceCfg, opts.runMutation, counters, opts.log, opts.subscribeOrderChanges !== undefined);
  opts.subscribeOrderChanges?.((orders) => fences.ordersChanged(orders));
  const ingest = new GpsIngest(store, hub, fences, counters, filterCfg);
  ingest.restore(store.loadPositions(), opts.clock());
  hub.start();

  const write = (force: boolean): void => {
    try {
      counters.trackRowsWritten += store.flush(force);
    } catch (e) {
      opts.log.error({ err: e }, 'GPS batch write failed; kept for the next flush');
    }
  };
  const flushTimer = setInterval(() => write(false), opts.flushMs ?? 250);
  flushTimer.unref();

  let http: Server | null = null;

  return {
    ingest,
    counters,
    snapshot: () => hub.snapshot(opts.clock()),
    unknownListed: () => store.unknownListed(),
    position: (driverId) => hub.get(driverId, opts.clock()),
    mountRoutes: (router) => {
      mountTrackRoute(router, opts.sqlite, () => write(false), opts.clock);
      const devices = mountDevicesRoute(router, { sqlite: opts.sqlite, flush: () => write(false), bindingsChanged: () => store.reloadBindings(opts.clock()), clock: opts.clock });
      return { devices: devices.counters };
    },
    flush: () => write(true),
    listen(port, host) {
      const limiter = opts.rateLimit === null ? null : new SourceRateLimiter({ ...DEFAULT_RATE_LIMIT, ...opts.rateLimit });
      const server = createGpsHttpServer({ ingest, store, counters, clock: opts.clock, limiter });
      http = server;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    async close() {
      clearInterval(flushTimer);
      hub.stop();
      const server = http;
      http = null;
      if (server !== null) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      write(true);
    },
  };
}
