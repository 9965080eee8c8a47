// The carrier follow-ups end to end (issue 16, seed 004): an admin's desk sets the intercity
// carrier-call interval through the typed API (bad values refused naming the field), a
// dispatcher's desk hands an order to a carrier, the server's scheduler (fake clock, manual
// ticks) raises the loading reminder and, once in transit, the calls; the dispatcher's desk
// receives them by sync with the carrier's phone as a task, marks a call done, and the next one
// comes an interval later; delivery ends them. The desk may not assign a driver meanwhile.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertList, AlertView } from '../../shared/api/alerts-api';
import type { Api } from '../../main/api/create-api';
import type { CommandResult } from '../../shared/api/define';
import type { OrderDetail } from '../../shared/api/orders-api';
import { DEFAULT_SLA_POLICIES } from '../../shared/domain/sla-policy';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { AlertScheduler } from '../../server/alerts/alert-scheduler';
import { attachAlerts } from '../../server/alerts/attach-alerts';
import type { MarshrutServer } from '../../server/server';
import { seedServer, startTestServer, testDir, waitFor, type TestDir } from './harness';
import { deskSet, eventually, value } from './desks';

const MIN = 60_000;
const SYSTEM = { id: 'u-sys', name: 'Warehouse scanner', actor: 'dispatcher', role: 'dispatcher' } as const;

let dir: TestDir;
let server: MarshrutServer;
let sched: AlertScheduler;
let clock = Date.now();
const desks = deskSet(() => ({ server, dir }));

function tick(ms: number): void {
  clock = ms;
  sched.tick();
}

/** The desk's carrier alerts in `state`, once `ready` holds for them. */
async function carrierAlerts(api: Api, state: 'active' | 'resolved', ready: (a: AlertView[]) => boolean): Promise<AlertView[]> {
  return eventually(`carrier alerts (${state}) on the desk`, async () => {
    const l = value<AlertList>(await api.dispatch('listAlerts', { state }));
    const mine = l.items.filter((a) => a.kind === 'carrier_loading' || a.kind === 'carrier_call');
    return ready(mine) ? mine : null;
  });
}

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 0);
  clock = Date.now();
  sched = attachAlerts(server, { clock: () => clock, timers: { set: () => 0, clear: () => undefined } });
});

afterEach(async () => {
  await desks.closeAll();
  await server.close();
  dir.cleanup();
});

describe('following a carrier from the desk', () => {
  it('reminds before loading, asks for calls in transit at the admin’s interval, and stops on delivery', async () => {
    const admin = (await desks.open('admin', 'Admin Timur')).api;
    const { api: disp, replica: dispReplica } = await desks.open('dispatcher', 'Dispatcher Aigerim');

    // The interval: refused at the desk's door when negative or fractional, by the rule when zero.
    const policy = (carrierCallMinutes: unknown) => ({ policy: { ...DEFAULT_SLA_POLICIES.intercity, carrierCallMinutes } });
    for (const bad of [-30, 1.5, 1e12]) {
      expect(await admin.dispatch('updateSlaPolicy', policy(bad)), String(bad)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('carrierCallMinutes') } });
    }
    expect(value<CommandResult>(await admin.dispatch('updateSlaPolicy', policy(0)))).toMatchObject({ ok: false, message: expect.stringContaining('carrierCallMinutes: must be at least 15 minutes') });
    expect(value<CommandResult>(await admin.dispatch('updateSlaPolicy', policy(30))).ok).toBe(true);
    await waitFor('the interval on the server', () => server.engine.newTx().get('sla_policies', 'intercity')?.carrierCallMinutes === 30, 10_000);

    // An intercity order, and a carrier that passed the security check.
    const start = Date.now();
    expect(server.runMutation('createOrder', { ...ORDER_ARGS, number: 'FR-77', serviceType: 'intercity' }, SYSTEM, start).result).toBe('applied');
    const orderId = server.engine.newTx().findOrderByNumber('FR-77')?.id as string;
    expect(server.runMutation('confirmOrder', { orderId }, SYSTEM, start).result).toBe('applied');
    expect(server.runMutation('createCarrier', { name: 'ТОО Жол Транс', phone: '+7 701 123 45 67', securityCheck: 'passed' }, { ...SYSTEM, actor: 'admin', role: 'admin' }, start).result).toBe('applied');
    const carrierId = (server.db.sqlite.prepare('SELECT id FROM carriers').get() as { id: string }).id;
    await waitFor('the order and the carrier on the desk', () => {
      const r = dispReplica.sqlite;
      return r.prepare('SELECT 1 FROM orders WHERE id = ?').get(orderId) !== undefined && r.prepare('SELECT 1 FROM carriers WHERE id = ?').get(carrierId) !== undefined;
    }, 10_000);

    // Handed to the carrier, loading in an hour: the reminder is due at once.
    const loadingAt = Math.ceil((Date.now() + 60 * MIN) / MIN) * MIN;
    expect(value<CommandResult>(await disp.dispatch('handToCarrier', { orderId, carrierId, vehicleId: null, rate: 250_000, loadingAt, contact: 'Серик +7 701 555 44 33' })).ok).toBe(true);
    await waitFor('the carrier on the server', () => server.engine.newTx().get('orders', orderId)?.carrierId === carrierId, 10_000);
    // The desk offers no Assign, and the command is refused in words.
    const card = value<OrderDetail>(await disp.dispatch('getOrder', { orderId }));
    expect(card.actions).not.toContain('assign');
    expect(card.actions).toContain('take_back');
    expect(value<CommandResult>(await disp.dispatch('assignDriver', { orderId, driverId: 'd1', seenVersion: card.order.version }))).toMatchObject({ ok: false, message: expect.stringContaining('take it back to the own fleet first') });

    tick(Date.now());
    const [reminder] = await carrierAlerts(disp, 'active', (a) => a.length === 1);
    expect(reminder).toMatchObject({ kind: 'carrier_loading', orderId, orderNumber: 'FR-77', audience: 'dispatcher', state: 'open', dueAt: loadingAt });
    expect(reminder?.messageRu).toContain('погрузка у перевозчика ТОО Жол Транс');
    expect(reminder?.messageEn).toContain('carrier ТОО Жол Транс loads at');
    expect(reminder?.tasks).toEqual([expect.objectContaining({ action: 'call_carrier', channel: 'phone', to: '+7 701 123 45 67' })]);

    // Loaded and on the road: the reminder clears, the first call comes 30 minutes later.
    const onRoad = Date.now();
    expect(server.runMutation('setStatus', { orderId, to: 'at_warehouse' }, SYSTEM, onRoad).result).toBe('applied');
    expect(server.runMutation('setStatus', { orderId, to: 'in_transit' }, SYSTEM, onRoad).result).toBe('applied');
    const wentAt = server.engine.newTx().get('orders', orderId)?.statusChangedAt as number;
    tick(wentAt + 29 * MIN);
    await carrierAlerts(disp, 'resolved', (a) => a.some((x) => x.kind === 'carrier_loading' && x.resolution === 'condition_cleared'));
    expect((await carrierAlerts(disp, 'active', () => true)).length).toBe(0);
    tick(wentAt + 30 * MIN);
    const [call] = await carrierAlerts(disp, 'active', (a) => a.length === 1);
    expect(call).toMatchObject({ kind: 'carrier_call', dueAt: wentAt + 30 * MIN, state: 'open' });
    expect(call?.messageEn).toContain('is on the road with carrier ТОО Жол Транс');

    // The dispatcher marks the call done (here before the fake clock's call moment, so the next
    // still comes 30 minutes after the call; a later mark moves it: server/alerts/carrier-scheduler.test.ts).
    expect(value<CommandResult>(await disp.dispatch('acknowledgeAlert', { alertId: call!.id })).ok).toBe(true);
    await waitFor('the acknowledgement on the server', () => server.engine.newTx().get('alerts', call!.id)?.acknowledgedAt != null, 10_000);
    tick(wentAt + 59 * MIN);
    expect(server.db.sqlite.prepare("SELECT count(*) AS n FROM alerts WHERE kind = 'carrier_call'").get()).toEqual({ n: 1 });
    tick(wentAt + 60 * MIN);
    const next = await carrierAlerts(disp, 'active', (a) => a.some((x) => x.dueAt === wentAt + 60 * MIN));
    expect(next.map((a) => [a.kind, a.state])).toEqual([['carrier_call', 'open']]);
    await carrierAlerts(disp, 'resolved', (a) => a.some((x) => x.id === call!.id && x.resolution === 'superseded' && x.acknowledgedAt !== null));

    // Delivered: no call stays open and no more come.
    expect(server.runMutation('setStatus', { orderId, to: 'delivered' }, SYSTEM, Date.now()).result).toBe('applied');
    tick(wentAt + 61 * MIN);
    tick(wentAt + 300 * MIN);
    await carrierAlerts(disp, 'active', (a) => a.length === 0);
    expect(server.db.sqlite.prepare("SELECT count(*) AS n FROM alerts WHERE kind = 'carrier_call'").get()).toEqual({ n: 2 });
  });
});
