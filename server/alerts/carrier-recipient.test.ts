// Whom the carrier follow-ups go to, against a real server and SQLite file on a fake clock: the
// person who handed the order to the carrier. A logistician who handed it gets its loading
// reminder and calls (the dispatcher does not); the order's SLA warnings stay the dispatcher's
// and its escalations the supervisor's. An order a dispatcher handed stays that dispatcher's;
// a logistician deactivated since falls back to the default dispatcher, as every recipient does.
import { afterEach, describe, expect, it } from 'vitest';
import { isAlertFor } from '../../shared/alerts/alert-recipient';
import { DEFAULT_SLA_POLICIES } from '../../shared/domain/sla-policy';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import type { UserRole } from '../../shared/domain/vocabulary';
import { astana, schedulerServer } from '../testing/scheduler-server';

const DAY = '2025-03-04'; // a Tuesday
const at = (hhmm: string) => astana(DAY, hhmm);
const actor = (id: string, role: UserRole): MutationActor => ({ id, name: id, actor: role, role });
const dispatcher = actor('u-dispatcher', 'dispatcher');
const dispatcher2 = actor('u-dispatcher2', 'dispatcher');
const logistician = actor('u-logistician', 'logistician');
const admin = actor('u-admin', 'admin');
const person = (id: string, role: UserRole) => ({ id, role });

const h = schedulerServer();
afterEach(() => h.cleanup());

function run(name: string, args: unknown, who: MutationActor): void {
  expect(h.server().runMutation(name, args, who, h.clock), name).toMatchObject({ result: 'applied' });
}

/** Boots the server with one carrier; returns a function that makes an order and hands it over. */
async function world(): Promise<(number: string, by: MutationActor, serviceType?: 'express' | 'intercity') => string> {
  h.clock = at('08:00');
  await h.boot();
  run('createCarrier', { name: 'ТОО Жол Транс', phone: '+7 701 123 45 67', securityCheck: 'passed' }, admin);
  const carrierId = (h.server().db.sqlite.prepare('SELECT id FROM carriers').get() as { id: string }).id;
  return (number, by, serviceType = 'intercity') => {
    run('createOrder', { ...ORDER_ARGS, number, serviceType }, dispatcher);
    const orderId = h.server().engine.newTx().findOrderByNumber(number)?.id as string;
    run('confirmOrder', { orderId }, dispatcher);
    run('handToCarrier', { orderId, carrierId, rate: 250_000, loadingAt: at('14:00'), contact: 'Серик +7 701 555 44 33' }, by);
    return orderId;
  };
}

const alertsOf = (number: string, kind?: string) => h.alerts(kind).filter((a) => a.orderNumber === number);

describe('carrier follow-ups go to whoever handed the order over', () => {
  it('a logistician who handed it gets the loading reminder and the calls; the dispatcher does not', async () => {
    const hand = await world();
    const orderId = hand('FR-L', logistician);
    h.at(at('12:00'));
    const [loading] = alertsOf('FR-L', 'carrier_loading');
    expect(loading).toMatchObject({ state: 'open', audience: 'dispatcher', assigneeId: 'u-logistician' });
    if (loading === undefined) throw new Error('no loading reminder');
    expect(isAlertFor(loading, person('u-logistician', 'logistician'))).toBe(true);
    expect(isAlertFor(loading, person('u-dispatcher', 'dispatcher'))).toBe(false);

    // On the road: the calls are the logistician's too.
    h.clock = at('14:10');
    run('setStatus', { orderId, to: 'at_warehouse' }, dispatcher);
    run('setStatus', { orderId, to: 'in_transit' }, dispatcher);
    run('updateSlaPolicy', { policy: { ...DEFAULT_SLA_POLICIES.intercity, carrierCallMinutes: 60 } }, admin);
    h.at(at('15:10'));
    const [call] = alertsOf('FR-L', 'carrier_call');
    expect(call).toMatchObject({ state: 'open', assigneeId: 'u-logistician' });
    if (call === undefined) throw new Error('no call');
    expect(isAlertFor(call, person('u-dispatcher', 'dispatcher'))).toBe(false);

    // They mark it done; the next call comes an hour after that, to them again.
    h.clock = at('15:20');
    run('acknowledgeAlert', { alertId: call.id }, logistician);
    expect(alertsOf('FR-L', 'carrier_call')[0]).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'u-logistician' });
    h.at(at('16:20'));
    expect(alertsOf('FR-L', 'carrier_call').map((a) => [a.state, a.assigneeId])).toEqual([
      ['resolved', 'u-logistician'],
      ['open', 'u-logistician'],
    ]);
  });

  it("a logistician's acknowledgement of anything not theirs is refused on the server, naming alertId; nothing changes", async () => {
    const hand = await world();
    hand('FR-L', logistician);
    hand('FR-D', dispatcher2);
    hand('EX-D', dispatcher2, 'express');
    h.at(at('17:00'));
    const others = [...alertsOf('FR-D'), ...alertsOf('EX-D')];
    expect(others.map((a) => a.kind).sort()).toEqual(['carrier_loading', 'carrier_loading', 'sla_breach', 'sla_critical', 'sla_warning']);
    const seq = () => h.server().db.sqlite.prepare('SELECT max(seq) AS s FROM change_log').get();
    const before = seq();
    for (const a of [...others, { id: 'al:unknown' }]) {
      const out = h.server().runMutation('acknowledgeAlert', { alertId: a.id }, logistician, h.clock);
      expect(out).toMatchObject({ result: 'rejected', error: { code: a.id === 'al:unknown' ? 'not_found' : 'forbidden', details: { field: 'alertId', alertId: a.id } } });
    }
    expect(seq()).toEqual(before);
    expect(h.alerts().filter((a) => a.acknowledgedAt !== null)).toEqual([]);
  });

  it("the order's SLA alerts stay with the dispatcher and the supervisor", async () => {
    const hand = await world();
    hand('EX-L', logistician, 'express');
    h.at(at('12:00'));
    h.at(at('17:00'));
    const byKind = Object.fromEntries(alertsOf('EX-L').map((a) => [a.kind, a.assigneeId]));
    expect(byKind).toEqual({
      carrier_loading: 'u-logistician',
      sla_warning: 'u-dispatcher',
      sla_critical: 'u-supervisor',
      sla_breach: 'u-supervisor',
    });
  });

  it('an order a dispatcher handed stays with that dispatcher', async () => {
    const hand = await world();
    hand('FR-D', dispatcher2);
    h.at(at('12:00'));
    const [loading] = alertsOf('FR-D', 'carrier_loading');
    expect(loading).toMatchObject({ assigneeId: 'u-dispatcher2' });
    if (loading === undefined) throw new Error('no loading reminder');
    expect(isAlertFor(loading, person('u-dispatcher2', 'dispatcher'))).toBe(true);
    expect(isAlertFor(loading, person('u-dispatcher', 'dispatcher'))).toBe(false);
    expect(isAlertFor(loading, person('u-logistician', 'logistician'))).toBe(false);
  });

  it('a handing logistician deactivated since falls back to the default dispatcher', async () => {
    const hand = await world();
    hand('FR-X', logistician);
    expect(h.server().users.revokeUser('u-logistician')).toBe(true);
    h.at(at('12:00'));
    expect(alertsOf('FR-X', 'carrier_loading')).toEqual([expect.objectContaining({ state: 'open', assigneeId: 'u-dispatcher' })]);
  });
});
