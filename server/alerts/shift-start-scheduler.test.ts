// The "nobody started the day" check in the server's scheduler (issue 18), on a real server and
// SQLite file with a fake clock and manual ticks: the admin's time, one alert per warehouse and
// day across ticks and restarts, resolved when a driver starts, nothing on a holiday.
import { afterEach, describe, expect, it } from 'vitest';
import type { MutationActor } from '../../shared/mutators';
import type { AlertRow } from '../../shared/schema';
import { astana, schedulerServer } from '../testing/scheduler-server';

const local = astana;
const admin: MutationActor = { id: 'u-admin', name: 'Admin Timur', actor: 'admin', role: 'admin' };
const dispatcher: MutationActor = { id: 'u-dispatcher', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' };
const h = schedulerServer();
const { boot, server, at, restart } = h;
const alerts = () => h.alerts('no_shift_start');
afterEach(() => h.cleanup());

const summary = (): string[] => alerts().map((a) => `${a.warehouseId}:${a.state}${a.resolution ? `/${a.resolution}` : ''}`);

function mutate(name: string, args: unknown, who: MutationActor): void {
  expect(server().runMutation(name, args, who, h.clock).result).toBe('applied');
}

describe('no_shift_start in the scheduler', () => {
  it('alerts the supervisors once per warehouse and day, across ticks and restarts, and resolves when a driver starts', async () => {
    // The fixed world's two drivers (warehouse w1) went on shift on Monday and never ended it.
    h.clock = local('2025-03-04', '07:00'); // Tuesday
    await boot();
    mutate('setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '09:00' }, admin);
    at(local('2025-03-04', '08:59'));
    expect(alerts()).toEqual([]);

    at(local('2025-03-04', '09:00'));
    expect(summary()).toEqual(['w1:open']); // w2 has no check set: nothing for it
    const [raised] = alerts() as [AlertRow];
    expect(raised).toMatchObject({ orderId: null, orderNumber: null, kind: 'no_shift_start', audience: 'supervisor', assigneeId: null, dueAt: local('2025-03-04', '09:00') });
    expect(raised.messageRu).toBe('«Astana North»: к 09:00 (04.03.2025) ни один водитель склада не начал рабочий день.');
    expect(raised.messageEn).toBe('Astana North: no driver of the warehouse had started the day by 09:00 (04/03/2025).');
    // It went through the change log, as every synced row does.
    const logged = server().db.sqlite.prepare("SELECT count(*) AS n FROM change_log WHERE tbl = 'alerts' AND row_id = ?").get(raised.id) as { n: number };
    expect(logged.n).toBe(1);

    at(local('2025-03-04', '09:10'));
    h.sched().requestFullScan();
    at(local('2025-03-04', '09:11'));
    await restart('close');
    at(local('2025-03-04', '09:20'));
    await restart('kill');
    at(local('2025-03-04', '09:25'));
    expect(alerts()).toEqual([raised]);

    // Arman ends yesterday's shift and starts today's: the alert is resolved.
    h.clock = local('2025-03-04', '09:30');
    mutate('setDriverShift', { driverId: 'd1', state: 'off_shift' }, dispatcher);
    at(local('2025-03-04', '09:30'));
    expect(summary()).toEqual(['w1:open']);
    h.clock = local('2025-03-04', '09:31');
    mutate('setDriverShift', { driverId: 'd1', state: 'on_shift' }, dispatcher);
    at(local('2025-03-04', '09:32'));
    expect(summary()).toEqual(['w1:resolved/condition_cleared']);
    expect(alerts()[0]?.resolvedAt).toBe(local('2025-03-04', '09:32'));

    // He goes home again: the day's alert was said once, nothing new.
    h.clock = local('2025-03-04', '12:00');
    mutate('setDriverShift', { driverId: 'd1', state: 'off_shift' }, dispatcher);
    at(local('2025-03-04', '12:01'));
    expect(summary()).toEqual(['w1:resolved/condition_cleared']);
  });

  it('says nothing on a holiday, alerts again on the next working day, and follows the time the admin changes', async () => {
    h.clock = local('2025-03-04', '20:00');
    await boot();
    mutate('setWarehouseShiftStartAlert', { warehouseId: 'w2', time: '08:30' }, admin); // w2 has no drivers at all
    mutate('updateRegionCalendar', { regionId: 'astana', holidays: ['2025-03-05'] }, admin);
    at(local('2025-03-05', '10:00')); // Wednesday, a holiday
    expect(alerts()).toEqual([]);
    at(local('2025-03-06', '08:29'));
    expect(alerts()).toEqual([]);
    at(local('2025-03-06', '08:30'));
    expect(summary()).toEqual(['w2:open']);

    // Friday: the admin moves the time to 10:15, then turns the check off for the weekend.
    h.clock = local('2025-03-07', '07:00');
    mutate('setWarehouseShiftStartAlert', { warehouseId: 'w2', time: '10:15' }, admin);
    at(local('2025-03-07', '08:30'));
    expect(summary()).toEqual(['w2:open']);
    at(local('2025-03-07', '10:15'));
    expect(alerts().map((a) => a.dueAt)).toEqual([local('2025-03-06', '08:30'), local('2025-03-07', '10:15')]);
    mutate('setWarehouseShiftStartAlert', { warehouseId: 'w2', time: null }, admin);
    at(local('2025-03-10', '10:30')); // Monday: off, nothing new
    expect(alerts()).toHaveLength(2);
  });

  it('order alerts are untouched by warehouse alerts: the order scan skips them', async () => {
    h.clock = local('2025-03-04', '07:00');
    await boot();
    mutate('setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '09:00' }, admin);
    at(local('2025-03-04', '09:05'));
    h.sched().requestFullScan();
    const r = h.sched().tick();
    expect(r).toMatchObject({ created: 0, resolved: 0 });
    expect(h.sched().counters.errors).toBe(0);
    expect(summary()).toEqual(['w1:open']);
  });
});
