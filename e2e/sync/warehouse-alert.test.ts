// A warehouse alert end to end (issue 18): an admin's desk sets a warehouse's "started the day
// by" time through the typed API, the server's scheduler raises "nobody started the day", and a
// supervisor's desk receives it by sync: in its alert list in words with the warehouse's name,
// as a notice pointing at the warehouse, and resolved once a driver starts the day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertList, SlaSettingsView } from '../../shared/api/alerts-api';
import type { CommandResult } from '../../shared/api/define';
import type { NoticeEvent } from '../../shared/api/events';
import type { AlertScheduler } from '../../server/alerts/alert-scheduler';
import { attachAlerts } from '../../server/alerts/attach-alerts';
import type { MarshrutServer } from '../../server/server';
import { seedServer, startTestServer, testDir, waitFor, type TestDir } from './harness';
import { deskSet, eventually, value } from './desks';

const local = (d: string, hhmm: string): number => Date.parse(`${d}T${hhmm}:00+05:00`);

const DISPATCHER = { id: 'u-d', name: 'Dispatcher Aigerim', actor: 'dispatcher', role: 'dispatcher' } as const;

let dir: TestDir;
let server: MarshrutServer;
let sched: AlertScheduler;
let clock = local('2025-03-04', '07:00'); // a Tuesday; the seeded drivers went on shift on Monday
const desks = deskSet(() => ({ server, dir }));

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 0);
  sched = attachAlerts(server, { clock: () => clock, timers: { set: () => 0, clear: () => undefined } });
});

afterEach(async () => {
  await desks.closeAll();
  await server.close();
  dir.cleanup();
});

describe('a warehouse where nobody started the day', () => {
  it('reaches the supervisor’s desk in words, points at the warehouse, and resolves when a driver starts', async () => {
    const admin = (await desks.open('admin', 'Admin Timur')).api;
    const supervisor = (await desks.open('supervisor', 'Supervisor Gulnara')).api;
    const notices: NoticeEvent[] = [];
    supervisor.events.on('notice', (n) => notices.push(n));

    // The admin's setting goes through the mutator; a bad time is refused at the desk's door.
    expect(await admin.dispatch('setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '25:00' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(value<CommandResult>(await admin.dispatch('setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '09:00' })).ok).toBe(true);
    await waitFor('the setting on the server', () => server.engine.newTx().get('warehouses', 'w1')?.shiftStartAlertMinute === 540);
    const view = await eventually('the setting on the supervisor’s desk', async () => {
      const v = value<SlaSettingsView>(await supervisor.dispatch('slaSettings', undefined));
      return v.warehouses.find((w) => w.id === 'w1')?.shiftStartAlertMinute === 540 ? v : null;
    });
    expect(view.warehouses.find((w) => w.id === 'w1')).toMatchObject({ name: 'Astana North', shiftStartAlertMinute: 540 });

    clock = local('2025-03-04', '08:59');
    sched.tick();
    clock = local('2025-03-04', '09:01');
    sched.tick();
    let list = await eventually('the alert on the supervisor’s desk', async () => {
      const l = value<AlertList>(await supervisor.dispatch('listAlerts', { state: 'active' }));
      return l.items.length > 0 ? l : null;
    });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      kind: 'no_shift_start',
      orderId: null,
      orderNumber: null,
      warehouseId: 'w1',
      warehouseName: 'Astana North',
      orderStatus: null,
      audience: 'supervisor',
      state: 'open',
      messageRu: '«Astana North»: к 09:00 (04.03.2025) ни один водитель склада не начал рабочий день.',
      messageEn: 'Astana North: no driver of the warehouse had started the day by 09:00 (04/03/2025).',
    });
    await waitFor('the notice', () => notices.some((n) => n.kind === 'no_shift_start'));
    expect(notices.filter((n) => n.kind === 'no_shift_start')).toEqual([
      expect.objectContaining({ orderId: null, warehouseId: 'w1', number: 'Astana North', title: expect.stringContaining('Astana North') }),
    ]);

    // A driver starts the day (from the server's side, as the phone page does): resolved everywhere.
    expect(server.runMutation('setDriverShift', { driverId: 'd2', state: 'off_shift' }, DISPATCHER).result).toBe('applied');
    expect(server.runMutation('setDriverShift', { driverId: 'd2', state: 'on_shift' }, DISPATCHER).result).toBe('applied');
    clock = local('2025-03-04', '09:40');
    sched.tick();
    list = await eventually('the resolution on the supervisor’s desk', async () => {
      const l = value<AlertList>(await supervisor.dispatch('listAlerts', { state: 'resolved' }));
      return l.items.length > 0 ? l : null;
    });
    expect(list.items.map((a) => [a.kind, a.state, a.resolution])).toEqual([['no_shift_start', 'resolved', 'condition_cleared']]);
  });
});
