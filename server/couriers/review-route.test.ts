// The webhook review list over REST (issue 16) on a real server: who may read it, attaching an
// event to the right order (the same path as a matched webhook), dismissing, and every refusal
// a counted 4xx naming its field that changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { healthOf, restCall, type RestCallOptions } from '../testing/rest-call';
import { startTestServer, type TestServer } from '../testing/test-server';
import { worldOrders } from '../testing/world-orders';
import { attachCouriers, type AttachedCouriers } from './attach-couriers';
import { TIMELINE_ORDER_SQL } from '../../shared/schema';

const SECRETS = { MARSHRUT_WEBHOOK_SECRET_CDEK: 'cdek-token', MARSHRUT_WEBHOOK_SECRET_GENERIC: 'generic-key', MARSHRUT_WEBHOOK_SECRET_TRACCAR: 'traccar-token' };
const cdekBody = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'cdek-order-status.json'), 'utf8')) as { attributes: Record<string, unknown> };

let now = 0;
let ts: TestServer;
const { order, orderAt } = worldOrders(() => ts.server, () => now);
let couriers: AttachedCouriers;

beforeEach(async () => {
  now = Date.UTC(2024, 6, 1, 8, 0);
  ts = await startTestServer({ clock: () => now });
  couriers = attachCouriers(ts.server, { env: SECRETS, clock: () => now, shipmentsEveryMs: 0 });
});

afterEach(async () => {
  await ts.stop();
});

const cdek = (attributes: Record<string, unknown>, uuid = String(attributes['number'])) => ({ ...cdekBody, uuid, attributes: { ...cdekBody.attributes, ...attributes } });

async function webhook(body: unknown) {
  now = Math.max(now, Date.UTC(2024, 6, 1, 16, 0));
  const res = await fetch(`${ts.server.url}/integrations/cdek/webhook?token=cdek-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await new Promise((r) => setImmediate(r));
  return res.status;
}

const call = (method: string, path: string, opts: RestCallOptions = {}) => restCall(ts, method, path, opts);

const courierEvents = (orderId: string) =>
  ts.server.db.sqlite
    .prepare<[string], Record<string, unknown>>(`SELECT kind, to_status, sub_mark, actor, actor_name, source, at FROM order_events WHERE order_id = ? AND source = 'courier' ORDER BY ${TIMELINE_ORDER_SQL}`)
    .all(orderId);

async function reviews(): Promise<Array<Record<string, unknown>>> {
  const r = await call('GET', '/api/couriers/review');
  expect(r.status).toBe(200);
  return r.body['reviews'] as Array<Record<string, unknown>>;
}

const health = () => healthOf(ts);

describe('GET /api/couriers/review', () => {
  it('lists an event for an order nobody knows with its content, to the desk roles only', async () => {
    expect(await webhook(cdek({ number: 'NOPE-1' }))).toBe(202);
    for (const who of ['u-dispatcher', 'u-supervisor', 'u-admin']) {
      const r = await call('GET', '/api/couriers/review', { as: who });
      expect(r.status, who).toBe(200);
      expect(r.body).toEqual({
        more: 0,
        reviews: [
          expect.objectContaining({
            provider: 'cdek',
            providerName: 'CDEK',
            orderNumber: 'NOPE-1',
            trackingNumber: '1106207236',
            code: 'TAKEN_BY_COURIER',
            reason: 'unknown_order',
            detail: expect.stringMatching(/no order with number NOPE-1/),
            bodyTruncated: false,
          }),
        ],
      });
      const body = JSON.parse((r.body['reviews'] as Array<{ body: string }>)[0]?.body ?? '') as typeof cdekBody;
      expect(body.attributes['cdek_number']).toBe('1106207236');
    }
    for (const who of ['u-logistician', 'u-warehouse']) {
      expect(await call('GET', '/api/couriers/review', { as: who }), who).toEqual({ status: 403, body: expect.objectContaining({ error: 'forbidden' }) });
    }
    expect((await health())['courierReview']).toMatchObject({ listed: 3, 'refused.forbidden': 2 });
  });

  it('refuses a missing or wrong token, and a token in the URL, with 401 (counted)', async () => {
    await webhook(cdek({ number: 'NOPE-1' }));
    expect((await call('GET', '/api/couriers/review', { as: null })).status).toBe(401);
    expect((await call('GET', '/api/couriers/review', { as: 'not-a-token' })).status).toBe(401);
    expect((await call('GET', `/api/couriers/review?token=${ts.tokens['u-dispatcher']}`, { as: null })).body).toMatchObject({ message: expect.stringMatching(/Authorization header/) });
    expect((await health())['http']).toMatchObject({ unauthorized: 3 });
  });
});

describe('POST /api/couriers/review/:id/attach', () => {
  it('moves the order exactly as a matched webhook would, once; a replay is 409 and changes nothing', async () => {
    const matched = orderAt('ALA-1', 'at_warehouse');
    const attached = orderAt('ALA-2', 'at_warehouse');
    expect(await webhook(cdek({ number: 'ALA-1' }, 'u-1'))).toBe(200);
    expect(await webhook(cdek({ number: 'NOPE-2', cdek_number: '99' }, 'u-2'))).toBe(202);
    const [review] = await reviews();
    const r = await call('POST', `/api/couriers/review/${String(review?.['id'])}/attach`, { body: { orderNumber: 'ALA-2' } });
    expect(r).toEqual({ status: 200, body: { orderNumber: 'ALA-2', state: 'applied', outcome: expect.stringMatching(/^attached by .+: ALA-2: setStatus/) } });
    expect(order('ALA-2')).toMatchObject({ status: 'in_transit', subMark: 'on_route' });
    // The same timeline entry as the matched order's: CDEK, as courier, at CDEK's status time.
    expect(courierEvents(attached.id)).toEqual(courierEvents(matched.id));
    expect(courierEvents(attached.id)).toHaveLength(1);
    expect(await reviews()).toEqual([]);
    const inbox = ts.server.db.sqlite.prepare<[], { state: string; outcome: string }>(`SELECT state, outcome FROM courier_inbox WHERE body LIKE '%NOPE-2%'`).get();
    expect(inbox).toMatchObject({ state: 'applied', outcome: expect.stringMatching(/attached by/) });

    const version = order('ALA-2').version;
    const again = await call('POST', `/api/couriers/review/${String(review?.['id'])}/attach`, { body: { orderNumber: 'ALA-2' } });
    expect(again).toEqual({ status: 409, body: expect.objectContaining({ error: 'already_resolved', field: 'id' }) });
    const dismiss = await call('POST', `/api/couriers/review/${String(review?.['id'])}/dismiss`, { body: {} });
    expect(dismiss.status).toBe(409);
    expect(order('ALA-2').version).toBe(version);
    expect(courierEvents(attached.id)).toHaveLength(1);
    expect((await health())['courierReview']).toMatchObject({ attached: 1, 'refused.already_resolved': 2 });
  });

  it("records the event's shipment number on the order, so the provider's later events for it find the order", async () => {
    const o = orderAt('ALA-8', 'at_warehouse');
    expect(await webhook(cdek({ number: 'NOPE-10', cdek_number: '5550001' }, 't-1'))).toBe(202);
    const [review] = await reviews();
    const r = await call('POST', `/api/couriers/review/${String(review?.['id'])}/attach`, { body: { orderNumber: 'ALA-8' } });
    expect(r).toEqual({ status: 200, body: expect.objectContaining({ state: 'applied', outcome: expect.stringMatching(/tracking number 5550001 recorded$/) }) });
    // The card's own hand-over step, as the person who attached it, with the event as the reason.
    expect(order('ALA-8')).toMatchObject({ status: 'in_transit', courierProvider: 'cdek', courierTrackingNumber: '5550001' });
    const handover = ts.server.db.sqlite
      .prepare<[string], { actor: string; source: string; comment: string }>("SELECT actor, source, comment FROM order_events WHERE order_id = ? AND kind = 'handover'")
      .all(o.id);
    expect(handover).toEqual([{ actor: 'dispatcher', source: 'manual', comment: 'CDEK: TAKEN_BY_COURIER (Алматы)' }]);

    // CDEK's next status for that shipment, still under the shop's number nobody knows: matched
    // by the shipment number, applied, and nothing lands in review again.
    now = Date.UTC(2024, 6, 1, 17, 0);
    const next = cdek({ number: 'NOPE-10', cdek_number: '5550001', code: 'DELIVERED', status_code: '4', status_date_time: '2024-07-01T21:30:00+0500' }, 't-2');
    expect(await webhook(next)).toBe(200);
    expect(order('ALA-8').status).toBe('delivered');
    expect(await reviews()).toEqual([]);
    expect(courierEvents(o.id).map((e) => e['to_status'])).toEqual(['in_transit', 'delivered']);
  });

  it('applies an event once when two desks attach it at the same moment', async () => {
    const o = orderAt('ALA-3', 'at_warehouse');
    await webhook(cdek({ number: 'NOPE-3' }));
    const id = String((await reviews())[0]?.['id']);
    const both = await Promise.all([
      call('POST', `/api/couriers/review/${id}/attach`, { body: { orderNumber: 'ALA-3' } }),
      call('POST', `/api/couriers/review/${id}/attach`, { as: 'u-supervisor', body: { orderNumber: 'ALA-3' } }),
    ]);
    expect(both.map((b) => b.status).sort()).toEqual([200, 409]);
    expect(courierEvents(o.id)).toHaveLength(1);
  });

  it('refuses an unknown order or event with 404 naming the field, and keeps the review open', async () => {
    orderAt('ALA-4', 'at_warehouse');
    await webhook(cdek({ number: 'NOPE-4' }));
    const id = String((await reviews())[0]?.['id']);
    expect(await call('POST', `/api/couriers/review/${id}/attach`, { body: { orderNumber: 'ALA-404' } })).toEqual({
      status: 404,
      body: expect.objectContaining({ error: 'not_found', field: 'orderNumber' }),
    });
    for (const bad of ['999999', '0', '-1', 'abc', '__proto__', 'constructor', '1e3', '99999999999999999999']) {
      const r = await call('POST', `/api/couriers/review/${bad}/attach`, { body: { orderNumber: 'ALA-4' } });
      expect(r, bad).toEqual({ status: 404, body: expect.objectContaining({ error: 'not_found', field: 'id' }) });
    }
    expect(order('ALA-4').status).toBe('at_warehouse');
    expect(await reviews()).toHaveLength(1);
    expect((await health())['courierReview']).toMatchObject({ 'refused.not_found': 9 });
  });

  it('refuses what the order cannot take (409) and a code with no mapping (422), changing nothing', async () => {
    const o = orderAt('ALA-5', 'confirmed');
    await webhook(cdek({ number: 'NOPE-5', code: 'DELIVERED' }, 'd-5'));
    await webhook(cdek({ number: 'NOPE-6', code: 'BRAND_NEW_STATUS' }, 'n-6'));
    const [delivered, unmapped] = await reviews();
    const a = await call('POST', `/api/couriers/review/${String(delivered?.['id'])}/attach`, { body: { orderNumber: 'ALA-5' } });
    expect(a).toEqual({ status: 409, body: expect.objectContaining({ error: 'refused', field: 'orderNumber', message: expect.stringMatching(/nothing changed/) }) });
    const b = await call('POST', `/api/couriers/review/${String(unmapped?.['id'])}/attach`, { body: { orderNumber: 'ALA-5' } });
    expect(b).toEqual({ status: 422, body: expect.objectContaining({ error: 'unmapped_code', field: 'code' }) });
    expect(order('ALA-5').status).toBe('confirmed');
    expect(courierEvents(o.id)).toEqual([]);
    expect(await reviews()).toHaveLength(2);
    // No new review rows were added by the refused attempts.
    expect(couriers.openReviews()).toHaveLength(2);
  });

  it('refuses hostile bodies with a 4xx naming the field, and counts each', async () => {
    orderAt('ALA-6', 'at_warehouse');
    await webhook(cdek({ number: 'NOPE-7' }));
    const path = `/api/couriers/review/${String((await reviews())[0]?.['id'])}/attach`;
    const cases: Array<[string, Parameters<typeof call>[2], number, string | undefined]> = [
      ['NUL in the number', { body: { orderNumber: 'ALA-6\u0000' } }, 422, 'orderNumber'],
      ['empty number', { body: { orderNumber: '   ' } }, 422, 'orderNumber'],
      ['a number that is an object', { body: { orderNumber: { $gt: '' } } }, 422, 'orderNumber'],
      ['__proto__ key', { raw: '{"orderNumber":"ALA-6","__proto__":{"admin":true}}' }, 422, '(body)'],
      ['constructor key', { body: { orderNumber: 'ALA-6', constructor: { prototype: { x: 1 } } } }, 422, '(body)'],
      ['too deep', { raw: `${'['.repeat(50)}${']'.repeat(50)}` }, 400, undefined],
      ['too large', { raw: JSON.stringify({ orderNumber: 'x'.repeat(20_000) }) }, 413, undefined],
      ['not JSON', { raw: '{"orderNumber":' }, 400, undefined],
      ['not application/json', { raw: 'orderNumber=ALA-6', type: 'application/x-www-form-urlencoded' }, 415, undefined],
    ];
    for (const [name, opts, status, field] of cases) {
      const r = await call('POST', path, opts);
      expect(r.status, name).toBe(status);
      if (field !== undefined) expect(r.body['field'], name).toBe(field);
    }
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
    expect(order('ALA-6').status).toBe('at_warehouse');
    expect(await reviews()).toHaveLength(1);
    const counted = (await health())['courierReview'] ?? {};
    expect(Object.entries(counted).filter(([k]) => k.startsWith('refused.')).reduce((n, [, v]) => n + v, 0)).toBe(cases.length);
  });

  it('is for the desk roles only: 403 for others, 401 without a token, and nothing changes', async () => {
    orderAt('ALA-7', 'at_warehouse');
    await webhook(cdek({ number: 'NOPE-8' }));
    const path = `/api/couriers/review/${String((await reviews())[0]?.['id'])}/attach`;
    expect((await call('POST', path, { as: 'u-logistician', body: { orderNumber: 'ALA-7' } })).status).toBe(403);
    expect((await call('POST', path, { as: 'u-warehouse', body: { orderNumber: 'ALA-7' } })).status).toBe(403);
    expect((await call('POST', path, { as: null, body: { orderNumber: 'ALA-7' } })).status).toBe(401);
    expect(order('ALA-7').status).toBe('at_warehouse');
    expect(await reviews()).toHaveLength(1);
  });
});

describe('POST /api/couriers/review/:id/dismiss', () => {
  it('closes the review with a note; a replay is 409', async () => {
    await webhook(cdek({ number: 'NOPE-9' }));
    const id = String((await reviews())[0]?.['id']);
    expect(await call('POST', `/api/couriers/review/${id}/dismiss`, { body: { note: 'test parcel' } })).toEqual({ status: 200, body: { dismissed: true } });
    expect(await reviews()).toEqual([]);
    const row = ts.server.db.sqlite
      .prepare<[string], { resolution: string; resolved_by: string; resolution_note: string }>('SELECT resolution, resolved_by, resolution_note FROM courier_review WHERE id = ?')
      .get(id);
    expect(row).toEqual({ resolution: 'dismissed', resolved_by: 'u-dispatcher', resolution_note: 'test parcel' });
    expect((await call('POST', `/api/couriers/review/${id}/dismiss`, { body: {} })).status).toBe(409);
    expect((await call('POST', `/api/couriers/review/${id}/attach`, { body: { orderNumber: 'X' } })).status).toBe(409);
  });

  it('refuses a note with NUL and an unknown key, keeping the review open', async () => {
    await webhook(cdek({ number: 'NOPE-10' }));
    const id = String((await reviews())[0]?.['id']);
    expect((await call('POST', `/api/couriers/review/${id}/dismiss`, { body: { note: 'a\u0000b' } })).body).toMatchObject({ field: 'note' });
    expect((await call('POST', `/api/couriers/review/${id}/dismiss`, { body: { note: 'x'.repeat(501) } })).body).toMatchObject({ field: 'note' });
    expect((await call('POST', `/api/couriers/review/${id}/dismiss`, { body: { reason: 'x' } })).status).toBe(422);
    expect(await reviews()).toHaveLength(1);
  });
});
