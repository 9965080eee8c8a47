import Database from 'better-sqlite3';
import { SYNCED_TABLE_KEYS } from '../shared/schema';
import { parseInbound as parseServerMessage } from '../main/sync/parse-inbound';
import { openReplica } from '../main/db/open-replica';
import { createRowStore } from '../main/sync/row-codec';
import { openSyncStore } from '../main/sync/sync-store';
import { applyServerBatch, newInboundSession, type InboundFrame } from '../main/sync/apply-frames';
import { testDir, startTestServer, seedServer, makeOrder } from '../e2e/sync/harness';
async function main() {
  const dir = testDir();
  const file = dir.file('server.db');
  const server = await startTestServer(file);
  seedServer(server, 0);
  server.engine.writeRows((tx) => { for (let i = 0; i < 20000; i++) tx.put('orders', { ...makeOrder(1_000_000 + i), cargoDescription: `Груз ${i}` }); });
  await server.close();
  const src = new Database(file, { readonly: true });
  const rs = createRowStore(src);
  const rows: { seq: number; table: string; id: string; row: unknown }[] = [];
  let seq = 0;
  for (const t of SYNCED_TABLE_KEYS) for (const id of rs.allIds(t)) rows.push({ seq: ++seq, table: t, id, row: rs.get(t, id) });
  const texts: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) texts.push(JSON.stringify({ type: 'changes', rows: rows.slice(i, i + 1000), cursor: Math.min(i + 1000, rows.length) }));
  // raw
  const raw = openReplica(dir.file('raw.db'));
  const cols = src.prepare('SELECT * FROM orders LIMIT 0').columns().map((c) => c.name);
  const data = src.prepare('SELECT * FROM orders').raw(true).all() as unknown[][];
  const st = raw.sqlite.prepare(`INSERT INTO orders (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')}) ON CONFLICT(id) DO UPDATE SET ${cols.filter(c=>c!=='id').map(c=>`${c}=excluded.${c}`).join(',')} WHERE excluded.version > orders.version`);
  let t = performance.now();
  raw.sqlite.transaction(() => { for (const r of data) st.run(r); })();
  console.log('raw one tx', (performance.now() - t).toFixed(0));
  const raw2 = openReplica(dir.file('raw2.db'));
  const st2 = raw2.sqlite.prepare(`INSERT INTO orders (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')}) ON CONFLICT(id) DO UPDATE SET ${cols.filter(c=>c!=='id').map(c=>`${c}=excluded.${c}`).join(',')} WHERE excluded.version > orders.version`);
  t = performance.now();
  for (let i = 0; i < data.length; i += 1000) raw2.sqlite.transaction(() => { for (const r of data.slice(i, i + 1000)) st2.run(r); })();
  console.log('raw tx per 1000', (performance.now() - t).toFixed(0));
  const rep = openReplica(dir.file('client.db'));
  const store = openSyncStore(rep.sqlite, { mintClientId: () => 'x' });
  const session = newInboundSession('x');
  let tParse = 0, tApply = 0;
  for (const text of texts) {
    let a = performance.now();
    const p = parseServerMessage(text);
    tParse += performance.now() - a;
    if (!p.ok) throw new Error(p.message);
    a = performance.now();
    applyServerBatch(store, session, [p.message as InboundFrame], null, 0);
    tApply += performance.now() - a;
  }
  console.log('client parse', tParse.toFixed(0), 'apply', tApply.toFixed(0), 'rows', rows.length);
  let a = performance.now(); for (const text of texts) JSON.parse(text); console.log('JSON.parse only', (performance.now()-a).toFixed(0));
  dir.cleanup();
}
void main();
