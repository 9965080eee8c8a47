// Predicted-arrival accuracy: replays simulator days (the simulator's own driver model,
// simulator/driver-sim.ts, with an hour-of-day traffic profile on top: slow rush hours, faster
// evenings) for a fleet in Almaty. The first days' GPS tracks teach the speeds (shared/eta
// learnSpeeds, as the server does); on the last day every open order is predicted each minute.
// For each delivered order it reports the median and p90 absolute error of the prediction made
// 60 and 15 minutes before the real arrival, against the straight-line estimate the console
// showed before (distance at the current speed, no stops).
//
//   npx tsx bench/eta.bench.ts [--drivers 20] [--learn-days 3] [--seed 7]
import { DEFAULT_DRIVER_SIM, newSimDriver, stepDriver, type SimDriver } from '../simulator/driver-sim';
import type { FleetOrder } from '../simulator/fleet-api';
import { around } from '../simulator/motion';
import { Rng } from '../shared/demo/prng';
import { FLEET_LOCATOR, learnSpeeds, predictArrival, SpeedTable, stopsThrough, straightLineArrival, type LearnLeg, type TrackPoint, type WorkOrder } from '../shared/eta';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const DRIVERS = arg('drivers', 20);
const LEARN_DAYS = arg('learn-days', 3);
const SEED = arg('seed', 7);
const STEP_MS = 5_000;
const DAY0 = Date.UTC(2026, 2, 2, 3, 0); // 08:00 in Almaty
const WORK_MS = 12 * 3_600_000; // 08:00-20:00
const WAREHOUSE = { lat: 43.2905, lon: 76.853 };

/** Traffic by local hour: rush hours crawl, midday is normal, evenings flow. */
function traffic(at: number): number {
  const h = (new Date(at).getUTCHours() + 5) % 24;
  if (h === 8 || h === 9 || h === 17 || h === 18) return 0.5;
  if (h >= 12 && h <= 14) return 0.8;
  if (h >= 19) return 1.2;
  return 1;
}

type SimOrder = FleetOrder & WorkOrder;
interface Sample {
  at: number;
  predicted: number;
  straight: number;
}

function runDay(day: number, speeds: SpeedTable | null, rng: Rng, tracks: Map<string, TrackPoint[]>, legs: LearnLeg[], samples: Map<string, Sample[]>, arrivals: Map<string, number>): void {
  const start = DAY0 + day * 86_400_000;
  let seq = 0;
  const drivers: Array<{ d: SimDriver; orders: SimOrder[]; legStart: Map<string, number> }> = [];
  const newOrder = (driverId: string, at: number): SimOrder => {
    const dest = around(WAREHOUSE, 9_000, rng);
    const id = `o${day}-${seq++}`;
    return { id, number: id, status: 'at_warehouse', subMark: null, driverId, pickupLat: WAREHOUSE.lat, pickupLon: WAREHOUSE.lon, deliveryLat: dest.lat, deliveryLon: dest.lon, courierProvider: null, courierTrackingNumber: null, statusChangedAt: at, assignedAt: at + seq };
  };
  for (let i = 0; i < DRIVERS; i++) {
    const d = newSimDriver(`d${i}`, 'on_shift', WAREHOUSE, WAREHOUSE, start, rng);
    drivers.push({ d, orders: Array.from({ length: 4 }, () => newOrder(d.id, start)), legStart: new Map() });
  }
  for (let t = start; t < start + WORK_MS; t += STEP_MS) {
    for (const x of drivers) {
      const { d } = x;
      const before = d.task;
      const intents = stepDriver(d, x.orders, { sim: t, real: t, dtSim: STEP_MS }, DEFAULT_DRIVER_SIM, rng);
      if (d.task !== before && d.task.kind === 'drive') d.task.speedKmh *= traffic(t);
      // Leaving the warehouse with an order: the server's geofence marks it in transit.
      if (d.task !== before && d.task.kind === 'drive' && d.task.purpose === 'deliver' && d.task.orderId !== null) {
        const o = x.orders.find((y) => y.id === (d.task as { orderId: string }).orderId);
        if (o !== undefined) {
          o.status = 'in_transit';
          o.statusChangedAt = t;
          x.legStart.set(o.id, t);
        }
      }
      if (d.task !== before && d.task.kind === 'handover') {
        const id = d.task.orderId;
        arrivals.set(id, t);
        const o = x.orders.find((y) => y.id === id);
        const from = x.legStart.get(id);
        if (o !== undefined && from !== undefined) {
          const pts = (tracks.get(d.id) ?? []).filter((p) => p.fixAt >= from && p.fixAt <= t);
          legs.push({ destination: { lat: o.deliveryLat, lon: o.deliveryLon }, points: pts });
        }
      }
      for (const intent of intents) {
        const o = x.orders.find((y) => y.id === intent.order.id);
        if (o !== undefined) o.status = intent.status;
      }
      x.orders = x.orders.filter((o) => o.status === 'in_transit' || o.status === 'at_warehouse');
      while (x.orders.length < 4) x.orders.push(newOrder(d.id, t));
      const track = tracks.get(d.id) ?? [];
      track.push({ fixAt: t, lat: d.pos.lat, lon: d.pos.lon });
      tracks.set(d.id, track);
      if (speeds !== null && (t - start) % 60_000 === 0) {
        for (const o of x.orders) {
          const stops = stopsThrough(x.orders, o.id);
          if (stops === null) continue;
          const p = predictArrival({ now: t, driver: { lat: d.pos.lat, lon: d.pos.lon, fixAt: t }, stops, speeds, locator: FLEET_LOCATOR });
          if (p === null) continue;
          const straight = straightLineArrival(t, { lat: d.pos.lat, lon: d.pos.lon, speedKmh: d.speedKmh }, { lat: o.deliveryLat, lon: o.deliveryLon });
          const list = samples.get(o.id) ?? [];
          list.push({ at: t, predicted: p.at, straight });
          samples.set(o.id, list);
        }
      }
    }
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

const rng = new Rng(SEED);
const legs: LearnLeg[] = [];
const t0 = performance.now();
for (let day = 0; day < LEARN_DAYS; day++) runDay(day, null, rng, new Map(), legs, new Map(), new Map());
const buckets = learnSpeeds(legs, FLEET_LOCATOR);
const speeds = new SpeedTable(buckets);
const samples = new Map<string, Sample[]>();
const arrivals = new Map<string, number>();
runDay(LEARN_DAYS, speeds, rng, new Map(), [], samples, arrivals);

console.log(`eta: ${DRIVERS} drivers, ${LEARN_DAYS} learning days (${legs.length} legs, ${buckets.length} city-hour buckets), 1 evaluation day; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const lead of [60, 15]) {
  const learned: number[] = [];
  const straight: number[] = [];
  for (const [id, arrival] of arrivals) {
    const list = samples.get(id) ?? [];
    let best: Sample | undefined;
    for (const s of list) if (Math.abs(arrival - s.at - lead * 60_000) <= 60_000 && (best === undefined || Math.abs(arrival - s.at - lead * 60_000) < Math.abs(arrival - best.at - lead * 60_000))) best = s;
    if (best === undefined) continue;
    learned.push(Math.abs(best.predicted - arrival) / 60_000);
    straight.push(Math.abs(best.straight - arrival) / 60_000);
  }
  const m = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(1)} min, p90 ${quantile(xs, 0.9).toFixed(1)} min`;
  console.log(`  ${lead} min before arrival (n=${learned.length} of ${arrivals.size} arrivals): predicted ${m(learned)} | straight line ${m(straight)}`);
}
