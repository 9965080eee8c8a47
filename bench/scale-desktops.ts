// A batch of bench:scale's desktops in their own process (live protocol clients): each
// counts fix receipts and their latency from the phone's fix time (phones send on whole
// seconds, so fixAt is the send time to the second's start), and order receipts.
// Usage: tsx bench/scale-desktops.ts URL CURSOR FIRST COUNT TOKEN,TOKEN...; prints
// {"live":N} once every desktop is caught up, then on a "report" line on stdin
// {"hist":{ms:count...},"receipts":N,"orders":N,"closed":[codes]} and exits.
import WebSocket from 'ws';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../shared/protocol';

async function main(): Promise<void> {
  const [url, cursor, first, count, tokens] = process.argv.slice(2);
  if (url === undefined || cursor === undefined || first === undefined || count === undefined || tokens === undefined) throw new Error('usage');
  const keys = tokens.split(',');
  const hist = new Map<number, number>();
  let receipts = 0;
  let orders = 0;
  const closed: number[] = [];
  const sockets: WebSocket[] = [];
  await Promise.all(
    Array.from({ length: Number(count) }, async (_, k) => {
      const d = Number(first) + k;
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
              const ms = Math.max(0, now - p.fixAt);
              hist.set(ms, (hist.get(ms) ?? 0) + 1);
              receipts++;
            }
          } else if (m.type === 'changes') {
            for (const r of m.rows ?? []) if (r.table === 'orders') orders++;
          }
        });
        ws.on('close', (code) => closed.push(code));
        ws.send(JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, clientId: `scale-desk-${d}`, cursor: Number(cursor), lastAckedMid: 0, historyDays: 30 }));
      });
    }),
  );
  process.stdout.write(`${JSON.stringify({ live: sockets.length })}\n`);
  process.stdin.on('data', (d) => {
    if (!String(d).includes('report')) return;
    process.stdout.write(`${JSON.stringify({ hist: Object.fromEntries(hist), receipts, orders, closed })}\n`);
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
