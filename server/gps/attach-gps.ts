// Plugs the GPS module into a running server (server/server.ts): the OsmAnd port, the track
// route, a /health section, the positions channel and GET /api/drivers positions.
// Demo mode also binds `sim-<driverId>` devices so the simulator's phones are known.
import type { ServerMessage } from '../../shared/protocol';
import type { MarshrutServer } from '../server';
import { bindSimulatorDevices } from './device-bindings';
import { startGps, type GpsOptions, type GpsService } from './gps-service';

export const DEFAULT_GPS_PORT = 5055;

export interface AttachGpsOptions extends Pick<GpsOptions, 'filter' | 'geofence' | 'positions' | 'flushMs'> {
  /** OsmAnd port; 0 picks a free one (tests). Default 5055. */
  port?: number;
  host?: string;
  clock?: () => number;
  log?: (message: string, error?: unknown) => void;
  /** Bind sim-<driverId> devices for the simulator. */
  demo?: boolean;
}

export interface AttachedGps extends GpsService {
  /** The OsmAnd port actually bound. */
  port: number;
}

export async function attachGps(server: MarshrutServer, opts: AttachGpsOptions = {}): Promise<AttachedGps> {
  const clock = opts.clock ?? Date.now;
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[gps] ${m}`, e ?? ''));
  if (opts.demo === true) bindSimulatorDevices(server.db.sqlite, clock());
  const gps = startGps({
    sqlite: server.db.sqlite,
    clock,
    broadcast: (frame) => server.broadcast(frame),
    runMutation: (name, args, actor, at) => server.runMutation(name, args, actor, at),
    // Every committed change passes here (other processes' too, via the server's pump).
    subscribeOrderChanges: (onChange) => {
      server.engine.onChanges((rows) => {
        if (rows.some((r) => r.table === 'orders')) onChange();
      });
    },
    log,
    ...(opts.filter === undefined ? {} : { filter: opts.filter }),
    ...(opts.geofence === undefined ? {} : { geofence: opts.geofence }),
    ...(opts.positions === undefined ? {} : { positions: opts.positions }),
    ...(opts.flushMs === undefined ? {} : { flushMs: opts.flushMs }),
  });
  gps.mountRoutes(server);
  server.addHealth('gps', () => gps.counters);
  server.setLastPositionSource((driver) => {
    const p = gps.position(driver.id);
    if (p === null) return null;
    return { lat: p.lat, lon: p.lon, headingDeg: p.headingDeg, speedKmh: p.speedKmh, accuracyM: p.accuracyM, battery: p.battery, charging: p.charging, fixAt: p.fixAt };
  });
  server.onClose(() => gps.close());
  sendSnapshotOnConnect(server, () => gps.snapshot());
  const port = await gps.listen(opts.port ?? DEFAULT_GPS_PORT, opts.host);
  return Object.assign(gps, { port });
}

type ReadyHook = (fn: (send: (message: ServerMessage) => void) => void) => void;

/**
 * A desktop that connects gets every driver's position at once, once it is caught up (so
 * its replica holds the driver rows). Uses the server's onClientReady hook when it has one;
 * otherwise watches the hub's sessions (public) every 200 ms and greets each new live one.
 */
function sendSnapshotOnConnect(server: MarshrutServer, snapshot: () => ServerMessage): void {
  const onClientReady = (server as MarshrutServer & { onClientReady?: ReadyHook }).onClientReady;
  if (onClientReady !== undefined) {
    onClientReady((send) => send(snapshot()));
    return;
  }
  const greeted = new WeakSet<object>();
  const timer = setInterval(() => {
    let text: string | null = null;
    for (const session of server.hub.sessions) {
      if (session.state !== 'live' || greeted.has(session)) continue;
      greeted.add(session);
      text ??= JSON.stringify(snapshot());
      session.sendText(text);
    }
  }, 200);
  timer.unref();
  server.onClose(() => clearInterval(timer));
}
