// Multi-part imports on the wire (raw pushes, a real server): parts are held and acknowledged
// 'held', the last applies them all at once, replays change nothing, and hostile parts (unknown
// or another user's import, an index out of range, a changed part count or part, oversize, a
// flood of open imports, a malformed envelope) are refused and counted; a stale import expires.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import { IMPORT_BATCH_LIMITS } from '../../shared/order-import/import-batch';
import type { Mutation } from '../../shared/protocol';
import { connectTestClient, type TestClient } from '../testing/ws-test-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let t: TestServer;
let now = T0 + 1_000;
const clients: TestClient[] = [];

beforeEach(async () => {
  now = Date.now();
  t = await startTestServer({ clock: () => now });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await t.stop();
});

async function live(user: string, clientId: string): Promise<TestClient> {
  const c = await connectTestClient(t.server.url, t.tokens[user] as string);
  clients.push(c);
  c.hello({ clientId, cursor: 0 });
  await c.next('caught-up');
  return c;
}

const { number: _n, ...base } = ORDER_ARGS as typeof ORDER_ARGS & { number?: string };
const ID = 'a6b7c8d9-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const ID2 = 'b6b7c8d9-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
const part = (mid: number, p: number, parts: number, ids: string[], importId = ID, over: Record<string, unknown> = {}): Mutation => ({
  mid,
  name: 'importOrders',
  args: { rows: ids.map((externalId) => ({ ...base, externalId, ...over })), batch: { importId, part: p, parts, sourceRows: ids.map((_, i) => 2 + i + p * 100) } },
  at: T0 + mid,
});
const count = (sql: string): number => (t.server.db.sqlite.prepare(sql).get() as { n: number }).n;
const imported = () => count("SELECT count(*) AS n FROM orders WHERE external_source = 'file-import'");
const held = () => count('SELECT count(*) AS n FROM import_batch_parts');
const counters = () => t.server.engine.imports.counters.snapshot();

describe('an import in parts on the server', () => {
  it('holds parts, applies them all with the last, and answers replays without doing anything twice', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    a.send({ type: 'push', mutations: [part(1, 0, 3, ['A1', 'A2']), part(2, 1, 3, ['B1'])] });
    expect(await a.next('ack', (m) => m.mid === 1)).toMatchObject({ result: 'held' });
    expect(await a.next('ack', (m) => m.mid === 2)).toMatchObject({ result: 'held' });
    expect(imported()).toBe(0);
    expect(held()).toBe(2);
    // The same mids again (the ack was lost): re-acknowledged 'held', held once.
    a.send({ type: 'push', mutations: [part(1, 0, 3, ['A1', 'A2']), part(2, 1, 3, ['B1'])] });
    expect(await a.next('ack', (m) => m.mid === 2 && a.messages.filter((x) => x.type === 'ack' && x.mid === 2).length === 2)).toMatchObject({ result: 'held' });
    expect(held()).toBe(2);
    a.send({ type: 'push', mutations: [part(3, 2, 3, ['C1'])] });
    expect(await a.next('ack', (m) => m.mid === 3)).toMatchObject({ result: 'applied' });
    expect(imported()).toBe(4);
    expect(held()).toBe(0);
    // Re-acks of the earlier parts now say applied.
    a.send({ type: 'push', mutations: [part(1, 0, 3, ['A1', 'A2'])] });
    expect(await a.next('ack', (m) => m.mid === 1 && m.result !== 'held')).toMatchObject({ result: 'applied' });
    // The whole file again under another client id (a rekeyed desktop): answered, nothing doubles.
    const b = await live('u-dispatcher', 'desk-a2');
    b.send({ type: 'push', mutations: [part(1, 0, 3, ['A1', 'A2']), part(2, 1, 3, ['B1']), part(3, 2, 3, ['C1'])] });
    expect(await b.next('ack', (m) => m.mid === 3)).toMatchObject({ result: 'applied' });
    expect(imported()).toBe(4);
    expect(counters()).toMatchObject({ committed: 1, ordersCommitted: 4, refused: 0 });
  });

  it('a part changed in flight, or a new part count, refuses the whole import; earlier parts are then re-acknowledged rejected', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    a.send({ type: 'push', mutations: [part(1, 0, 3, ['A1']), part(2, 1, 4, ['B1'])] });
    expect(await a.next('ack', (m) => m.mid === 2)).toMatchObject({ result: 'rejected', error: { code: 'import_parts_changed', details: { expectedParts: 3 } } });
    a.send({ type: 'push', mutations: [part(1, 0, 3, ['A1'])] });
    expect(await a.next('ack', (m) => m.mid === 1 && m.result !== 'held')).toMatchObject({ result: 'rejected', error: { code: 'import_parts_changed' } });
    // Later parts of the refused import are refused with the same reason; nothing was applied.
    a.send({ type: 'push', mutations: [part(3, 2, 3, ['C1'])] });
    expect(await a.next('ack', (m) => m.mid === 3)).toMatchObject({ result: 'rejected', error: { code: 'import_parts_changed' } });
    expect(imported()).toBe(0);
    expect(held()).toBe(0);

    a.send({ type: 'push', mutations: [part(4, 0, 2, ['D1'], ID2), { ...part(5, 0, 2, ['D2'], ID2), mid: 5 }] });
    expect(await a.next('ack', (m) => m.mid === 5)).toMatchObject({ result: 'rejected', error: { code: 'import_part_changed' } });
    expect(imported()).toBe(0);
  });

  it('hostile parts are refused with a reason and counted: unknown, out of range, oversize, another user, malformed, a flood', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    const ids = ['c1c2c3c4-0e1f-4a2b-8c3d-4e5f6a7b8c9d', 'd1c2c3c4-0e1f-4a2b-8c3d-4e5f6a7b8c9d', 'e1c2c3c4-0e1f-4a2b-8c3d-4e5f6a7b8c9d', 'f1c2c3c4-0e1f-4a2b-8c3d-4e5f6a7b8c9d'];
    const long = 'x'.repeat(2000);
    a.send({
      type: 'push',
      mutations: [
        part(1, 1, 3, ['U1']),
        part(2, 3, 3, ['R1']),
        { mid: 3, name: 'importOrders', args: { rows: [{ ...base, externalId: 'M1' }], batch: { importId: '__proto__', part: 0, parts: 2 } }, at: T0 },
        part(4, 0, 2, ['O1'], ids[0]),
        part(5, 0, 2, ['O2'], ids[1]),
        part(6, 0, 2, ['O3'], ids[2]),
        part(7, 0, 2, ['O4'], ids[3]),
      ],
    });
    expect(await a.next('ack', (m) => m.mid === 1)).toMatchObject({ result: 'rejected', error: { code: 'import_unknown' } });
    expect(await a.next('ack', (m) => m.mid === 2)).toMatchObject({ result: 'rejected', error: { code: 'import_part_out_of_range' } });
    expect(await a.next('ack', (m) => m.mid === 3)).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field: 'batch.importId' } } });
    expect(await a.next('ack', (m) => m.mid === 6)).toMatchObject({ result: 'held' });
    expect(await a.next('ack', (m) => m.mid === 7)).toMatchObject({ result: 'rejected', error: { code: 'import_flood' } });
    // Another user cannot add to (or learn about) my import.
    const b = await live('u-dispatcher2', 'desk-b');
    b.send({ type: 'push', mutations: [part(1, 1, 2, ['X1'], ids[0])] });
    expect(await b.next('ack', (m) => m.mid === 1)).toMatchObject({ result: 'rejected', error: { code: 'import_unknown' } });
    // 200 rows of 2,000-character descriptions: over the part's character limit.
    const big = part(1, 0, 2, Array.from({ length: 200 }, (_, i) => `G${i}`), '0a0b0c0d-0e1f-4a2b-8c3d-4e5f6a7b8c9d', { cargoDescription: long });
    expect(JSON.stringify(big.args).length).toBeGreaterThan(IMPORT_BATCH_LIMITS.maxPartChars);
    b.send({ type: 'push', mutations: [{ ...big, mid: 2 }] });
    expect(await b.next('ack', (m) => m.mid === 2)).toMatchObject({ result: 'rejected', error: { code: 'import_part_too_large' } });
    expect(imported()).toBe(0);
    expect(counters()).toMatchObject({
      refusedByCode: { import_unknown: 2, import_part_out_of_range: 1, bad_args: 1, import_flood: 1, import_part_too_large: 1 },
    });
    const health = await fetch(`${t.server.url}/health`, { headers: { Authorization: `Bearer ${t.tokens['u-admin'] as string}` } });
    expect(((await health.json()) as { orderImports: { refused: number } }).orderImports.refused).toBe(6);
  });

  it('an import waiting a day for its last part expires: its held parts are refused, a late part too', async () => {
    const a = await live('u-dispatcher', 'desk-a');
    a.send({ type: 'push', mutations: [part(1, 0, 2, ['A1'])] });
    expect(await a.next('ack', (m) => m.mid === 1)).toMatchObject({ result: 'held' });
    now += IMPORT_BATCH_LIMITS.expireAfterMs - 1;
    expect(t.server.engine.expireImports()).toEqual({ expired: 0, forgotten: 0 });
    now += 1;
    expect(t.server.engine.expireImports()).toEqual({ expired: 1, forgotten: 0 });
    expect(held()).toBe(0);
    a.send({ type: 'push', mutations: [part(1, 0, 2, ['A1']), part(2, 1, 2, ['B1'])] });
    expect(await a.next('ack', (m) => m.mid === 1 && m.result !== 'held')).toMatchObject({ result: 'rejected', error: { code: 'import_expired' } });
    expect(await a.next('ack', (m) => m.mid === 2)).toMatchObject({ result: 'rejected', error: { code: 'import_expired' } });
    expect(imported()).toBe(0);
    now += IMPORT_BATCH_LIMITS.rememberMs;
    expect(t.server.engine.expireImports()).toEqual({ expired: 0, forgotten: 1 });
  });
});
