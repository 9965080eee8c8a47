// The carrier follow-ups of seed 004 (issue 16): the loading reminder 2 hours before loading, and
// the calls while in transit at the service's interval, through planAlerts as the scheduler runs it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICIES, type SlaPolicies } from '../domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../domain/working-calendar';
import type { AlertRow } from '../schema/alerts';
import { carrierCallInterval, carrierCallSchedule, loadingReminderMoment, nextCarrierCheckAt, type CarrierAlertDeal } from './carrier-alerts';
import { alertId, nextAlertCheckAt, planAlerts, type AlertEnv, type AlertOrder, type AlertPeople } from './decide-alerts';

const local = (d: string, hhmm: string): number => Date.parse(`${d}T${hhmm}:00+05:00`);
const DAY = '2026-03-03'; // a Tuesday, a working day
const at = (hhmm: string, d = DAY) => local(d, hhmm);
const people: AlertPeople = { dispatcherId: 'u-d', dispatcherName: 'Aigerim', supervisorId: 'u-s', supervisorName: 'Gulnara', directorPhone: null };

/** Intercity (calendar time) with calls every hour, unless a test says otherwise. */
function envWith(minutes: number | null, policies: SlaPolicies = DEFAULT_SLA_POLICIES): AlertEnv {
  return { policies: { ...policies, intercity: { ...policies.intercity, carrierCallMinutes: minutes } }, calendar: DEFAULT_KZ_CALENDAR };
}
const env = envWith(60);

const deal = (patch: Partial<CarrierAlertDeal> = {}): CarrierAlertDeal => ({
  carrierName: 'ТОО Жол Транс',
  carrierPhone: '+7 701 123 45 67',
  contact: 'Серик',
  loadingAt: at('14:00'),
  dealAt: at('08:00'),
  ...patch,
});

function order(patch: Partial<AlertOrder> = {}): AlertOrder {
  return {
    id: 'o1', number: 'MR-1', customerName: 'Kaspi', customerPhone: '+7 701 111 22 33', customerEmail: null, assignedBy: null,
    serviceType: 'intercity', vipNormMinutes: null, status: 'confirmed', createdAt: at('07:00'), confirmedAt: at('07:30'),
    pickedAt: null, deliveredAt: null, slaDeadline: local('2026-03-06', '07:30'), carrierId: 'c1', statusChangedAt: at('07:30'),
    carrierDeal: deal(), ...patch,
  };
}

const carrierKinds = (rows: readonly AlertRow[]) => rows.filter((a) => a.kind === 'carrier_loading' || a.kind === 'carrier_call');

/** Runs the plan at each time in turn, keeping what it records (the scheduler's loop). */
function runAt(o: AlertOrder, times: number[], e: AlertEnv = env, start: AlertRow[] = []): AlertRow[] {
  const byId = new Map(start.map((a) => [a.id, a]));
  for (const now of times) {
    const plan = planAlerts(o, [...byId.values()], now, e, () => people);
    for (const a of [...plan.create, ...plan.resolve]) byId.set(a.id, a);
  }
  return [...byId.values()];
}

describe('the loading reminder', () => {
  it('comes 2 hours before loading, once, with the carrier to call in both languages', () => {
    expect(carrierKinds(planAlerts(order(), [], at('11:59'), env, () => people).create)).toEqual([]);
    const { create } = planAlerts(order(), [], at('12:00'), env, () => people);
    const [a] = carrierKinds(create);
    expect(a).toMatchObject({ id: alertId('o1', 'carrier_loading', at('14:00')), kind: 'carrier_loading', dueAt: at('14:00'), triggeredAt: at('12:00'), audience: 'dispatcher', assigneeId: 'u-d', state: 'open', priority: false });
    expect(a?.messageRu).toBe('Заказ MR-1 (Kaspi): погрузка у перевозчика ТОО Жол Транс в 03.03.2026, 14:00. Позвоните перевозчику и проконтролируйте погрузку.');
    expect(a?.messageEn).toBe('Order MR-1 (Kaspi): carrier ТОО Жол Транс loads at 03/03/2026, 14:00. Call the carrier and check the loading.');
    expect(a?.tasks).toEqual([
      expect.objectContaining({ action: 'call_carrier', channel: 'phone', to: '+7 701 123 45 67', toName: 'ТОО Жол Транс (Серик)', text: expect.objectContaining({ ru: expect.stringContaining('Погрузка по заказу MR-1') }) }),
    ]);
    expect(carrierKinds(planAlerts(order(), create, at('12:30'), env, () => people).create)).toEqual([]);
  });

  it('wakes the scheduler at the reminder moment', () => {
    expect(nextCarrierCheckAt(order(), [], at('09:00'), env.policies, env.calendar)).toBe(at('12:00'));
    expect(nextAlertCheckAt(order(), at('09:00'), env)).toBe(at('12:00'));
  });

  it('stays after the loading time while the order has not left, and clears once it is on the road or taken back', () => {
    const recorded = runAt(order(), [at('12:00')]);
    expect(planAlerts(order(), recorded, at('15:00'), env, () => people)).toEqual({ create: [], resolve: [] });
    const onRoad = planAlerts(order({ status: 'in_transit', statusChangedAt: at('14:10') }), recorded, at('14:10'), env, () => people);
    expect(onRoad.resolve.map((a) => [a.kind, a.resolution])).toEqual([['carrier_loading', 'condition_cleared']]);
    const back = planAlerts(order({ carrierId: null, carrierDeal: null }), recorded, at('13:00'), env, () => people);
    expect(back.resolve.map((a) => [a.kind, a.resolution])).toEqual([['carrier_loading', 'condition_cleared']]);
    const cancelled = planAlerts(order({ status: 'cancelled' }), recorded, at('13:00'), env, () => people);
    expect(cancelled.resolve.map((a) => a.resolution)).toEqual(['order_finished']);
  });

  it('comes at once for a deal made less than 2 hours before loading, and never for one written up after loading', () => {
    expect(loadingReminderMoment(order({ carrierDeal: deal({ dealAt: at('13:00') }) }))).toEqual({ kind: 'carrier_loading', dueAt: at('14:00'), triggeredAt: at('13:00') });
    expect(loadingReminderMoment(order({ carrierDeal: deal({ dealAt: at('14:30') }) }))).toBeNull();
    expect(loadingReminderMoment(order({ carrierDeal: deal({ loadingAt: null }) }))).toBeNull();
  });

  it('a loading time in 2100 records nothing now and wakes the scheduler no sooner than then', () => {
    const far = order({ carrierDeal: deal({ loadingAt: Date.UTC(2100, 0, 1) }) });
    expect(carrierKinds(planAlerts(far, [], at('12:00'), env, () => people).create)).toEqual([]);
    expect(nextCarrierCheckAt(far, [], at('12:00'), env.policies, env.calendar)).toBe(Date.UTC(2100, 0, 1) - 2 * 3_600_000);
  });
});

describe('calls to the carrier in transit', () => {
  const moving = (patch: Partial<AlertOrder> = {}) => order({ status: 'in_transit', statusChangedAt: at('10:00'), ...patch });

  it('come every interval after the order went on the road; only the latest stays open', () => {
    expect(carrierKinds(planAlerts(moving(), [], at('10:59'), env, () => people).create)).toEqual([]);
    const first = runAt(moving(), [at('11:00'), at('11:30')]);
    expect(first.map((a) => [a.kind, a.dueAt, a.state])).toEqual([['carrier_call', at('11:00'), 'open']]);
    expect(first[0]?.messageEn).toBe('Order MR-1 (Kaspi) is on the road with carrier ТОО Жол Транс: call the carrier and ask where the cargo is and when it unloads.');
    expect(first[0]?.messageRu).toContain('в пути у перевозчика ТОО Жол Транс');
    expect(first[0]?.tasks[0]).toMatchObject({ action: 'call_carrier', to: '+7 701 123 45 67' });
    expect(nextAlertCheckAt(moving(), at('11:30'), env, first)).toBe(at('12:00'));
    const second = runAt(moving(), [at('12:00')], env, first);
    expect(second.map((a) => [a.dueAt, a.state, a.resolution])).toEqual([
      [at('11:00'), 'resolved', 'superseded'],
      [at('12:00'), 'open', null],
    ]);
  });

  it('after the dispatcher marks a call done, the next comes an interval after that', () => {
    const first = runAt(moving(), [at('11:00')]);
    const acked = first.map((a) => ({ ...a, state: 'acknowledged' as const, acknowledgedAt: at('11:20'), acknowledgedBy: 'u-d', acknowledgedByName: 'Aigerim' }));
    expect(carrierCallSchedule(moving(), acked, at('12:00'), env.policies, env.calendar)?.next).toBe(at('12:20'));
    expect(planAlerts(moving(), acked, at('12:00'), env, () => people)).toEqual({ create: [], resolve: [] });
    const later = runAt(moving(), [at('12:20')], env, acked);
    expect(later.map((a) => [a.dueAt, a.state])).toEqual([
      [at('11:00'), 'resolved'],
      [at('12:20'), 'open'],
    ]);
  });

  it('after hours of silence records only the latest missed call, not one per interval', () => {
    const rows = runAt(moving(), [at('15:30')]);
    expect(rows.map((a) => a.dueAt)).toEqual([at('15:00')]);
  });

  it('stop when delivered, cancelled or taken back from the carrier, and never start without an interval', () => {
    const rows = runAt(moving(), [at('11:00')]);
    const why = (o: AlertOrder) => planAlerts(o, rows, at('11:10'), env, () => people).resolve.map((a) => a.resolution);
    expect(why(moving({ status: 'delivered', deliveredAt: at('11:05') }))).toEqual(['order_finished']);
    expect(why(moving({ status: 'cancelled' }))).toEqual(['order_finished']);
    expect(why(moving({ carrierId: null, carrierDeal: null }))).toEqual(['condition_cleared']);
    expect(carrierKinds(planAlerts(moving(), [], at('20:00'), envWith(null), () => people).create)).toEqual([]);
    expect(nextCarrierCheckAt(moving(), [], at('10:30'), envWith(null).policies, DEFAULT_KZ_CALENDAR)).toBeNull();
    // An own-fleet order in transit gets no carrier calls.
    expect(carrierKinds(planAlerts(moving({ carrierId: null, carrierDeal: null }), [], at('20:00'), env, () => people).create)).toEqual([]);
  });

  it("count working hours for a working-hours service, as its deadline does (the SLA engine's rule)", () => {
    const express = { ...DEFAULT_SLA_POLICIES, express: { ...DEFAULT_SLA_POLICIES.express, carrierCallMinutes: 60 } };
    const e: AlertEnv = { policies: express, calendar: DEFAULT_KZ_CALENDAR };
    const evening = moving({ serviceType: 'express', statusChangedAt: at('17:30') });
    // 30 working minutes on Tuesday, the other 30 from 09:00 on Wednesday.
    expect(carrierCallSchedule(evening, [], at('17:31'), express, DEFAULT_KZ_CALENDAR)?.next).toBe(local('2026-03-04', '09:30'));
    expect(carrierKinds(planAlerts(evening, [], local('2026-03-04', '09:00'), e, () => people).create)).toEqual([]);
    expect(carrierKinds(planAlerts(evening, [], local('2026-03-04', '09:30'), e, () => people).create).map((a) => a.dueAt)).toEqual([local('2026-03-04', '09:30')]);
    // Intercity counts every minute: the truck is called at night too.
    const night = moving({ statusChangedAt: at('23:30') });
    expect(carrierCallSchedule(night, [], at('23:31'), env.policies, DEFAULT_KZ_CALENDAR)?.next).toBe(local('2026-03-04', '00:30'));
  });

  it('start after the deal when the order was handed over already on the road', () => {
    const handedLate = moving({ carrierDeal: deal({ dealAt: at('10:40') }) });
    expect(carrierCallSchedule(handedLate, [], at('10:41'), env.policies, env.calendar)?.next).toBe(at('11:40'));
  });
});

describe('who follows the carrier (the gap after issue 16)', () => {
  const handedBy = { ...people, carrierFollowerId: 'u-l' };

  it('the carrier follow-ups go to the carrier follower; the SLA alerts of the same order stay with the dispatcher and supervisor', () => {
    // Breached at the end of its deadline and still loading: every kind of the order at once.
    const late = order({ slaDeadline: at('12:30'), createdAt: at('05:00'), confirmedAt: at('05:00'), serviceType: 'express' });
    const rows = planAlerts(late, [], at('13:00'), env, () => handedBy).create;
    expect(Object.fromEntries(rows.map((a) => [a.kind, a.assigneeId]))).toMatchObject({ carrier_loading: 'u-l', sla_warning: 'u-d', sla_critical: 'u-s', sla_breach: 'u-s' });
    const calls = runAt(order({ status: 'in_transit', statusChangedAt: at('10:00') }), [at('11:00')]).map((a) => a.assigneeId);
    expect(calls).toEqual(['u-d']);
    const followed = planAlerts(order({ status: 'in_transit', statusChangedAt: at('10:00') }), [], at('11:00'), env, () => handedBy).create;
    expect(followed.map((a) => [a.kind, a.assigneeId])).toEqual([['carrier_call', 'u-l']]);
  });

  it('no follower named (null or left out): the dispatcher', () => {
    const a = (p: AlertPeople) => carrierKinds(planAlerts(order(), [], at('12:00'), env, () => p).create)[0]?.assigneeId;
    expect(a(people)).toBe('u-d');
    expect(a({ ...people, carrierFollowerId: null })).toBe('u-d');
    expect(a({ ...people, carrierFollowerId: 'u-l' })).toBe('u-l');
  });
});

describe('the carrier moments at their edges', () => {
  const moving = (patch: Partial<AlertOrder> = {}) => order({ status: 'in_transit', statusChangedAt: at('10:00'), ...patch });
  const HOUR = 3_600_000;
  const call = (dueAt: number, patch: Partial<AlertRow> = {}): AlertRow =>
    ({ ...runAt(moving(), [at('11:00')])[0]!, id: `call-${dueAt}`, dueAt, triggeredAt: dueAt, ...patch });

  it('need both a carrier and its deal: a deal left behind without a carrier, or a carrier without a deal, reminds of nothing', () => {
    for (const o of [order({ carrierId: null }), order({ carrierDeal: null }), moving({ carrierId: null }), moving({ carrierDeal: null })]) {
      expect(loadingReminderMoment(o)).toBeNull();
      expect(carrierCallSchedule(o, [], at('12:00'), env.policies, env.calendar)).toBeNull();
    }
    // An order read without its deal at all (the field left out, as for orders read only for SLA).
    for (const o of [order(), moving()]) {
      delete o.carrierDeal;
      expect(loadingReminderMoment(o)).toBeNull();
      expect(carrierCallSchedule(o, [], at('12:00'), env.policies, env.calendar)).toBeNull();
    }
  });

  it('a deal without a loading time reminds of nothing, however early it was made (no loading time is not time 0)', () => {
    for (const dealAt of [at('08:00'), 0, -1]) expect(loadingReminderMoment(order({ carrierDeal: deal({ loadingAt: null, dealAt }) }))).toBeNull();
  });

  it('the loading reminder is for goods not yet on the road, and a deal made at the loading minute still gets it', () => {
    expect(loadingReminderMoment(moving())).toBeNull();
    expect(loadingReminderMoment(order({ status: 'delivered' }))).toBeNull();
    expect(loadingReminderMoment(order({ status: 'at_warehouse' }))).toMatchObject({ dueAt: at('14:00') });
    expect(loadingReminderMoment(order({ carrierDeal: deal({ dealAt: at('14:00') }) }))).toEqual({ kind: 'carrier_loading', dueAt: at('14:00'), triggeredAt: at('14:00') });
  });

  it('a hand-edited interval that is zero, negative or fractional calls nobody; 15 minutes does', () => {
    for (const minutes of [null, 0, -15, 30.5]) expect(carrierCallInterval(moving(), envWith(minutes).policies)).toBeNull();
    expect(carrierCallInterval(moving(), envWith(15).policies)).toEqual({ minutes: 15, basis: 'calendar' });
    expect(carrierCallInterval(moving(), envWith(1).policies)).toEqual({ minutes: 1, basis: 'calendar' });
  });

  it("go on from this trip's latest call, whatever the order of the rows, ignoring other kinds and earlier trips", () => {
    const at1100 = call(at('11:00'));
    const at1200 = call(at('12:00'));
    for (const rows of [[at1100, at1200], [at1200, at1100]]) {
      const s = carrierCallSchedule(moving(), rows, at('12:30'), env.policies, env.calendar);
      expect(s).toEqual({ current: { kind: 'carrier_call', dueAt: at('12:00'), triggeredAt: at('12:00') }, next: at('13:00') });
    }
    // A loading reminder due later is not a call; a call of an earlier trip (before 10:00) is not this trip's.
    const loading = call(at('14:00'), { kind: 'carrier_loading' });
    const earlierTrip = call(at('09:30'));
    expect(carrierCallSchedule(moving(), [loading, earlierTrip], at('10:30'), env.policies, env.calendar)).toEqual({ current: null, next: at('11:00') });
    // The chain goes on from the latest call's acknowledgement (12:20's at 12:25), not an earlier one's
    // (11:00's at 11:20, which would put the next call at 13:20), in either order of the rows.
    const acked1100 = call(at('11:00'), { acknowledgedAt: at('11:20') });
    const acked1220 = call(at('12:20'), { acknowledgedAt: at('12:25') });
    for (const rows of [[acked1100, acked1220], [acked1220, acked1100]]) {
      const s = carrierCallSchedule(moving(), rows, at('12:30'), env.policies, env.calendar);
      expect(s).toEqual({ current: { kind: 'carrier_call', dueAt: at('12:20'), triggeredAt: at('12:20') }, next: at('13:25') });
    }
    // A call recorded at the very minute the order went on the road belongs to this trip.
    expect(carrierCallSchedule(moving(), [call(at('10:00'))], at('10:30'), env.policies, env.calendar)?.current?.dueAt).toBe(at('10:00'));
  });

  it('a server down for more than 10,000 intervals catches up 10,000 of them and leaves the rest of the gap', () => {
    const since = at('10:00');
    const s = carrierCallSchedule(moving(), [], since + 500 * 24 * HOUR, env.policies, env.calendar);
    expect(s).toEqual({ current: { kind: 'carrier_call', dueAt: since + 10_000 * HOUR, triggeredAt: since + 10_000 * HOUR }, next: since + 10_001 * HOUR });
  });

  it('wake the scheduler only for a reminder still ahead: none at or after its moment when nothing else is due', () => {
    expect(nextCarrierCheckAt(order(), [], at('11:59'), env.policies, env.calendar)).toBe(at('12:00'));
    expect(nextCarrierCheckAt(order(), [], at('12:00'), env.policies, env.calendar)).toBeNull();
    expect(nextCarrierCheckAt(order(), [], at('13:00'), env.policies, env.calendar)).toBeNull();
    expect(nextCarrierCheckAt(moving(), [], at('10:30'), env.policies, env.calendar)).toBe(at('11:00'));
    // Delivered, or no carrier: nothing of the carrier's is ever due.
    expect(nextCarrierCheckAt(order({ status: 'delivered' }), [], at('10:30'), env.policies, env.calendar)).toBeNull();
    expect(nextCarrierCheckAt(moving({ carrierId: null }), [], at('10:30'), env.policies, env.calendar)).toBeNull();
  });
});

describe('carrier alerts beside the other kinds (decide-alerts.ts)', () => {
  const moving = (patch: Partial<AlertOrder> = {}) => order({ status: 'in_transit', statusChangedAt: at('10:00'), ...patch });
  const resolutions = (rows: readonly AlertRow[]) => rows.map((a) => [a.kind, a.resolution]);

  it('a call taken back from the carrier clears even while an SLA alert falls due at that moment', () => {
    const calls = runAt(moving(), [at('11:00')]);
    // Taken back from the carrier at 11:10, with the SLA deadline close: the warning is due, no call is.
    const takenBack = moving({ carrierId: null, carrierDeal: null, slaDeadline: at('11:40') });
    const plan = planAlerts(takenBack, calls, at('11:10'), env, () => people);
    expect(resolutions(plan.resolve)).toEqual([['carrier_call', 'condition_cleared']]);
    expect(plan.create.map((a) => a.kind)).toContain('sla_warning');
  });

  it('a loading reminder clears as the order goes on the road, not superseded by the first call due with it', () => {
    const reminder = runAt(order(), [at('12:00')]);
    const onRoad = order({ status: 'in_transit', statusChangedAt: at('14:10') });
    const plan = planAlerts(onRoad, reminder, at('15:10'), env, () => people);
    expect(plan.create.map((a) => a.kind)).toEqual(['carrier_call']);
    expect(resolutions(plan.resolve)).toEqual([['carrier_loading', 'condition_cleared']]);
  });

  it("an SLA alert of an order with a carrier deal has no 'call the carrier' task", () => {
    const plan = planAlerts(moving({ slaDeadline: at('11:40') }), [], at('11:10'), env, () => people);
    const sla = plan.create.filter((a) => a.kind === 'sla_warning');
    expect(sla).toHaveLength(1);
    expect(sla[0]?.tasks).toEqual([]);
  });
});
