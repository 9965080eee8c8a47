// The phone API on a real server (temp SQLite file, port 0): sign-in by one-time link, tasks,
// marks through the mutators exactly once, proofs, files, shift, browser positions, and the
// hostile cases next to the happy ones: wrong/expired/used/revoked tokens, another driver's
// orders, oversize and disguised files, replays, floods.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_ARGS, T0 } from '../../shared/testing/fake-world';
import type { DriverTasksView } from '../../shared/driver-phone/driver-wire';
import type { OrderRow } from '../../shared/schema';
import { attachGps, type AttachedGps } from '../gps/attach-gps';
import { startTestServer, type TestServer } from '../testing/test-server';
import { worldOrders } from '../testing/world-orders';
import { LINK_TTL_MS } from './driver-access';
import { attachDriver, type AttachedDriver } from './attach-driver';

let now = T0;
let ts: TestServer;
const { runAs, order, orderAt } = worldOrders(() => ts.server, () => now);
let driver: AttachedDriver;
let gps: AttachedGps;
let keyN = 0;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

beforeEach(async () => {
  now = T0;
  ts = await startTestServer({ clock: () => now });
  gps = await attachGps(ts.server, { port: 0, host: '127.0.0.1', clock: () => now, positions: { flushDelayMs: 5 } });
  driver = attachDriver(ts.server, { gps: gps.ingest, clock: () => now, rate: { limit: 30, windowMs: 60_000 }, publicUrl: 'https://marshrut.example/' });
});

afterEach(async () => {
  await ts.stop();
});

/** Order `number` assigned to `driverId`, walked to in_transit (or at_warehouse). */
function assigned(number: string, driverId: string, status: 'at_warehouse' | 'in_transit' = 'in_transit'): OrderRow {
  return orderAt(number, status, { driverId });
}

async function call(method: string, path: string, opts: { token?: string | null; body?: unknown; headers?: Record<string, string>; raw?: Buffer } = {}) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
  let body: string | Uint8Array | undefined;
  if (opts.raw !== undefined) body = new Uint8Array(opts.raw);
  else if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${ts.server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* binary or empty */
  }
  return { status: res.status, json, text, headers: res.headers };
}

async function issueLink(driverId = 'd1', userId = 'u-dispatcher'): Promise<string> {
  const r = await call('POST', '/api/driver/links', { token: ts.tokens[userId], body: { driverId } });
  expect(r.status).toBe(200);
  const url = String(r.json['url']);
  expect(url).toMatch(/^https:\/\/marshrut\.example\/driver#link=[A-Za-z0-9_-]{43}$/);
  return url.split('#link=')[1] ?? '';
}

async function signIn(driverId = 'd1'): Promise<string> {
  const link = await issueLink(driverId);
  const r = await call('POST', '/api/driver/session', { headers: { 'x-driver-link': link } });
  expect(r.status).toBe(200);
  return String(r.json['deviceToken']);
}

const key = (): string => `key-${String(++keyN).padStart(6, '0')}`;

function mark(token: string, body: Record<string, unknown>, k = key()) {
  return call('POST', '/api/driver/marks', { token, body: { at: now, ...body }, headers: { 'idempotency-key': k } });
}

function events(orderId: string) {
  return ts.server.db.sqlite
    .prepare<[string], { kind: string; to_status: string | null; sub_mark: string | null; source: string; actor: string; actor_id: string }>(
      'SELECT kind, to_status, sub_mark, source, actor, actor_id FROM order_events WHERE order_id = ? ORDER BY at, rowid',
    )
    .all(orderId);
}

describe('sign-in by one-time link', () => {
  it('a dispatcher issues a link, the phone exchanges it once for a device token, then the link is dead', async () => {
    const link = await issueLink();
    const first = await call('POST', '/api/driver/session', { headers: { 'x-driver-link': link } });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ driver: { id: 'd1', name: 'Driver Arman' } });
    const again = await call('POST', '/api/driver/session', { headers: { 'x-driver-link': link } });
    expect(again).toMatchObject({ status: 401, json: { error: 'link_used' } });
    const me = await call('GET', '/api/driver/me', { token: String(first.json['deviceToken']) });
    expect(me).toMatchObject({ status: 200, json: { driver: { id: 'd1', shiftState: 'on_shift' } } });
  });

  it('refuses unknown, expired and revoked links, and links from a warehouse user or without a token', async () => {
    expect(await call('POST', '/api/driver/session', { headers: { 'x-driver-link': 'nope' } })).toMatchObject({ status: 401, json: { error: 'link_unknown' } });
    expect(await call('POST', '/api/driver/session')).toMatchObject({ status: 401, json: { error: 'link_unknown' } });
    const old = await issueLink();
    now += LINK_TTL_MS + 1;
    expect(await call('POST', '/api/driver/session', { headers: { 'x-driver-link': old } })).toMatchObject({ status: 401, json: { error: 'link_expired' } });
    const revoked = await issueLink();
    expect((await call('POST', '/api/driver/revoke', { token: ts.tokens['u-supervisor'], body: { driverId: 'd1' } })).status).toBe(200);
    expect(await call('POST', '/api/driver/session', { headers: { 'x-driver-link': revoked } })).toMatchObject({ status: 401, json: { error: 'link_revoked' } });
    expect((await call('POST', '/api/driver/links', { token: ts.tokens['u-warehouse'], body: { driverId: 'd1' } })).status).toBe(403);
    expect((await call('POST', '/api/driver/links', { body: { driverId: 'd1' } })).status).toBe(401);
    expect(await call('POST', '/api/driver/links', { token: ts.tokens['u-dispatcher'], body: { driverId: '__proto__' } })).toMatchObject({ status: 404, json: { field: 'driverId' } });
    expect(await call('POST', '/api/driver/links', { token: ts.tokens['u-dispatcher'], body: { driverId: 'd1', extra: 1 } })).toMatchObject({ status: 400 });
    expect(driver.counters.signInsRefused).toBe(4);
  });

  it('a revoked phone, a wrong token and a user token are all 401 on the phone API; a new link ends the old phone', async () => {
    const token = await signIn();
    expect((await call('GET', '/api/driver/tasks', { token: 'x'.repeat(43) })).status).toBe(401);
    expect((await call('GET', '/api/driver/tasks', { token: ts.tokens['u-admin'] })).status).toBe(401);
    expect((await call('GET', '/api/driver/tasks')).status).toBe(401);
    const second = await signIn();
    expect((await call('GET', '/api/driver/tasks', { token })).status).toBe(401);
    expect((await call('GET', '/api/driver/tasks', { token: second })).status).toBe(200);
    const devices = await call('GET', '/api/driver/devices?driverId=d1', { token: ts.tokens['u-dispatcher'] });
    const list = devices.json['devices'] as Array<{ id: string; revokedAt: number | null }>;
    expect(list.map((d) => d.revokedAt === null)).toEqual([true, false]);
    expect(await call('POST', '/api/driver/revoke', { token: ts.tokens['u-dispatcher'], body: { driverId: 'd1', deviceId: list[0]?.id } })).toMatchObject({ json: { revoked: 1 } });
    expect((await call('GET', '/api/driver/tasks', { token: second })).status).toBe(401);
  });
});

describe('tasks and marks', () => {
  it("lists only the driver's own orders; another driver's order id looks like a missing one", async () => {
    const mine = assigned('A-1', 'd1');
    const theirs = assigned('B-1', 'd2');
    const token = await signIn();
    const tasks = (await call('GET', '/api/driver/tasks', { token })).json as unknown as DriverTasksView;
    expect(tasks.tasks.map((t) => t.number)).toEqual(['A-1']);
    expect(tasks.tasks[0]).toMatchObject({ orderId: mine.id, customerPhone: ORDER_ARGS.customerPhone, deliveryAddress: ORDER_ARGS.deliveryAddress, proofsRequired: [] });
    const r = await mark(token, { orderId: theirs.id, mark: 'arrived' });
    expect(r).toMatchObject({ status: 404, json: { error: 'not_your_task', field: 'orderId' } });
    expect((await mark(token, { orderId: 'no-such', mark: 'arrived' })).json).toEqual(r.json);
    expect(order('B-1').subMark).toBeNull();
    expect(driver.counters.notYourOrder).toBe(2);
  });

  it('marks go through the mutators with source "driver"; a replay changes nothing and gets the same answer', async () => {
    const o = assigned('A-1', 'd1', 'at_warehouse');
    const token = await signIn();
    expect((await mark(token, { orderId: o.id, mark: 'picked_up' })).status).toBe(200);
    const k = key();
    expect(await mark(token, { orderId: o.id, mark: 'arrived' }, k)).toMatchObject({ status: 200, json: { replayed: false } });
    expect(await mark(token, { orderId: o.id, mark: 'arrived' }, k)).toMatchObject({ status: 200, json: { replayed: true } });
    const dk = key();
    expect((await mark(token, { orderId: o.id, mark: 'delivered' }, dk)).status).toBe(200);
    expect((await mark(token, { orderId: o.id, mark: 'delivered' }, dk)).json).toMatchObject({ replayed: true });
    expect(events(o.id).filter((e) => e.source === 'driver')).toEqual([
      { kind: 'status', to_status: 'in_transit', sub_mark: 'left_warehouse', source: 'driver', actor: 'driver', actor_id: 'd1' },
      { kind: 'sub_mark', to_status: 'in_transit', sub_mark: 'arrived', source: 'driver', actor: 'driver', actor_id: 'd1' },
      { kind: 'status', to_status: 'delivered', sub_mark: null, source: 'driver', actor: 'driver', actor_id: 'd1' },
    ]);
    // The status machine still decides: delivered can't go back to arrived.
    expect(await mark(token, { orderId: o.id, mark: 'arrived' })).toMatchObject({ status: 422, json: { error: 'sub_mark_not_allowed' } });
    expect(driver.counters).toMatchObject({ marksApplied: 3, replays: 2, marksRejected: 1 });
  });

  it('after a re-sign-in the queue resent under the new phone is applied once: keys are the driver\'s, not the device\'s', async () => {
    const o = assigned('A-1', 'd1', 'at_warehouse');
    const oldToken = await signIn();
    // Sent from the old phone; the answers were lost in a dead zone, so the phone still has them queued.
    const kFile = key();
    const kPicked = key();
    const kShift = key();
    const fileHeaders = { 'content-type': 'image/png', 'x-order-id': o.id, 'x-proof-kind': 'photo' };
    const first = await call('POST', '/api/driver/files', { token: oldToken, raw: PNG, headers: { ...fileHeaders, 'idempotency-key': kFile } });
    expect((await mark(oldToken, { orderId: o.id, mark: 'picked_up' }, kPicked)).json).toMatchObject({ replayed: false });
    expect((await call('POST', '/api/driver/shift', { token: oldToken, body: { state: 'on_break', at: now }, headers: { 'idempotency-key': kShift } })).status).toBe(200);
    runAs('u-dispatcher', 'setDriverShift', { driverId: 'd1', state: 'on_shift' });

    // The dispatcher sends a new link; the old device token is dead, the queue goes out under the new one.
    const newToken = await signIn();
    expect((await mark(oldToken, { orderId: o.id, mark: 'picked_up' }, kPicked)).status).toBe(401);
    const again = await call('POST', '/api/driver/files', { token: newToken, raw: PNG, headers: { ...fileHeaders, 'idempotency-key': kFile } });
    expect(again.json).toEqual({ fileId: first.json['fileId'], replayed: true });
    expect(await mark(newToken, { orderId: o.id, mark: 'picked_up' }, kPicked)).toMatchObject({ status: 200, json: { replayed: true } });
    expect((await call('POST', '/api/driver/shift', { token: newToken, body: { state: 'on_break', at: now }, headers: { 'idempotency-key': kShift } })).json).toMatchObject({ replayed: true });
    // The dispatcher's later "on shift" stands: the replayed break changed nothing.
    expect(ts.server.engine.newTx().get('drivers', 'd1')?.shiftState).toBe('on_shift');
    expect(events(o.id).filter((e) => e.source === 'driver')).toHaveLength(1);
    expect(ts.server.db.sqlite.prepare("SELECT count(*) AS n FROM delivery_files WHERE order_id = ?").get(o.id)).toEqual({ n: 1 });
    // New work from the new phone is applied as usual.
    expect(await mark(newToken, { orderId: o.id, mark: 'arrived' })).toMatchObject({ status: 200, json: { replayed: false } });

    // Another driver's phone with the same key is its own request, never d1's stored answer.
    const o2 = assigned('A-2', 'd2', 'at_warehouse');
    const d2 = await signIn('d2');
    expect(await mark(d2, { orderId: o2.id, mark: 'picked_up' }, kPicked)).toMatchObject({ status: 200, json: { replayed: false, orderId: o2.id } });
    expect(order('A-2').status).toBe('in_transit');
  });

  it('a problem needs a reason from the list; bad bodies name the field and change nothing', async () => {
    const o = assigned('A-1', 'd1');
    const token = await signIn();
    expect(await mark(token, { orderId: o.id, mark: 'problem' })).toMatchObject({ status: 400, json: { field: 'reason' } });
    expect(await mark(token, { orderId: o.id, mark: 'problem', reason: 'aliens' })).toMatchObject({ status: 400, json: { field: 'reason' } });
    expect(await mark(token, { orderId: o.id, mark: 'arrived', at: Date.UTC(2100, 0, 1) })).toMatchObject({ status: 400, json: { field: 'at' } });
    expect(await mark(token, { orderId: o.id, mark: 'arrived', __proto__: { x: 1 }, constructor: 'x' })).toMatchObject({ status: 400 });
    expect(await mark(token, { orderId: o.id, mark: 'arrived', comment: 'a\u0000b' })).toMatchObject({ status: 400, json: { field: 'body' } });
    const noKey = await call('POST', '/api/driver/marks', { token, body: { orderId: o.id, mark: 'arrived', at: now } });
    expect(noKey).toMatchObject({ status: 400, json: { field: 'Idempotency-Key' } });
    const big = await mark(token, { orderId: o.id, mark: 'arrived', comment: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    expect(order('A-1')).toMatchObject({ status: 'in_transit', subMark: null });
    expect(await mark(token, { orderId: o.id, mark: 'problem', reason: 'recipient_unreachable', comment: 'nobody home' })).toMatchObject({ status: 200 });
    expect(order('A-1')).toMatchObject({ status: 'problem', problemReason: 'recipient_unreachable' });
  });
});

describe('proof of delivery', () => {
  it('refuses "delivered" without the proofs the rule asks for, then takes a signature and the code', async () => {
    const o = assigned('A-1', 'd1');
    runAs('u-admin', 'setDeliveryProofRule', { serviceType: 'express', photo: false, signature: true, code: true });
    runAs('u-dispatcher', 'issueDeliveryCode', { orderId: o.id, code: '4821' });
    const token = await signIn();
    const refused = await mark(token, { orderId: o.id, mark: 'delivered' });
    expect(refused).toMatchObject({ status: 422, json: { error: 'proof_required', details: { missing: ['signature', 'code'] } } });

    const up = await call('POST', '/api/driver/files', { token, raw: PNG, headers: { 'content-type': 'image/png', 'x-order-id': o.id, 'x-proof-kind': 'signature', 'idempotency-key': key() } });
    expect(up.status).toBe(200);
    const signatureFileId = String(up.json['fileId']);
    const wrongCode = await mark(token, { orderId: o.id, mark: 'delivered', signatureFileId, code: '0000' });
    expect(wrongCode).toMatchObject({ status: 422, json: { error: 'code_mismatch' } });
    // All or nothing: the signature of the refused mark was rolled back with it.
    expect(ts.server.engine.newTx().get('delivery_proofs', `${o.id}:signature`)).toBeUndefined();
    expect(await mark(token, { orderId: o.id, mark: 'delivered', photoFileId: signatureFileId, code: '4821' })).toMatchObject({ status: 400, json: { field: 'photoFileId' } });
    expect(await mark(token, { orderId: o.id, mark: 'delivered', signatureFileId, code: '4821' })).toMatchObject({ status: 200 });
    expect(order('A-1').status).toBe('delivered');
    const proofs = ts.server.db.sqlite.prepare('SELECT kind, file_id FROM delivery_proofs WHERE order_id = ? ORDER BY kind').all(o.id);
    expect(proofs).toEqual([
      { kind: 'code', file_id: null },
      { kind: 'signature', file_id: signatureFileId },
    ]);

    // Files: any signed-in user sees them; the phone sees its own; nobody else.
    const asUser = await call('GET', `/api/driver/files/${signatureFileId}`, { token: ts.tokens['u-warehouse'] });
    expect(asUser.status).toBe(200);
    expect(asUser.headers.get('content-type')).toBe('image/png');
    expect((await call('GET', `/api/driver/files/${signatureFileId}`)).status).toBe(401);
    expect((await call('GET', `/api/driver/files/${signatureFileId}`, { token })).status).toBe(200);
    const other = await signIn('d2');
    expect((await call('GET', `/api/driver/files/${signatureFileId}`, { token: other })).status).toBe(404);
  });

  it('refuses oversize, disguised and mistyped files, and files for orders that are not the driver\'s', async () => {
    const o = assigned('A-1', 'd1');
    const theirs = assigned('B-1', 'd2');
    const token = await signIn();
    const up = (raw: Buffer, type: string, orderId = o.id, kind = 'photo') =>
      call('POST', '/api/driver/files', { token, raw, headers: { 'content-type': type, 'x-order-id': orderId, 'x-proof-kind': kind, 'idempotency-key': key() } });
    expect((await up(Buffer.concat([JPEG, Buffer.alloc(3 * 1024 * 1024)]), 'image/jpeg')).status).toBe(413);
    expect(await up(Buffer.from('<script>alert(1)</script>'), 'image/png')).toMatchObject({ status: 400, json: { field: 'body' } });
    expect(await up(JPEG, 'text/html')).toMatchObject({ status: 415, json: { field: 'Content-Type' } });
    expect(await up(JPEG, 'image/jpeg', o.id, 'selfie')).toMatchObject({ status: 400, json: { field: 'X-Proof-Kind' } });
    expect(await up(JPEG, 'image/jpeg', theirs.id)).toMatchObject({ status: 404, json: { error: 'not_your_task' } });
    expect(ts.server.db.sqlite.prepare('SELECT count(*) AS n FROM delivery_files').get()).toEqual({ n: 0 });
    const k = key();
    const first = await call('POST', '/api/driver/files', { token, raw: JPEG, headers: { 'content-type': 'image/jpeg', 'x-order-id': o.id, 'x-proof-kind': 'photo', 'idempotency-key': k } });
    const again = await call('POST', '/api/driver/files', { token, raw: JPEG, headers: { 'content-type': 'image/jpeg', 'x-order-id': o.id, 'x-proof-kind': 'photo', 'idempotency-key': k } });
    expect(again.json).toEqual({ fileId: first.json['fileId'], replayed: true });
    expect(ts.server.db.sqlite.prepare('SELECT count(*) AS n FROM delivery_files').get()).toEqual({ n: 1 });
  });
});

describe('shift, positions and floods', () => {
  it('start day, break and end day from the phone change the driver row', async () => {
    const token = await signIn();
    const shift = (state: string, k = key()) => call('POST', '/api/driver/shift', { token, body: { state, at: now }, headers: { 'idempotency-key': k } });
    expect((await shift('on_break')).status).toBe(200);
    expect(ts.server.engine.newTx().get('drivers', 'd1')?.shiftState).toBe('on_break');
    expect((await shift('off_shift')).status).toBe(200);
    expect(ts.server.engine.newTx().get('drivers', 'd1')).toMatchObject({ shiftState: 'off_shift', shiftChangedAt: now });
    expect(await shift('asleep')).toMatchObject({ status: 400, json: { field: 'state' } });
  });

  it("the browser's positions go through the GPS filters, as the phone's own web device", async () => {
    const token = await signIn();
    const pos = (lat: number, lon: number, accuracy = 8) => call('POST', '/api/driver/position', { token, body: { lat, lon, accuracy, at: now } });
    expect(await pos(51.16, 71.43)).toMatchObject({ status: 200, json: { outcome: 'accepted' } });
    now += 1000;
    expect(await pos(0, 0)).toMatchObject({ json: { outcome: 'rejected', reason: 'null_island' } });
    expect(await pos(51.16, 71.43, 500)).toMatchObject({ json: { outcome: 'rejected', reason: 'poor_accuracy' } });
    expect(await pos(91, 71.43)).toMatchObject({ status: 400, json: { field: 'lat' } });
    expect(gps.position('d1')).toMatchObject({ lat: 51.16, lon: 71.43 });
    expect(gps.counters.rejected.null_island).toBe(1);
  });

  it('a flood is cut at the rate limit with 429 and Retry-After, counted', async () => {
    const token = await signIn();
    const answers: number[] = [];
    for (let i = 0; i < 35; i++) answers.push((await call('GET', '/api/driver/tasks', { token })).status);
    expect(answers.filter((s) => s === 200)).toHaveLength(30);
    const cut = await call('GET', '/api/driver/tasks', { token });
    expect(cut.status).toBe(429);
    expect(cut.headers.get('retry-after')).toBe('60');
    now += 60_000;
    expect((await call('GET', '/api/driver/tasks', { token })).status).toBe(200);
    const health = await call('GET', '/health', { token: ts.tokens['u-admin'] });
    expect((health.json['driverPhones'] as Record<string, number>)['rateLimited']).toBe(6);
  });
});
