// Handing an order over from the console (issue 16), through the console's typed API (createApi
// over a real replica and a real sync client) against a real server with the courier module:
// the courier services come from the server's configuration, a carrier whose security check has
// not passed is refused to a dispatcher and taken with a supervisor's reason, the card shows the
// carrier and its deal, taking it back cancels the deal, and a courier's number lands on the order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../shared/api/define';
import type { CourierProviderView } from '../../shared/api/handover-api';
import type { OrderDetail } from '../../shared/api/orders-api';
import { createApi } from '../../main/api/create-api';
import { openReplica } from '../../main/db/open-replica';
import { memorySettings } from '../../main/settings/settings-store';
import { attachCouriers } from '../../server/couriers/attach-couriers';
import type { MarshrutServer } from '../../server/server';
import { addUser, seedServer, startTestServer, testDir, waitFor, type TestDir } from './harness';
import { deskSet, value } from './desks';

let dir: TestDir;
let server: MarshrutServer;
const desks = deskSet(() => ({ server, dir }));

function carrier(name: string, securityCheck: 'passed' | 'pending'): string {
  const admin = addUser(server, `Admin for ${name}`, 'admin');
  const actor = { id: admin.id, name: admin.name, actor: 'admin' as const, role: 'admin' as const };
  const r = server.runMutation('createCarrier', { name, phone: '+7 701 555 12 34', securityCheck }, actor);
  expect(r.result).toBe('applied');
  return (server.db.sqlite.prepare('SELECT id FROM carriers WHERE name = ?').get(name) as { id: string }).id;
}

const serverOrder = (id: string) =>
  server.db.sqlite.prepare('SELECT carrier_id AS carrierId, courier_provider AS provider, courier_tracking_number AS tracking, driver_id AS driverId FROM orders WHERE id = ?').get(id) as {
    carrierId: string | null;
    provider: string | null;
    tracking: string | null;
    driverId: string | null;
  };

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  attachCouriers(server, { env: {}, shipmentsEveryMs: 0 });
  seedServer(server, 3);
});

afterEach(async () => {
  await desks.closeAll();
  await server.close();
  dir.cleanup();
});

describe('the courier services to hand to', () => {
  it("are the server's parcel providers, without device feeds or the driver app", async () => {
    const { api } = await desks.open('dispatcher', 'Aigerim');
    const providers = value<CourierProviderView[]>(await api.dispatch('courierProviders', {}));
    expect(providers).toEqual([
      { key: 'cdek', name: 'CDEK', api: false },
      { key: 'generic', name: 'Courier service', api: false },
    ]);
  });

  it('are refused to a token that is not a user of the desk, and to no token', async () => {
    const shop = addUser(server, 'Shop', 'integration');
    const get = (headers: Record<string, string>) => fetch(`${server.url}/api/couriers/providers`, { headers });
    expect((await get({})).status).toBe(401);
    expect((await get({ authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get({ authorization: `Bearer ${shop.token}` })).status).toBe(403);
    expect((await fetch(`${server.url}/api/couriers/providers?token=${shop.token}`)).status).toBe(401);
  });

  it('say plainly that no server is configured', async () => {
    const replica = openReplica(dir.file('alone.db'));
    const api = createApi({ replica, settings: memorySettings({}), connect: null });
    try {
      expect(await api.dispatch('courierProviders', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    } finally {
      await api.close();
      replica.close();
    }
  });
});

describe('handing an order to a carrier and back', () => {
  it('refuses a carrier without a passed security check to a dispatcher, takes it with a supervisor reason, shows it, and takes it back', async () => {
    const risky = carrier('ТОО Жаңа Жол', 'pending');
    const { api, replica } = await desks.open('dispatcher', 'Aigerim');
    await waitFor('the carrier in the replica', () => replica.sqlite.prepare('SELECT 1 FROM carriers WHERE id = ?').get(risky) !== undefined, 5000);
    const deal = { orderId: 'o100', carrierId: risky, vehicleId: null, rate: 180_000, loadingAt: Date.now() + 4 * 3_600_000, contact: 'Ербол +7 701 555 12 34' };

    const refused = value<CommandResult>(await api.dispatch('handToCarrier', deal));
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/security check.*supervisor/) });
    // A supervisor's reason from a dispatcher changes nothing either.
    expect(value<CommandResult>(await api.dispatch('handToCarrier', { ...deal, overrideReason: 'срочно' }))).toMatchObject({ ok: false });
    expect(serverOrder('o100').carrierId).toBeNull();

    const sup = await desks.open('supervisor', 'Supervisor Bolat');
    await waitFor('the carrier in the supervisor replica', () => sup.replica.sqlite.prepare('SELECT 1 FROM carriers WHERE id = ?').get(risky) !== undefined, 5000);
    expect(value<CommandResult>(await sup.api.dispatch('handToCarrier', { ...deal, overrideReason: 'Проверка в работе, груз срочный' })).ok).toBe(true);
    await waitFor('the carrier on the server', () => serverOrder('o100').carrierId === risky, 5000);

    await waitFor('the dispatcher sees the carrier', () => (replica.sqlite.prepare('SELECT carrier_id AS c FROM orders WHERE id = ?').get('o100') as { c: string | null }).c === risky, 5000);
    const card = value<OrderDetail>(await api.dispatch('getOrder', { orderId: 'o100' }));
    expect(card.carrier).toMatchObject({ id: risky, name: 'ТОО Жаңа Жол', phone: '+7 701 555 12 34', securityCheck: 'pending', rate: 180_000, currency: 'KZT', contact: 'Ербол +7 701 555 12 34' });
    expect(card.actions).toContain('take_back');
    expect(card.events.at(-1)).toMatchObject({ kind: 'handover', comment: 'Проверка в работе, груз срочный' });

    // Back to the own fleet: a reason is required, and the carrier's deal is cancelled.
    expect(await api.dispatch('handToOwnFleet', { orderId: 'o100', reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(value<CommandResult>(await api.dispatch('handToOwnFleet', { orderId: 'o100', reason: 'Перевозчик не подтвердил машину' })).ok).toBe(true);
    await waitFor('back on the server', () => serverOrder('o100').carrierId === null, 5000);
    expect(server.db.sqlite.prepare('SELECT outcome FROM carrier_deals WHERE carrier_id = ?').all(risky)).toEqual([{ outcome: 'cancelled' }]);
    const after = value<OrderDetail>(await api.dispatch('getOrder', { orderId: 'o100' }));
    expect(after.carrier).toBeNull();
    expect(after.actions).not.toContain('take_back');
  });

  it('refuses hostile arguments before anything runs', async () => {
    const { api } = await desks.open('dispatcher', 'Aigerim');
    const base = { orderId: 'o101', carrierId: 'c', vehicleId: null, rate: 1, loadingAt: 0, contact: 'x' };
    for (const bad of [
      { ...base, rate: -5 },
      { ...base, rate: 1e12 },
      { ...base, loadingAt: Date.UTC(2100, 0, 2) },
      { ...base, contact: 'x'.repeat(201) },
      // An own "__proto__" key (as JSON.parse makes it) is an unknown field to a strict schema.
      JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(base).slice(1)}`) as Record<string, unknown>,
      JSON.parse('{"orderId":"o101","provider":"__proto__","trackingNumber":null}'),
    ]) {
      const method = 'provider' in bad ? 'handToCourier' : 'handToCarrier';
      expect(await api.dispatch(method, bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await api.dispatch('handToCourier', { orderId: 'o101', provider: 'cdek', trackingNumber: '12\u0000' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(serverOrder('o101')).toMatchObject({ carrierId: null, provider: null });
  });
});

describe('handing an order to a courier service', () => {
  it("puts the provider's number on the order, on the server too", async () => {
    const { api } = await desks.open('dispatcher', 'Aigerim');
    expect(value<CommandResult>(await api.dispatch('handToCourier', { orderId: 'o102', provider: 'cdek', trackingNumber: '1234567890' })).ok).toBe(true);
    const card = value<OrderDetail>(await api.dispatch('getOrder', { orderId: 'o102' }));
    expect(card.order).toMatchObject({ courierProvider: 'cdek', courierTrackingNumber: '1234567890' });
    expect(card.actions).toContain('take_back');
    await waitFor('the number on the server', () => serverOrder('o102').tracking === '1234567890', 5000);
  });
});
