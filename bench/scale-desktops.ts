// A batch of bench:scale's desktops in their own process (live protocol clients). Every fix
// receipt is counted under its fix (driver and fix time), so the bench can account for each
// expected receipt: arrived, never sent by the server, or missing at a desktop that was
// closed or had not received it when the drain ended. Latency is from the phone's fix time
// (phones send on whole seconds, so fixAt is the send time to the second's start), kept per
// fix time so the bench can split it by phase.
// Usage: tsx bench/scale-desktops.ts URL CURSOR FIRST COUNT TOKEN,TOKEN...; prints
// {"live":N} once every desktop is caught up. Commands on stdin, one a line:
//   "count I" -> {"count":N,"id":I} (fix receipts so far: the bench drains until this stops
//               growing; I matches the answer to the question, as it is asked many times)
//   "report I" -> {"report":{...},"id":I} (see DesktopsReport); the bench kills the process.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../shared/protocol';
import { LOOP_RESOLUTION_MS, loopDelayMs } from './scale-accounting';

/** Latencies are kept in buckets this wide (ms): quantiles to 5 ms are plenty at 100s of ms. */
export const LATENCY_BUCKET_MS = 5;

export interface DesktopsReport {
  /** `${driverId}@${fixAt}` -> how many of this process's desktops received that fix. */
  fixes: Record<string, number>;
  /** fixAt -> (latency bucket start in ms -> receipts). */
  hist: Record<string, Record<string, number>>;
  /** Fix receipts per desktop, in the batch's order. */
  perDesktop: number[];
  /** Close codes per desktop (null: still open when the report was asked). */
  closed: (number | null)[];
  /** Receipts whose fix time was not after the last one this desktop had for that driver. */
  outOfOrder: number;
  orders: number;
  eventLoopDelay: { p50: number; p99: number; max: number };
}

async function main(): Promise<void> {
  const [url, cursor, first, count, tokens] = process.argv.slice(2);
  if (url === undefined || cursor === undefined || first === undefined || count === undefined || tokens === undefined) throw new Error('usage');
  const keys = tokens.split(',');
  const fixes = new Map<string, number>();
  const hist = new Map<number, Map<number, number>>();
  const perDesktop = new Array<number>(Number(count)).fill(0);
  const closed = new Array<number | null>(Number(count)).fill(null);
  let total = 0;
  let outOfOrder = 0;
  let orders = 0;
  const lag = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const sockets: WebSocket[] = [];
  await Promise.all(
    Array.from({ length: Number(count) }, async (_, k) => {
      const d = Number(first) + k;
      const lastFix = new Map<string, number>();
      const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/sync`, { headers: { authorization: `Bearer ${keys[d % keys.length] as string}` } });
      sockets.push(ws);
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      await new Promise<void>((resolve) => {
        ws.on('message', (data: Buffer) => {
          const now = Date.now();
          const m = JSON.parse(data.toString('utf8')) as { type: string; drivers?: { driverId: string; fixAt: number }[]; rows?: { table: string }[] };
          if (m.type === 'caught-up') resolve();
          else if (m.type === 'positions') {
            for (const p of m.drivers ?? []) {
              if (!p.driverId.startsWith('sc-d')) continue;
              const key = `${p.driverId}@${p.fixAt}`;
              fixes.set(key, (fixes.get(key) ?? 0) + 1);
              let byMs = hist.get(p.fixAt);
              if (byMs === undefined) hist.set(p.fixAt, (byMs = new Map()));
              const bucket = Math.floor(Math.max(0, now - p.fixAt) / LATENCY_BUCKET_MS) * LATENCY_BUCKET_MS;
              byMs.set(bucket, (byMs.get(bucket) ?? 0) + 1);
              if (p.fixAt <= (lastFix.get(p.driverId) ?? -Infinity)) outOfOrder++;
              lastFix.set(p.driverId, p.fixAt);
              perDesktop[k]!++;
              total++;
            }
          } else if (m.type === 'changes') {
            for (const r of m.rows ?? []) if (r.table === 'orders') orders++;
          }
        });
        ws.on('close', (code) => (closed[k] = code));
        ws.send(JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId: `scale-desk-${d}`, cursor: Number(cursor), lastAckedMid: 0, historyDays: 30 }));
      });
    }),
  );
  lag.enable();
  process.stdout.write(`${JSON.stringify({ live: sockets.length })}\n`);
  process.stdin.on('data', (d) => {
    const text = String(d);
    const countId = /count (\d+)/.exec(text)?.[1];
    if (countId !== undefined) process.stdout.write(`${JSON.stringify({ count: total, id: Number(countId) })}\n`);
    const reportId = /report (\d+)/.exec(text)?.[1];
    if (reportId === undefined) return;
    const report: DesktopsReport = {
      fixes: Object.fromEntries(fixes),
      hist: Object.fromEntries([...hist].map(([at, byMs]) => [String(at), Object.fromEntries(byMs)])),
      perDesktop,
      closed,
      outOfOrder,
      orders,
      eventLoopDelay: { p50: loopDelayMs(lag.percentile(50)), p99: loopDelayMs(lag.percentile(99)), max: loopDelayMs(lag.max) },
    };
    process.stdout.write(`${JSON.stringify({ report, id: Number(reportId) })}\n`);
    lag.reset(); // each report's delay is since the last one: the bench asks once per phase
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
