// bench:scale's outside world in the bench's own process: DRIVERS phones posting an OsmAnd fix
// every FIX seconds on whole seconds (a 1/FIX share of them each second), and a shop posting
// ORDERS_PER_DAY orders a day through POST /api/orders. Every fix the server answers 200 is
// remembered: it is expected at every desktop.
import { osmAndPath } from '../simulator/senders';

/** Orders the bench's shop sends (the fake world's Astana). */
function orderBody(i: number): unknown {
  return {
    externalId: `SCALE-${Date.now()}-${i}`,
    serviceType: 'standard',
    customer: { name: `Покупатель ${i}`, phone: `+7 701 ${String(1_000_000 + i).slice(-7)}` },
    delivery: { address: `ул. Кенесары ${(i % 200) + 1}`, city: 'Астана', lat: 51.16 + (i % 100) / 10_000, lon: 71.43 + (i % 77) / 10_000 },
    cargo: { description: 'Бытовая техника', weightKg: 5, places: 1 },
  };
}

export interface TrafficOptions {
  url: string;
  gpsUrl: string;
  shopToken: string;
  drivers: number;
  fixSeconds: number;
  ordersPerDay: number;
}

export class CompanyTraffic {
  /** `sc-dN@fixAt` of every fix the server answered 200. */
  readonly expected = new Set<string>();
  fixesSent = 0;
  fixesRefused = 0;
  fixErrors = 0;
  ordersSent = 0;
  ordersRefused = 0;
  /** The whole second (s since the epoch) whose phones sent last. */
  lastSecond = -1;
  private sending = true;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly steps: number[];
  private tickTimer: NodeJS.Timeout;
  private readonly shopTimer: NodeJS.Timeout;

  constructor(private readonly o: TrafficOptions) {
    this.steps = new Array<number>(o.drivers).fill(0);
    this.tickTimer = setTimeout(() => this.tick(), 1000 - (Date.now() % 1000));
    this.shopTimer = setInterval(() => this.postOrder(), 86_400_000 / o.ordersPerDay);
  }

  /** The time of the last fixes sent (ms). */
  get lastFixAt(): number {
    return this.lastSecond * 1000;
  }

  /** Stops sending and waits for every request still under way. */
  async stop(): Promise<void> {
    this.sending = false;
    clearTimeout(this.tickTimer);
    clearInterval(this.shopTimer);
    await Promise.all([...this.inFlight]);
  }

  private track(p: Promise<unknown>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  // Phones send on whole seconds, so a desktop measures the latency from the fix's own time
  // without sharing a clock table with us. A timer may fire a hair before the second turns:
  // that second's phones must not send twice (the same fix time with a new position is
  // refused as stale: a receipt that never comes).
  private tick(): void {
    const second = Math.floor(Date.now() / 1000);
    if (this.sending && second > this.lastSecond) {
      this.lastSecond = second;
      const fixAt = second * 1000;
      for (let i = second % this.o.fixSeconds; i < this.o.drivers; i += this.o.fixSeconds) this.postFix(i, fixAt);
    }
    if (this.sending) this.tickTimer = setTimeout(() => this.tick(), 1000 - (Date.now() % 1000));
  }

  private postFix(i: number, fixAt: number): void {
    const step = ++this.steps[i]!;
    // 36 km/h north-east through Astana: 50 m per 5 s, never a jump or a standstill.
    const fix = { deviceId: `sc-phone-${i}`, fixAt, lat: 51.1 + (i % 40) * 0.005 + step * 0.0003, lon: 71.35 + Math.floor(i / 40) * 0.005 + step * 0.0003, speedKmh: 36, headingDeg: 45, accuracyM: 5, battery: 80, charging: false };
    const key = `sc-d${i}@${fixAt}`;
    this.fixesSent++;
    this.track(
      fetch(`${this.o.gpsUrl}${osmAndPath(fix)}`, { method: 'POST' })
        .then(async (r) => {
          await r.arrayBuffer();
          if (r.status === 200) this.expected.add(key);
          else this.fixesRefused++;
        })
        .catch(() => this.fixErrors++),
    );
  }

  private postOrder(): void {
    const body = orderBody(this.ordersSent++);
    this.track(
      fetch(`${this.o.url}/api/orders`, { method: 'POST', headers: { authorization: `Bearer ${this.o.shopToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
        .then(async (r) => {
          await r.arrayBuffer();
          if (r.status !== 201) this.ordersRefused++;
        })
        .catch(() => this.ordersRefused++),
    );
  }
}
