// The fleet simulator: N drivers of the server's fleet drive their real orders around the
// demo cities, their phones send OsmAnd fixes to the GPS port, the driver app marks
// hand-overs (generic webhook, provider driver-app), and CDEK reports its parcels (CDEK
// webhook). It talks to the server only as outside parties do (HTTP), and reads the fleet
// with a user token through the read-only REST API.
// startSimulator() runs it in-process too (the desktop's demo mode); stop() ends it.
import { DEMO_WAREHOUSE_SPECS, KZ_CITIES } from '../shared/demo';
import { deriveSeed, Rng } from '../shared/demo/prng';
import type { LatLon } from '../shared/domain/geo';
import { newParcel, nextCdekStatus, type CdekParcel } from './cdek-sim';
import { DEFAULT_DRIVER_SIM, isReporting, newSimDriver, stepDriver, type DriverIntent, type SimDriver } from './driver-sim';
import { FleetApi, type FleetDriver, type FleetOrder } from './fleet-api';
import { jitter } from './motion';
import { sendCdekStatus, sendDriverMark, sendFix } from './senders';

export interface SimulatorOptions {
  /** The server's OsmAnd port, e.g. http://127.0.0.1:5055. */
  gpsUrl: string;
  /** The server's main port (REST API), e.g. http://127.0.0.1:8080. */
  apiUrl: string;
  /** A user token for the read-only REST API (a dispatcher's will do). */
  token: string;
  /** Base of the webhooks, e.g. http://127.0.0.1:8080/integrations. */
  webhookUrl: string;
  /** HMAC secret of the driver-app provider. */
  driverAppSecret: string;
  /** Token of the cdek provider. */
  cdekToken: string;
  drivers: number;
  /** Simulated time per real time; driving is capped so the server never sees > 150 km/h. */
  speedup: number;
  /** Real seconds to run; 0 = until stop(). */
  durationS: number;
  /** Real ms between one phone's fixes. */
  fixEveryMs: number;
  seed: number;
  log: (line: string) => void;
}

export interface SimulatorStats {
  fixesSent: number;
  fixesRefused: number;
  marksSent: number;
  cdekSent: number;
  errors: number;
}

export interface RunningSimulator {
  stats: SimulatorStats;
  /** Resolves when the duration is over (never, with durationS 0, until stop()). */
  done: Promise<void>;
  stop(): Promise<void>;
}

const TICK_MS = 1000;
const ORDERS_REFRESH_MS = 15_000;
const DRIVERS_REFRESH_MS = 60_000;

function homeOf(d: FleetDriver, rng: Rng): LatLon {
  const wh = DEMO_WAREHOUSE_SPECS.find((w) => w.id === d.homeWarehouseId);
  if (wh !== undefined) return { lat: wh.lat, lon: wh.lon };
  const city = rng.pick(KZ_CITIES.slice(0, 2));
  return { lat: city.lat, lon: city.lon };
}

export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const api = new FleetApi(opts.apiUrl, opts.token);
  const rng = new Rng(deriveSeed(opts.seed, 'simulator'));
  const cfg = { ...DEFAULT_DRIVER_SIM, speedup: opts.speedup };
  const stats: SimulatorStats = { fixesSent: 0, fixesRefused: 0, marksSent: 0, cdekSent: 0, errors: 0 };
  let lastErrorLog = 0;
  const fail = (what: string, e: unknown): void => {
    stats.errors++;
    const now = Date.now();
    if (now - lastErrorLog > 30_000) {
      lastErrorLog = now;
      opts.log(`simulator: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  let simNow = Date.now();
  const fleet = (await api.drivers()).sort((a, b) => a.id.localeCompare(b.id)).slice(0, opts.drivers);
  const drivers = new Map<string, SimDriver>();
  for (const d of fleet) {
    const home = homeOf(d, rng);
    const start = d.position ? { lat: d.position.lat, lon: d.position.lon } : home;
    drivers.set(d.id, newSimDriver(d.id, d.shiftState, start, home, simNow, rng));
  }
  let orders: FleetOrder[] = await api.activeOrders();
  const parcels = new Map<string, CdekParcel>();
  const nextFixAt = new Map<string, number>();
  for (const [i, id] of [...drivers.keys()].entries()) nextFixAt.set(id, Date.now() + ((i * opts.fixEveryMs) / Math.max(1, drivers.size)));
  const inFlight = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>): void => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  const syncParcels = (): void => {
    const live = new Set<string>();
    for (const o of orders) {
      if (o.courierProvider !== 'cdek') continue;
      live.add(o.id);
      if (!parcels.has(o.id)) parcels.set(o.id, newParcel(o, simNow, rng));
    }
    for (const id of parcels.keys()) if (!live.has(id)) parcels.delete(id);
  };
  syncParcels();

  const sendMark = (driverId: string, intent: DriverIntent, realNow: number): void => {
    const eventId = `sim-${driverId}-${intent.order.id}-${intent.status}-${realNow}`;
    const mark = intent.status === 'problem'
      ? { eventId, orderNumber: intent.order.number, at: realNow, status: intent.status, reason: intent.reason, comment: 'simulated' }
      : { eventId, orderNumber: intent.order.number, at: realNow, status: intent.status };
    track(
      sendDriverMark(opts.webhookUrl, opts.driverAppSecret, mark).then(
        (status) => (status < 300 ? stats.marksSent++ : fail(`driver mark (HTTP ${status})`, eventId)),
        (e: unknown) => fail('driver mark', e),
      ),
    );
  };

  const tick = (): void => {
    const realNow = Date.now();
    const dtSim = TICK_MS * opts.speedup;
    simNow += dtSim;
    const byDriver = new Map<string, FleetOrder[]>();
    for (const o of orders) if (o.driverId !== null) byDriver.set(o.driverId, [...(byDriver.get(o.driverId) ?? []), o]);
    for (const d of drivers.values()) {
      for (const intent of stepDriver(d, byDriver.get(d.id) ?? [], { sim: simNow, real: realNow, dtSim }, cfg, rng)) sendMark(d.id, intent, realNow);
      const due = nextFixAt.get(d.id) ?? 0;
      if (!isReporting(d) || realNow < due) continue;
      nextFixAt.set(d.id, due + opts.fixEveryMs);
      if (d.battery > 5) d.battery -= 0.02;
      const pos = jitter(d.pos, 4, rng);
      const fix = {
        deviceId: d.deviceId,
        fixAt: realNow,
        lat: pos.lat,
        lon: pos.lon,
        // What the server sees: sim speed times speedup (capped by driveTo below the jump filter).
        speedKmh: d.speedKmh * opts.speedup,
        headingDeg: d.headingDeg,
        accuracyM: rng.chance(0.85) ? 0 : rng.int(6, 25),
        battery: d.battery,
        charging: false,
      };
      track(
        sendFix(opts.gpsUrl, fix).then(
          (status) => (status === 200 ? stats.fixesSent++ : stats.fixesRefused++),
          (e: unknown) => fail('GPS fix', e),
        ),
      );
    }
    for (const p of parcels.values()) {
      const next = nextCdekStatus(p, simNow, rng);
      if (next === null) continue;
      const city = rng.pick(KZ_CITIES.slice(0, 4)).name;
      const status = { orderId: p.order.id, orderNumber: p.order.number, cdekNumber: p.order.courierTrackingNumber ?? `10${p.order.number.replace(/\D/g, '')}`, at: realNow, cityName: city, ...next };
      track(
        sendCdekStatus(opts.webhookUrl, opts.cdekToken, status).then(
          (code) => (code < 300 ? stats.cdekSent++ : fail(`CDEK webhook (HTTP ${code})`, status.code)),
          (e: unknown) => fail('CDEK webhook', e),
        ),
      );
    }
  };

  const refreshOrders = (): void => {
    track(
      api.activeOrders().then(
        (o) => {
          orders = o;
          const ids = new Set(o.map((x) => x.id));
          for (const d of drivers.values()) for (const id of d.done) if (!ids.has(id)) d.done.delete(id);
          syncParcels();
        },
        (e: unknown) => fail('order refresh', e),
      ),
    );
  };
  const refreshDrivers = (): void => {
    track(
      api.drivers().then(
        (list) => {
          for (const f of list) {
            const d = drivers.get(f.id);
            if (d !== undefined) d.shift = f.shiftState;
          }
        },
        (e: unknown) => fail('driver refresh', e),
      ),
    );
  };

  const timers = [setInterval(tick, TICK_MS), setInterval(refreshOrders, ORDERS_REFRESH_MS), setInterval(refreshDrivers, DRIVERS_REFRESH_MS)];
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return done;
    stopped = true;
    for (const t of timers) clearInterval(t);
    clearTimeout(durationTimer);
    await Promise.allSettled([...inFlight]);
    finish();
  };
  const durationTimer = opts.durationS > 0 ? setTimeout(() => void stop(), opts.durationS * 1000) : setTimeout(() => undefined, 0);
  opts.log(`simulator: ${drivers.size} drivers (${[...drivers.values()].filter(isReporting).length} reporting), ${orders.length} active orders, ${parcels.size} CDEK parcels, speedup ${opts.speedup}`);
  return { stats, done, stop };
}
