// "At risk" by predicted arrival in the console's queue, counts and problem queue: the same
// prediction the order card shows (shared/eta), through the typed API on a real replica.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListOrdersResponse, OrderCounts, OrderDetail, ProblemQueue } from '../../shared/api/orders-api';
import type { Reply } from '../../shared/api/wire';
import { drivers } from '../../shared/schema';
import { createApi, type Api } from './create-api';
import { createFakeSync } from '../testing/fake-sync';
import { eachFixtureReplica, HOUR, T0 } from '../testing/fixture-replica';
import { memorySettings } from '../settings/settings-store';

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const fx = eachFixtureReplica();
let api: Api;

beforeEach(() => {
  api = createApi({ replica: fx().replica, settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }), connect: () => createFakeSync(), now: () => T0 });
  // Driver d1 (fix a minute old) carries 'far': ~37 km north, about 2 h at the fallback speed.
  // Its deadline is 3 h away, outside the standard 2 h warning window: the clock alone says fine.
  fx().addOrder({ id: 'far', status: 'in_transit', driverId: 'd1', confirmedAt: T0 - 20 * HOUR, statusChangedAt: T0 - 10 * 60_000, slaDeadline: T0 + 3 * HOUR, deliveryLat: 51.5, deliveryLon: 71.43 });
});

afterEach(async () => {
  await api.close();
});

const list = async (slaBucket?: 'at_risk' | 'breached') => value<ListOrdersResponse>(await api.dispatch('listOrders', slaBucket ? { slaBucket } : {}));
const counts = async () => value<OrderCounts>(await api.dispatch('orderCounts', {}));
const problems = async () => value<ProblemQueue>(await api.dispatch('problemQueue', {}));

describe('at risk by predicted arrival', () => {
  it('an order the driver reaches in time is not at risk', async () => {
    expect((await list('at_risk')).rows).toEqual([]);
    expect((await list()).rows.find((r) => r.id === 'far')?.arrivalRisk).toBeNull();
    expect((await counts()).atRisk).toBe(0);
  });

  it('a delivery queued ahead makes it late: the at-risk filter, counts, problem queue and card agree', async () => {
    // Loaded earlier, so delivered first: ~30 km south, then back north past the start.
    fx().addOrder({ id: 'ahead', status: 'in_transit', driverId: 'd1', confirmedAt: T0 - 20 * HOUR, statusChangedAt: T0 - 20 * 60_000, slaDeadline: T0 + 20 * HOUR, deliveryLat: 50.9, deliveryLon: 71.43 });
    expect((await list('at_risk')).rows.map((r) => [r.id, r.arrivalRisk])).toEqual([['far', 'late']]);
    expect((await counts()).atRisk).toBe(1);
    const q = await problems();
    // Since "now": the prediction says so today, hours before the warning window opens.
    expect(q.items.map((i) => [i.orderId, i.kind, i.arrivalRisk, i.since])).toEqual([['far', 'at_risk', 'late', T0]]);
    expect(q.counts.at_risk).toBe(1);
    const card = value<OrderDetail>(await api.dispatch('getOrder', { orderId: 'far' }));
    expect(card.predicted?.at).toBeGreaterThan(T0 + 3 * HOUR);
    expect(card.predicted?.basis.stopsAhead).toBeGreaterThan(0);
  });

  it('no position, or a passed deadline (a breach, not a risk), makes no predicted risk', async () => {
    fx().addOrder({ id: 'ahead', status: 'in_transit', driverId: 'd1', confirmedAt: T0 - 20 * HOUR, statusChangedAt: T0 - 20 * 60_000, slaDeadline: T0 - 1, deliveryLat: 50.9, deliveryLon: 71.43 });
    expect((await list('at_risk')).rows.map((r) => r.id)).toEqual(['far']);
    expect((await list('breached')).rows.map((r) => [r.id, r.arrivalRisk])).toEqual([['ahead', null]]);
    fx().replica.db.update(drivers).set({ lat: null, lon: null, fixAt: null }).where(eq(drivers.id, 'd1')).run();
    expect((await list('at_risk')).rows).toEqual([]);
    expect((await problems()).items.map((i) => i.kind)).toEqual(['breached']);
  });
});
