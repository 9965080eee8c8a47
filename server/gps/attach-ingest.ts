// What `npm run server` (and the desktop's demo mode) plug in for field data: the GPS port
// and the courier webhooks, wired together (Traccar-forwarded positions go through GPS).
import type { MarshrutServer } from '../server';
import { attachCouriers, type AttachedCouriers } from '../couriers/attach-couriers';
import { attachGps, DEFAULT_GPS_PORT, type AttachedGps } from './attach-gps';

export interface AttachIngestOptions {
  /** OsmAnd port (default 5055; 0 picks a free one). */
  gpsPort?: number;
  host?: string;
  /** Courier configuration file (default: the shipped one). */
  courierConfigFile?: string;
  /** Binds sim-<driverId> devices and gives providers without a secret the demo secret. */
  demo?: boolean;
}

export async function attachIngest(server: MarshrutServer, opts: AttachIngestOptions = {}): Promise<{ gps: AttachedGps; couriers: AttachedCouriers }> {
  const port = opts.gpsPort ?? DEFAULT_GPS_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--gps-port must be 0-65535, got ${String(opts.gpsPort)}`);
  const gps = await attachGps(server, { port, demo: opts.demo === true, ...(opts.host === undefined ? {} : { host: opts.host }) });
  const couriers = attachCouriers(server, {
    demo: opts.demo === true,
    gps: gps.ingest,
    ...(opts.courierConfigFile === undefined ? {} : { configFile: opts.courierConfigFile }),
  });
  return { gps, couriers };
}
