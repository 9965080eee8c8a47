// Plugs the GPS module into a running server (server/server.ts): the OsmAnd port, the track
// route, a /health section, the positions channel and GET /api/drivers positions.
// Demo mode also binds `sim-<driverId>` devices so the simulator's phones are known.
import type { MarshrutServer } from '../server';
import { bindSimulatorDevices } from './device-bindings';
import { startGps, type GpsOptions, type GpsService } from './gps-service';

export const DEFAULT_GPS_PORT = 5055;
/** `npm run server`'s GPS bind address: all interfaces, since drivers' phones must reach it. */
export const DEFAULT_GPS_HOST = '0.0.0.0';

export interface AttachGpsOptions extends Pick<GpsOptions, 'filter' | 'geofence' | 'positions' | 'flushMs' | 'maxUnknownDevices' | 'rateLimit'> {
  /** OsmAnd port; 0 picks a free one (tests). Default 5055. */
  port?: number;
  host?: string;
  clock?: () => number;
  /** Bind sim-<driverId> devices for the simulator. */
  demo?: boolean;
}

export interface AttachedGps extends GpsService {
  /** The OsmAnd port actually bound. */
  port: number;
}

export async function attachGps(server: MarshrutServer, opts: AttachGpsOptions = {}): Promise<AttachedGps> {
  const clock = opts.clock ?? Date.now;
  const log = server.logger.child({ component: 'gps' });
  if (opts.demo === true) bindSimulatorDevices(server.db.sqlite, clock());
  const gps = startGps({
    sqlite: server.db.sqlite,
    clock,
    broadcast: (frame) => server.broadcast(frame),
    runMutation: (name, args, actor, at) => server.runMutation(name, args, actor, at),
    // Every committed change passes here (other processes' too, via the server's pump).
    subscribeOrderChanges: (onChange) => {
      server.engine.onChanges((rows) => {
        const orders = rows.flatMap((r) => (r.table === 'orders' ? [{ id: r.id, driverId: typeof r.row?.['driverId'] === 'string' ? r.row['driverId'] : null }] : []));
        if (orders.length > 0) onChange(orders);
      });
    },
    log,
    ...(opts.filter === undefined ? {} : { filter: opts.filter }),
    ...(opts.geofence === undefined ? {} : { geofence: opts.geofence }),
    ...(opts.positions === undefined ? {} : { positions: opts.positions }),
    ...(opts.flushMs === undefined ? {} : { flushMs: opts.flushMs }),
    ...(opts.maxUnknownDevices === undefined ? {} : { maxUnknownDevices: opts.maxUnknownDevices }),
    ...(opts.rateLimit === undefined ? {} : { rateLimit: opts.rateLimit }),
  });
  const routes = gps.mountRoutes(server);
  server.addHealth('gpsDevices', () => routes.devices.snapshot());
  server.addHealth('gps', () => ({ ...gps.counters, unknownDevicesListed: gps.unknownListed() }));
  server.setLastPositionSource((driver) => {
    const p = gps.position(driver.id);
    if (p === null) return null;
    return { lat: p.lat, lon: p.lon, headingDeg: p.headingDeg, speedKmh: p.speedKmh, accuracyM: p.accuracyM, battery: p.battery, charging: p.charging, fixAt: p.fixAt };
  });
  server.onClose(() => gps.close());
  // A desktop gets every driver's position once caught up (its replica then holds the drivers).
  server.onClientReady((send) => send(gps.snapshot()));
  const port = await gps.listen(opts.port ?? DEFAULT_GPS_PORT, opts.host);
  return Object.assign(gps, { port });
}
