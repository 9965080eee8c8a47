// The scheduler's carrier follow-ups (issue 16, seed 004) against a real server and SQLite file
// with a fake clock and manual ticks: the loading reminder 2 hours before loading, the calls
// while in transit at the service's interval (an admin's setting), marked done by a dispatcher,
// and their end on delivery; the scheduler sleeps until the next call.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES } from '../../shared/domain/sla-policy';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import type { AlertRow } from '../../shared/schema';
import { astana, schedulerServer } from '../testing/scheduler-server';

const DAY = '2025-03-04'; // a Tuesday
const at = (hhmm: string) => astana(DAY, hhmm);
const actor = (id: string, role: 'dispatcher' | 'admin' | 'logistician'): MutationActor => ({ id, name: id, actor: role, role });
const dispatcher = actor('u-dispatcher', 'dispatcher');
const admin = actor('u-admin', 'admin');
const logistician = actor('u-logistician', 'logistician');

const h = schedulerServer();
afterEach(() => h.cleanup());

function carrierAlerts(): AlertRow[] {
  const rows = h.server().db.sqlite.prepare("SELECT * FROM alerts WHERE kind IN ('carrier_loading', 'carrier_call') ORDER BY due_at, kind").all() as Record<string, unknown>[];
  return rows.map((r) => h.server().engine.tables.alerts.codec.fromRecord(r) as AlertRow);
}
const summary = () => carrierAlerts().map((a) => `${a.kind}@${new Date(a.dueAt).toISOString().slice(11, 16)}:${a.state}${a.resolution ? `/${a.resolution}` : ''}`);

function run(name: string, args: unknown, who: MutationActor = dispatcher): void {
  const out = h.server().runMutation(name, args, who, h.clock);
  expect(out, name).toMatchObject({ result: 'applied' });
}

async function carrierOrder(loadingAt: number): Promise<string> {
  h.clock = at('08:00');
  await h.boot();
  // Intercity counts every minute; calls every 60 minutes (the admin's setting).
  run('updateSlaPolicy', { policy: { ...DEFAULT_SLA_POLICIES.intercity, carrierCallMinutes: 60 } }, admin);
  run('createOrder', { ...ORDER_ARGS, number: 'FR-1', serviceType: 'intercity' });
  const orderId = h.server().engine.newTx().findOrderByNumber('FR-1')?.id as string;
  run('confirmOrder', { orderId });
  run('createCarrier', { name: 'ТОО Жол Транс', phone: '+7 701 123 45 67', securityCheck: 'passed' }, admin);
  const carrierId = (h.server().db.sqlite.prepare('SELECT id FROM carriers').get() as { id: string }).id;
  h.clock = at('08:30');
  run('handToCarrier', { orderId, carrierId, rate: 250_000, loadingAt, contact: 'Серик +7 701 555 44 33' }, logistician);
  return orderId;
}

describe('carrier follow-ups in the scheduler', () => {
  it('reminds 2 hours before loading, calls every hour in transit, waits an hour after a call marked done, and stops on delivery', async () => {
    const orderId = await carrierOrder(at('14:00'));
    h.at(at('08:31'));
    expect(summary()).toEqual([]);
    // The scheduler sleeps until the reminder's moment.
    expect(h.sched().nextDueAt()).toBe(at('12:00'));
    h.at(at('11:59'));
    expect(summary()).toEqual([]);
    h.at(at('12:00'));
    expect(summary()).toEqual(['carrier_loading@09:00:open']);
    const reminder = carrierAlerts()[0];
    expect(reminder).toMatchObject({ audience: 'dispatcher', triggeredAt: at('12:00'), orderNumber: 'FR-1' });
    expect(reminder?.messageRu).toContain('погрузка у перевозчика ТОО Жол Транс в 04.03.2025, 14:00');
    expect(reminder?.tasks).toEqual([expect.objectContaining({ action: 'call_carrier', channel: 'phone', to: '+7 701 123 45 67', toName: 'ТОО Жол Транс (Серик +7 701 555 44 33)' })]);

    // Loaded at 14:10: on the road. The reminder is done with; the first call comes at 15:10.
    h.clock = at('14:10');
    run('setStatus', { orderId, to: 'at_warehouse' });
    run('setStatus', { orderId, to: 'in_transit' });
    h.at(at('14:10'));
    expect(summary()).toEqual(['carrier_loading@09:00:resolved/condition_cleared']);
    expect(h.sched().nextDueAt()).toBe(at('15:10'));
    h.at(at('15:10'));
    expect(summary()).toEqual(['carrier_loading@09:00:resolved/condition_cleared', 'carrier_call@10:10:open']);

    // Not marked done: the next call at 16:10 takes its place.
    h.at(at('16:10'));
    expect(summary().slice(1)).toEqual(['carrier_call@10:10:resolved/superseded', 'carrier_call@11:10:open']);

    // Marked done at 16:40: nothing at 17:10, the next at 17:40.
    const call = carrierAlerts().at(-1) as AlertRow;
    h.clock = at('16:40');
    run('acknowledgeAlert', { alertId: call.id });
    h.at(at('17:10'));
    expect(summary().at(-1)).toBe('carrier_call@11:10:acknowledged');
    expect(h.sched().nextDueAt()).toBe(at('17:40'));
    h.at(at('17:40'));
    expect(summary().slice(2)).toEqual(['carrier_call@11:10:resolved/superseded', 'carrier_call@12:40:open']);

    // A full scan and a tick in between add nothing.
    h.sched().requestFullScan();
    h.at(at('18:00'));
    expect(carrierAlerts()).toHaveLength(4);

    // Delivered: the open call is finished and no more come.
    h.clock = at('18:30');
    run('setStatus', { orderId, to: 'delivered' });
    h.at(at('18:30'));
    h.at(at('21:00'));
    expect(carrierAlerts()).toHaveLength(4);
    expect(carrierAlerts().every((a) => a.state === 'resolved')).toBe(true);
    expect(summary().at(-1)).toBe('carrier_call@12:40:resolved/order_finished');
  });

  it('taking the order back from the carrier ends the reminder', async () => {
    const orderId = await carrierOrder(at('14:00'));
    h.at(at('12:30'));
    expect(summary()).toEqual(['carrier_loading@09:00:open']);
    h.clock = at('12:40');
    run('handToOwnFleet', { orderId, reason: 'Перевозчик не подаёт машину' });
    h.at(at('12:40'));
    expect(summary()).toEqual(['carrier_loading@09:00:resolved/condition_cleared']);
  });

  it('no calls when the service has none', async () => {
    const orderId = await carrierOrder(at('09:00'));
    // Handed over 30 minutes before loading: the reminder comes at once.
    h.at(at('08:31'));
    expect(summary()).toEqual(['carrier_loading@04:00:open']);
    run('updateSlaPolicy', { policy: { ...DEFAULT_SLA_POLICIES.intercity, carrierCallMinutes: null } }, admin);
    h.clock = at('09:10');
    run('setStatus', { orderId, to: 'at_warehouse' });
    run('setStatus', { orderId, to: 'in_transit' });
    h.at(at('09:10'));
    h.at(at('15:00'));
    expect(summary()).toEqual(['carrier_loading@04:00:resolved/condition_cleared']);
  });
});
