// The scheduler against a real server and SQLite file, with a fake clock and manual ticks:
// alert moments across a weekend and a holiday, exactly-once recording across restarts,
// resolution when the order moves on, and deadlines recomputed after an admin's change.
import { afterEach, describe, it, expect } from 'vitest';
import { ORDER_ARGS } from '../../shared/testing/fake-world';
import type { MutationActor } from '../../shared/mutators';
import type { AlertRow } from '../../shared/schema';
import { astana, schedulerServer } from '../testing/scheduler-server';
import { ArrivalService } from '../eta/arrival-service';
import { SpeedLearner } from '../eta/speed-learner';

const local = astana;
const actor = (id: string, role: MutationActor['actor'] & MutationActor['role'] & string): MutationActor => ({ id, name: id, actor: role, role: role as MutationActor['role'] });
const dispatcher = actor('u-dispatcher', 'dispatcher');
const admin = actor('u-admin', 'admin');
const warehouse = actor('u-warehouse', 'warehouse');
const h = schedulerServer();
const { boot, server, at } = h;
const alerts = () => h.alerts();
afterEach(() => h.cleanup());

const summary = (): string[] => alerts().map((a) => `${a.kind}:${a.state}${a.resolution ? `/${a.resolution}` : ''}`);

function createConfirmed(number: string, createdAt: number, confirmedAt: number, extra: Record<string, unknown> = {}): string {
  h.clock = createdAt;
  expect(server().runMutation('createOrder', { ...ORDER_ARGS, number, ...extra }, dispatcher, createdAt).result).toBe('applied');
  const id = server().engine.newTx().findOrderByNumber(number)?.id as string;
  h.clock = confirmedAt;
  expect(server().runMutation('confirmOrder', { orderId: id }, dispatcher, confirmedAt).result).toBe('applied');
  return id;
}

describe('alert timing across a weekend and a holiday', () => {
  it('warns, escalates and records the breach at the working-hours moments, each once', async () => {
    h.clock = local('2025-03-07', '09:00');
    await boot();
    // Monday 10 March is made a holiday by the admin (a government day swap).
    expect(server().runMutation('updateRegionCalendar', { regionId: 'astana', holidays: ['2025-03-10'] }, admin).result).toBe('applied');
    // Express (4 working hours) confirmed Friday 16:30: 1.5 h on Friday, Monday off, 2.5 h on Tuesday.
    const id = createConfirmed('MR-1', local('2025-03-07', '16:00'), local('2025-03-07', '16:30'));
    const order = server().engine.newTx().get('orders', id);
    expect(order?.slaDeadline).toBe(local('2025-03-11', '11:30'));
    at(local('2025-03-07', '16:31'));
    expect(alerts()).toEqual([]);
    // The scheduler sleeps until the order's next moment, not a tick per order per second.
    expect(h.sched().nextDueAt()).toBe(local('2025-03-08', '16:30') + 1); // the not-picked reminder (calendar time)

    at(local('2025-03-08', '16:31'));
    expect(summary()).toEqual(['not_picked:open']);
    expect(h.sched().nextDueAt()).toBe(local('2025-03-11', '10:30')); // warning: 1 working hour before

    at(local('2025-03-10', '12:00')); // the holiday: nothing new
    at(local('2025-03-11', '10:29'));
    expect(summary()).toEqual(['not_picked:open']);

    at(local('2025-03-11', '10:30'));
    expect(summary()).toEqual(['not_picked:open', 'sla_warning:open']);
    const warning = alerts().find((a) => a.kind === 'sla_warning') as AlertRow;
    expect(warning).toMatchObject({ audience: 'dispatcher', assigneeId: 'u-dispatcher', triggeredAt: local('2025-03-11', '10:30'), dueAt: local('2025-03-11', '11:30'), priority: false });
    expect(warning.messageRu).toContain('11.03.2025, 11:30');

    at(local('2025-03-11', '11:00'));
    expect(summary()).toEqual(['not_picked:open', 'sla_warning:open', 'sla_critical:open']);
    expect(alerts().find((a) => a.kind === 'sla_critical')).toMatchObject({ audience: 'supervisor', assigneeId: 'u-supervisor' });

    at(local('2025-03-11', '11:30')); // the deadline instant itself is still on time
    expect(alerts()).toHaveLength(3);
    at(local('2025-03-11', '11:30') + 1);
    const breach = alerts().find((a) => a.kind === 'sla_breach') as AlertRow;
    expect(breach).toMatchObject({ state: 'open', priority: true, audience: 'supervisor' });
    // Express breach actions: notify the manager and call the customer, plus the supervisor's task.
    expect(breach.tasks.map((x) => `${x.action}:${x.channel}:${x.to ?? '-'}`)).toEqual([
      'supervisor_task:task:-',
      'notify_manager:task:-',
      'call_customer:phone:+7 701 111 22 33',
    ]);
    expect(breach.tasks[2]?.text.ru).toContain('MR-1');
    expect(breach.tasks[2]?.text.en).toContain('MR-1');

    // Ticks and full scans later: still one of each.
    h.sched().requestFullScan();
    at(local('2025-03-11', '15:00'));
    at(local('2025-03-12', '15:00'));
    expect(alerts()).toHaveLength(4);

    // Picked and delivered: the reminders and SLA alerts are resolved, never deleted.
    expect(server().runMutation('markPicked', { orderId: id, source: 'scan' }, warehouse, h.clock).result).toBe('applied');
    at(h.clock + 1000);
    expect(summary()).toContain('not_picked:resolved/condition_cleared');
    expect(server().runMutation('setStatus', { orderId: id, to: 'in_transit' }, dispatcher, h.clock).result).toBe('applied');
    expect(server().runMutation('setStatus', { orderId: id, to: 'delivered' }, dispatcher, h.clock).result).toBe('applied');
    at(h.clock + 1000);
    expect(alerts().every((a) => a.state === 'resolved')).toBe(true);
  });

  it('a standard order confirmed before a weekend is due the next working day at the same time', async () => {
    h.clock = local('2025-03-07', '09:00');
    await boot();
    const id = createConfirmed('MR-2', local('2025-03-07', '14:00'), local('2025-03-07', '15:00'), { serviceType: 'standard' });
    expect(server().engine.newTx().get('orders', id)?.slaDeadline).toBe(local('2025-03-10', '15:00'));
    at(local('2025-03-10', '12:59'));
    expect(summary()).toEqual(['not_picked:open']);
    at(local('2025-03-10', '13:00')); // warn 2 h before
    expect(summary()).toEqual(['not_picked:open', 'sla_warning:open']);
  });
});

describe('restarts', () => {
  it('neither repeats nor loses alerts when the server restarts on the same file', async () => {
    h.clock = local('2025-03-04', '09:00');
    await boot();
    createConfirmed('MR-3', local('2025-03-04', '09:00'), local('2025-03-04', '10:00')); // due 14:00
    at(local('2025-03-04', '13:05'));
    expect(summary()).toEqual(['sla_warning:open']);
    // Back before the next moment: the start-up scan finds nothing new.
    h.clock = local('2025-03-04', '13:10');
    await h.restart('close');
    expect(summary()).toEqual(['sla_warning:open']);

    // Down (the process died) through the supervisor warning and the breach: both recorded at
    // start, the missed supervisor warning kept for the record but superseded by the breach.
    h.clock = local('2025-03-04', '15:00');
    await h.restart('kill');
    expect(summary()).toEqual(['sla_warning:open', 'sla_critical:resolved/superseded', 'sla_breach:open']);
    const before = alerts();
    h.clock = local('2025-03-04', '16:00');
    await h.restart('close');
    h.sched().requestFullScan();
    at(h.clock);
    expect(alerts()).toEqual(before);
  });
});

describe('acknowledging and admin changes', () => {
  it('acknowledges once, by desk roles only; an SLA policy change recomputes open deadlines', async () => {
    h.clock = local('2025-03-04', '09:00');
    await boot();
    const id = createConfirmed('MR-4', local('2025-03-04', '09:00'), local('2025-03-04', '10:00'));
    at(local('2025-03-04', '13:00'));
    const warning = alerts()[0] as AlertRow;
    expect(server().runMutation('acknowledgeAlert', { alertId: warning.id }, warehouse).result).toBe('rejected');
    expect(server().runMutation('acknowledgeAlert', { alertId: warning.id }, dispatcher, h.clock).result).toBe('applied');
    expect(server().runMutation('acknowledgeAlert', { alertId: warning.id }, admin, h.clock + 5).result).toBe('applied');
    expect(alerts()[0]).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'u-dispatcher', acknowledgedAt: h.clock });

    // Only an admin edits SLA rules.
    const policy = { key: 'express', normMinutes: 6 * 60, warnBeforeMinutes: 60, supervisorWarnBeforeMinutes: 30, timeBasis: 'working_hours', breachActions: ['notify_manager'] };
    expect(server().runMutation('updateSlaPolicy', { policy }, dispatcher).result).toBe('rejected');
    expect(server().runMutation('updateSlaPolicy', { policy }, admin, h.clock).result).toBe('applied');
    at(h.clock + 1);
    // 6 working hours from 10:00 -> 16:00; the old deadline's alert is resolved, not deleted.
    expect(server().engine.newTx().get('orders', id)?.slaDeadline).toBe(local('2025-03-04', '16:00'));
    expect(summary()).toEqual(['sla_warning:resolved/deadline_changed']);
    const events = server().db.sqlite.prepare("SELECT comment FROM order_events WHERE order_id = ? AND kind = 'edit'").all(id) as { comment: string }[];
    expect(events[0]?.comment).toMatch(/04\/03\/2025, 14:00 -> 04\/03\/2025, 16:00/);
    at(local('2025-03-04', '15:00'));
    expect(summary()).toEqual(['sla_warning:resolved/deadline_changed', 'sla_warning:open']);

    // New confirmations use the edited policy too.
    server().engine.writeRows((tx) =>
      tx.put('customers', { id: 'c-1', name: 'ТОО Ромашка', phone: '+7 701 111 22 33', email: 'info@romashka.kz', vipNormMinutes: null, updatedAt: h.clock }),
    );
    const id2 = createConfirmed('MR-5', local('2025-03-04', '15:00'), local('2025-03-04', '15:00'), { customerId: 'c-1' });
    expect(server().engine.newTx().get('orders', id2)?.slaDeadline).toBe(local('2025-03-05', '12:00'));

    // A VIP contract for the customer moves their open orders' deadlines (2 h, working hours).
    expect(server().runMutation('setCustomerVip', { customerId: 'c-1', vipNormMinutes: 120 }, dispatcher, h.clock).result).toBe('rejected');
    expect(server().runMutation('setCustomerVip', { customerId: 'c-1', vipNormMinutes: 120 }, admin, h.clock).result).toBe('applied');
    at(h.clock + 1);
    expect(server().engine.newTx().get('orders', id2)).toMatchObject({ vipNormMinutes: 120, slaDeadline: local('2025-03-04', '17:00') });
    // A holiday on an open order's working day moves it too (only that region's orders).
    expect(server().runMutation('updateRegionCalendar', { regionId: 'astana', holidays: ['2025-03-05'] }, admin, h.clock).result).toBe('applied');
    expect(server().runMutation('updateRegionCalendar', { regionId: 'astana', holidays: ['2025-02-30'] }, admin, h.clock).result).toBe('rejected');
    at(h.clock + 1);
    // MR-4: 6 working hours from Tue 10:00 is still Tue 16:00; nothing else moves on Tuesday.
    expect(server().engine.newTx().get('orders', id)?.slaDeadline).toBe(local('2025-03-04', '16:00'));
  });
});

describe('a holiday added by the admin', () => {
  it('moves exactly the open deadlines whose working time it removes, and taking it back moves them back', async () => {
    h.clock = local('2025-03-04', '08:00'); // Tuesday
    await boot();
    // A second region with the same hours: its orders must not follow Astana's calendar.
    server().engine.writeRows((tx) => {
      const astana = tx.get('regions', 'astana');
      if (astana === undefined) throw new Error('no astana');
      tx.put('regions', { ...astana, id: 'karaganda', name: 'Karaganda' });
    });
    at(h.clock + 1);
    const tue = (hhmm: string): number => local('2025-03-04', hhmm);
    // Express = 4 working hours. Confirmed Tue 16:00: 2 h on Tuesday, 2 h on Wednesday -> Wed 11:00.
    const crossing = createConfirmed('H-1', tue('15:00'), tue('16:00'));
    // Confirmed Tue 10:00 -> Tue 14:00: never touches Wednesday.
    const sameDay = createConfirmed('H-2', tue('09:00'), tue('10:00'));
    // Same times as H-1 but in Karaganda: Astana's holiday is not its holiday.
    const otherRegion = createConfirmed('H-3', tue('15:00'), tue('16:00'), { regionId: 'karaganda' });
    // Same times as H-1 but delivered already: closed books stay closed.
    const delivered = createConfirmed('H-4', tue('15:00'), tue('16:00'));
    for (const step of [
      () => server().runMutation('markPicked', { orderId: delivered, source: 'manual' }, dispatcher, h.clock),
      () => server().runMutation('setStatus', { orderId: delivered, to: 'in_transit' }, dispatcher, h.clock),
      () => server().runMutation('setStatus', { orderId: delivered, to: 'delivered' }, dispatcher, h.clock),
    ]) {
      expect(step().result).toBe('applied');
    }
    // Created, never confirmed: no deadline, and a holiday does not invent one.
    expect(server().runMutation('createOrder', { ...ORDER_ARGS, number: 'H-5' }, dispatcher, h.clock).result).toBe('applied');
    const unconfirmed = server().engine.newTx().findOrderByNumber('H-5')?.id as string;
    at(h.clock + 1);

    const deadlines = (): Record<string, number | null | undefined> => {
      const tx = server().engine.newTx();
      return Object.fromEntries([crossing, sameDay, otherRegion, delivered, unconfirmed].map((id) => [tx.get('orders', id)?.number, tx.get('orders', id)?.slaDeadline]));
    };
    const wed11 = local('2025-03-05', '11:00');
    const before = { 'H-1': wed11, 'H-2': tue('14:00'), 'H-3': wed11, 'H-4': wed11, 'H-5': null };
    expect(deadlines()).toEqual(before);
    const versions = (): Array<number | undefined> => [crossing, sameDay, otherRegion, delivered].map((id) => server().engine.newTx().get('orders', id)?.version);
    const versionsBefore = versions();

    expect(server().runMutation('updateRegionCalendar', { regionId: 'astana', holidays: ['2025-03-05'] }, admin, h.clock).result).toBe('applied');
    at(h.clock + 1);
    // Wednesday is off: H-1's two remaining hours fall on Thursday. Nothing else moves or is rewritten.
    expect(deadlines()).toEqual({ ...before, 'H-1': local('2025-03-06', '11:00') });
    expect(versions()).toEqual([(versionsBefore[0] ?? 0) + 1, ...versionsBefore.slice(1)]);
    const edits = server().db.sqlite.prepare("SELECT order_id AS orderId, comment FROM order_events WHERE kind = 'edit' AND reason = 'sla_rules_changed'").all() as Array<{ orderId: string; comment: string }>;
    expect(edits).toEqual([{ orderId: crossing, comment: expect.stringMatching(/05\/03\/2025, 11:00 -> 06\/03\/2025, 11:00/) as unknown as string }]);

    // The admin takes the holiday back: H-1 is due on Wednesday again.
    expect(server().runMutation('updateRegionCalendar', { regionId: 'astana', holidays: [] }, admin, h.clock).result).toBe('applied');
    at(h.clock + 1);
    expect(deadlines()).toEqual(before);
  });
});

describe('predicted late (the same predictions as the messages and the tracking page)', () => {
  it('records predicted_late from the arrival service once the driver cannot make the deadline, and resolves it when they can', async () => {
    h.clock = local('2025-03-04', '10:00'); // a Tuesday
    await boot();
    const s = server();
    const arrival = new ArrivalService(s.db.sqlite, s.engine.tables, new SpeedLearner(s.db.sqlite, s.engine, () => h.clock), (d) => s.positionOf(d));
    h.sched().usePredictions((order, now) => arrival.predict(order, now)?.at ?? null);
    // Express confirmed at 10:00: deadline 14:00, the h.clock warns from 13:00.
    const id = createConfirmed('MR-P1', local('2025-03-04', '09:55'), local('2025-03-04', '10:00'));
    const order = () => s.engine.newTx().get('orders', id)!;
    expect(s.runMutation('assignDriver', { orderId: id, driverId: 'd1', seenVersion: order().version }, dispatcher, h.clock).result).toBe('applied');
    expect(s.runMutation('markPicked', { orderId: id, source: 'scan' }, warehouse, h.clock).result).toBe('applied');
    expect(s.runMutation('setStatus', { orderId: id, to: 'in_transit' }, dispatcher, h.clock).result).toBe('applied');
    const fixAt = (lat: number, lon: number) => s.engine.writeRows((tx) => tx.put('drivers', { ...tx.get('drivers', 'd1')!, lat, lon, fixAt: h.clock }));

    // Near the address: no risk, no alert.
    fixAt(51.17, 71.43);
    at(local('2025-03-04', '10:05'));
    expect(summary()).toEqual([]);
    // 200 km away (Karaganda road): about 10 h at the fallback speed, far past 14:00.
    fixAt(49.81, 73.09);
    at(local('2025-03-04', '10:06'));
    expect(summary()).toEqual(['predicted_late:open']);
    const a = alerts()[0]!;
    expect(a).toMatchObject({ audience: 'dispatcher', dueAt: local('2025-03-04', '14:00') });
    expect(a.messageRu).toMatch(/по прогнозу водитель прибудет .*, а срок SLA — 04\.03\.2025, 14:00/);
    // Checked again within a minute; back near the address it clears.
    expect(h.sched().nextDueAt()).toBeLessThanOrEqual(local('2025-03-04', '10:07'));
    fixAt(51.17, 71.43);
    at(local('2025-03-04', '10:07'));
    expect(summary()).toEqual(['predicted_late:resolved/condition_cleared']);
  });
});
