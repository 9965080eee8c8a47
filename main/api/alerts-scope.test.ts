// What each signed-in user reads in the Alerts tab, through the typed API on a real replica
// (issue 16's gap): a logistician only the carrier follow-ups addressed to them, with counts of
// those alone; a dispatcher every alert, as before; a storekeeper none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertCounts, AlertList } from '../../shared/api/alerts-api';
import type { Reply } from '../../shared/api/wire';
import type { UserRole } from '../../shared/domain/vocabulary';
import { alerts } from '../../shared/schema';
import { memorySettings } from '../settings/settings-store';
import { createFakeSync } from '../testing/fake-sync';
import { eachFixtureReplica, HOUR, T0 } from '../testing/fixture-replica';
import { createApi, type Api } from './create-api';

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const fx = eachFixtureReplica();
let api: Api | null = null;

afterEach(async () => {
  await api?.close();
  api = null;
});

type Row = typeof alerts.$inferInsert;
let due = 0;
const row = (id: string, kind: Row['kind'], assigneeId: string | null, patch: Partial<Row> = {}): Row => ({
  id, orderId: 'o-1', orderNumber: 'FR-1', kind, dueAt: T0 + HOUR + ++due, triggeredAt: T0, createdAt: T0, audience: 'dispatcher', assigneeId,
  customerName: 'ТОО Ромашка', messageRu: 'ru', messageEn: 'en', tasks: [], state: 'open', updatedAt: T0, ...patch,
});

beforeEach(() => {
  fx().addOrder({ id: 'o-1', number: 'FR-1', status: 'confirmed', updatedAt: T0 });
  fx().replica.db
    .insert(alerts)
    .values([
      row('al:mine-loading', 'carrier_loading', 'u-logistician'),
      row('al:mine-call', 'carrier_call', 'u-logistician', { state: 'acknowledged', acknowledgedAt: T0 + 1, acknowledgedBy: 'u-logistician', acknowledgedByName: 'Dana' }),
      row('al:mine-old', 'carrier_call', 'u-logistician', { state: 'resolved', resolution: 'superseded', resolvedAt: T0 + 2, triggeredAt: T0 - HOUR }),
      row('al:other-log', 'carrier_loading', 'u-logistician2'),
      row('al:dispatcher', 'carrier_call', 'u-dispatcher'),
      row('al:unaddressed', 'carrier_loading', null),
      // Never written by the scheduler (SLA alerts go to the desk), and still not theirs if it were.
      row('al:sla-mine', 'sla_warning', 'u-logistician'),
      row('al:breach', 'sla_breach', 'u-supervisor', { audience: 'supervisor', priority: true }),
    ])
    .run();
});

/** The typed API as `id` (of `role`) signs in on this replica. */
function desk(id: string, role: UserRole): Api {
  const sync = createFakeSync({ id, name: id, role });
  api = createApi({ replica: fx().replica, settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }), connect: () => sync, now: () => T0 });
  return api;
}

const ids = (l: AlertList) => l.items.map((a) => a.id);

describe('the alert list by who reads it', () => {
  it('a logistician reads only the carrier follow-ups addressed to them, and counts only those', async () => {
    const a = desk('u-logistician', 'logistician');
    expect(ids(value<AlertList>(await a.dispatch('listAlerts', { state: 'active' })))).toEqual(['al:mine-loading', 'al:mine-call']);
    expect(ids(value<AlertList>(await a.dispatch('listAlerts', { state: 'all' })))).toEqual(['al:mine-loading', 'al:mine-call', 'al:mine-old']);
    expect(ids(value<AlertList>(await a.dispatch('listAlerts', { state: 'resolved' })))).toEqual(['al:mine-old']);
    // Asking for the priority queue or 'mine' narrows their list, never widens it.
    expect(ids(value<AlertList>(await a.dispatch('listAlerts', { state: 'active', priority: true })))).toEqual([]);
    expect(ids(value<AlertList>(await a.dispatch('listAlerts', { state: 'active', mine: true })))).toEqual(['al:mine-loading', 'al:mine-call']);
    expect(value<AlertCounts>(await a.dispatch('alertCounts', {}))).toEqual({ open: 1, openMine: 1, priority: 0, acknowledged: 1 });
  });

  it('a dispatcher reads every alert and counts them all, as before', async () => {
    const a = desk('u-dispatcher', 'dispatcher');
    const list = value<AlertList>(await a.dispatch('listAlerts', { state: 'all' }));
    expect(list.items).toHaveLength(8);
    expect(list.items.filter((x) => x.mine).map((x) => x.id)).toEqual(['al:dispatcher']);
    expect(value<AlertCounts>(await a.dispatch('alertCounts', {}))).toEqual({ open: 6, openMine: 1, priority: 1, acknowledged: 1 });
  });

  it('a storekeeper reads none', async () => {
    const a = desk('u-warehouse', 'warehouse');
    expect(ids(value<AlertList>(await a.dispatch('listAlerts', { state: 'all' })))).toEqual([]);
    expect(value<AlertCounts>(await a.dispatch('alertCounts', {}))).toEqual({ open: 0, openMine: 0, priority: 0, acknowledged: 0 });
  });
});
