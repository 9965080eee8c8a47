// Every call main makes to the central server's REST API, against a real HTTP server on an
// ephemeral port: the answer the server sends passes through the call's shared schema to the
// handler's caller, and the same answer with one field wrong is refused as a bad_answer (a
// query throws it, a command answers it), never handed on as if it were a view.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toArchiveOrder } from '../../shared/archive/archive-search';
import { computeReport } from '../../shared/reports/compute-report';
import { resolvePeriod } from '../../shared/reports/report-period';
import { testOrderRow } from '../../shared/testing/order-row';
import { openArchiveCache } from '../archive/archive-cache';
import { archiveHandlers } from '../archive/archive-handlers';
import { serverReports } from '../reports/server-reports';
import { silentLogger } from '../../platform/log/logger';
import { memorySettings } from '../settings/settings-store';
import { eachFixtureReplica, T0 } from '../testing/fixture-replica';
import { adminHandlers } from './admin-handlers';
import { driverCardHandlers } from './driver-card-handlers';
import type { HandlerContext } from './handler-context';
import { handoverHandlers } from './handover-handlers';
import { checkedServerCall, ServerCallError } from './server-http';

let server: Server;
let url = '';
/** What the stand-in server answers next, and the requests it saw ("GET /path"). */
let answer: unknown = null;
let seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const fx = eachFixtureReplica();
beforeEach(() => {
  seen = [];
});

function handlers() {
  const settings = memorySettings({ serverUrl: url, token: 'tok-1' });
  const server = checkedServerCall(settings);
  const ctx: HandlerContext = {
    replica: fx().replica,
    mutate: async () => ({ ok: false, code: 'unavailable', message: 'no sync in this test' }),
    now: () => T0,
    actor: () => 'dispatcher',
    userId: () => 'u-disp',
    logger: silentLogger(),
  };
  return {
    admin: adminHandlers(server),
    handover: handoverHandlers(ctx, server),
    card: driverCardHandlers({ replica: fx().replica, server, now: () => T0, role: () => 'dispatcher', noSignal: () => new Set() }),
    archive: archiveHandlers({ replica: fx().replica, server, cache: openArchiveCache(':memory:'), now: () => T0, role: () => 'dispatcher', historyDays: () => 14 }),
    reports: serverReports(settings),
  };
}

/** 'passed' when the call answered a view or an ok command; else the failure's server kind. */
async function outcome(run: () => unknown): Promise<string> {
  try {
    const r = (await run()) as { ok?: unknown; details?: { server?: unknown } } | null;
    if (r !== null && typeof r === 'object' && r.ok === false) return `refused ${String(r.details?.server)}`;
    return 'passed';
  } catch (e) {
    if (e instanceof ServerCallError) return `threw ${e.kind}`;
    throw e;
  }
}

const period = resolvePeriod({ from: '2026-03-01', to: '2026-03-07' }, T0);
if (!period.ok) throw new Error('test period');
const report = computeReport({
  period: period.period,
  previous: period.previous,
  facts: [],
  previousFacts: [],
  names: { region: new Map(), driver: new Map(), carrier: new Map() },
  now: T0,
  source: 'server',
  kmByDriver: new Map(),
});
const archived = toArchiveOrder(testOrderRow({ id: 'old-1', number: 'MR-77', status: 'delivered' }), 'Berik');
const review = {
  id: 1, provider: 'cdek', providerName: 'CDEK', eventId: 'e1', orderNumber: 'MR-1', trackingNumber: null, code: 'DELIVERED',
  reason: 'unknown_order', detail: '', createdAt: T0, receivedAt: T0, body: '{}', bodyTruncated: false,
};
const drill = {
  id: 'o1', number: 'MR-1', createdAt: T0, status: 'delivered', serviceType: 'standard', customerName: 'Kaspi', carriedBy: 'own',
  carrier: 'Berik', deadline: null, deliveredAt: T0, problemReasons: [], hit: true,
};
type H = ReturnType<typeof handlers>;

/** Each call: the request it makes, an answer in the form, the same answer with one field wrong. */
const CALLS: { name: string; request: string; good: unknown; bad: unknown; run: (h: H) => unknown; refusal: 'threw' | 'refused' }[] = [
  { name: 'courierReviews', request: 'GET /api/couriers/review', good: { reviews: [review], more: 0 }, bad: { reviews: [{ ...review, reason: 'whim' }], more: 0 }, run: (h) => h.admin.courierReviews(undefined), refusal: 'threw' },
  {
    name: 'attachCourierReview', request: 'POST /api/couriers/review/1/attach',
    good: { orderNumber: 'MR-1', state: 'applied', outcome: 'delivered' }, bad: { orderNumber: 'MR-1', state: 'maybe', outcome: '' },
    run: (h) => h.admin.attachCourierReview({ reviewId: 1, orderNumber: 'MR-1' }), refusal: 'refused',
  },
  { name: 'dismissCourierReview', request: 'POST /api/couriers/review/1/dismiss', good: { dismissed: true }, bad: { dismissed: false }, run: (h) => h.admin.dismissCourierReview({ reviewId: 1 }), refusal: 'refused' },
  { name: 'gpsDevices', request: 'GET /api/gps/devices', good: { unknown: [], bound: [] }, bad: { unknown: [] }, run: (h) => h.admin.gpsDevices(undefined), refusal: 'threw' },
  {
    name: 'bindGpsDevice', request: 'POST /api/gps/devices/bind',
    good: { deviceId: 'dev-1', driverId: 'd1', previousDriverId: null }, bad: { bound: true },
    run: (h) => h.admin.bindGpsDevice({ deviceId: 'dev-1', driverId: 'd1' }), refusal: 'refused',
  },
  { name: 'unbindGpsDevice', request: 'POST /api/gps/devices/unbind', good: { unbound: true }, bad: 'unbound', run: (h) => h.admin.unbindGpsDevice({ deviceId: 'dev-1' }), refusal: 'refused' },
  {
    name: 'listUsers', request: 'GET /api/users',
    good: { users: [{ id: 'u1', name: 'Aigerim', role: 'dispatcher', warehouseId: null, active: true, activeTokens: 1 }] },
    bad: { users: [{ id: 'u1', name: 'Aigerim', role: 'king', warehouseId: null, active: true, activeTokens: 1 }] },
    run: (h) => h.admin.listUsers(undefined), refusal: 'threw',
  },
  { name: 'addUser', request: 'POST /api/users', good: { userId: 'u2', token: 't'.repeat(32) }, bad: { userId: 'u2', token: 'short' }, run: (h) => h.admin.addUser({ name: 'Dana', role: 'dispatcher' }), refusal: 'refused' },
  { name: 'revokeUser', request: 'POST /api/users/u2/revoke', good: { revoked: true }, bad: null, run: (h) => h.admin.revokeUser({ userId: 'u2' }), refusal: 'refused' },
  { name: 'issueUserToken', request: 'POST /api/users/u2/token', good: { userId: 'u2', token: 't'.repeat(32) }, bad: { token: 't'.repeat(32) }, run: (h) => h.admin.issueUserToken({ userId: 'u2' }), refusal: 'refused' },
  {
    name: 'courierProviders', request: 'GET /api/couriers/providers',
    good: [{ key: 'cdek', name: 'CDEK', api: true }], bad: [{ key: 'CDEK; DROP', name: 'CDEK', api: true }],
    run: (h) => h.handover.courierProviders(undefined), refusal: 'threw',
  },
  {
    name: 'driverTrack', request: 'GET /api/drivers/d1/track',
    good: { driverId: 'd1', from: T0 - 3_600_000, to: T0, points: [{ fixAt: T0, lat: 51.1, lon: 71.4, speedKmh: null, headingDeg: null, accuracyM: 5 }], truncated: false },
    bad: { driverId: 'd1', from: T0 - 3_600_000, to: T0, points: [{ fixAt: T0, lat: 951.1, lon: 71.4, speedKmh: null, headingDeg: null, accuracyM: 5 }], truncated: false },
    run: (h) => h.card.driverTrack({ driverId: 'd1', from: T0 - 3_600_000, to: T0 }), refusal: 'threw',
  },
  {
    name: 'searchArchive', request: 'GET /api/archive/orders',
    good: { orders: [archived], offset: 0, hasMore: false }, bad: { orders: [archived], offset: 0, hasMore: 'no' },
    run: (h) => h.archive.searchArchive({ text: 'MR-77', offset: 0 }), refusal: 'threw',
  },
  {
    name: 'openArchiveOrder', request: 'GET /api/archive/orders/MR-77',
    good: { order: archived, events: [] }, bad: { order: { ...archived, status: 'teleported' }, events: [] },
    run: (h) => h.archive.openArchiveOrder({ number: 'MR-77' }), refusal: 'threw',
  },
  { name: 'report', request: 'GET /api/reports', good: report, bad: { ...report, headline: { ...report.headline, onTime: { value: 1 } } }, run: (h) => h.reports.report({ from: '2026-03-01', to: '2026-03-07' }), refusal: 'threw' },
  {
    name: 'report orders', request: 'GET /api/reports/orders', good: { total: 1, rows: [drill] }, bad: { total: 1, rows: [{ ...drill, carriedBy: 'pigeon' }] },
    run: (h) => h.reports.orders({ from: '2026-03-01', to: '2026-03-07' }, {}, { offset: 0, limit: 50 }), refusal: 'threw',
  },
];

describe('server answers', () => {
  it.each(CALLS)('$name: an answer in the form passes, one field wrong is a bad_answer', async (c) => {
    // Fresh handlers each time: the archive would show its cached copy of a card already opened.
    answer = c.good;
    expect(await outcome(() => c.run(handlers()))).toBe('passed');
    answer = c.bad;
    expect(await outcome(() => c.run(handlers()))).toBe(`${c.refusal} bad_answer`);
    expect(seen).toEqual([c.request, c.request]);
  });

  it('passes the checked view on, not the raw answer', async () => {
    const h = handlers();
    answer = { unknown: [], bound: [], secret: 'not for the renderer' };
    expect(await h.admin.gpsDevices(undefined)).toEqual({ unknown: [], bound: [] });
    answer = { orders: [{ ...archived }], offset: 0, hasMore: true };
    expect(await h.archive.searchArchive({ text: 'MR-77', offset: 0 })).toMatchObject({ rows: [{ number: 'MR-77', localId: null }], hasMore: true });
  });
});
