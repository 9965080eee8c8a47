import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertList, SlaSettingsView } from '../../shared/api/alerts-api';
import type { ScanResult } from '../../shared/api/warehouse-api';
import type { Reply } from '../../shared/api/wire';
import { alerts, type AlertRow } from '../../shared/schema';
import { createApi, type Api } from './create-api';
import { createFakeSync, type FakeSync } from '../testing/fake-sync';
import { eachFixtureReplica, HOUR, T0 } from '../testing/fixture-replica';
import { memorySettings } from '../settings/settings-store';

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const fx = eachFixtureReplica();
let sync: FakeSync;
let api: Api;

function start(user: Parameters<typeof createFakeSync>[0]): void {
  sync = createFakeSync(user);
  api = createApi({ replica: fx().replica, settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }), connect: () => sync, now: () => T0 });
}

beforeEach(() => {
});
afterEach(async () => {
  await api.close();
});

describe('scanPick (the warehouse scanner)', () => {
  beforeEach(() => {
    fx().addOrder({ id: 'o-ok', number: 'MR-2001', status: 'confirmed', confirmedAt: T0 - HOUR, slaDeadline: T0 + HOUR });
    fx().addOrder({ id: 'o-done', number: 'MR-2002', status: 'at_warehouse', confirmedAt: T0 - HOUR, pickedAt: T0 - 60_000 });
    fx().addOrder({ id: 'o-w2', number: 'MR-2003', status: 'confirmed', confirmedAt: T0 - HOUR, warehouseId: 'w2' });
    fx().addOrder({ id: 'o-new', number: 'MR-2004', status: 'new' });
    start({ id: 'u-wh', name: 'Saule', role: 'warehouse' });
  });
  const scan = async (number: string): Promise<ScanResult> => value<ScanResult>(await api.dispatch('scanPick', { number }));

  it('marks a pickable order picked by its number, source scan (case and whitespace from the scanner ignored)', async () => {
    expect(await scan('  mr-2001\r')).toMatchObject({ outcome: 'picked', orderId: 'o-ok', number: 'MR-2001', status: 'at_warehouse', mid: 1 });
    expect(sync.calls).toEqual([{ name: 'markPicked', args: { number: 'MR-2001', source: 'scan' } }]);
  });

  it('finds the order by its digits alone, as the order search does (issue #13 item 13)', async () => {
    expect(await scan('2001')).toMatchObject({ outcome: 'picked', orderId: 'o-ok', number: 'MR-2001' });
    expect(sync.calls).toEqual([{ name: 'markPicked', args: { number: 'MR-2001', source: 'scan' } }]);
    expect(await scan('001')).toMatchObject({ outcome: 'unknown' });
  });

  it('answers unknown, already picked, other warehouse and not ready without changing anything', async () => {
    expect(await scan('MR-9999')).toMatchObject({ outcome: 'unknown', orderId: null });
    expect(await scan('MR-2002')).toMatchObject({ outcome: 'already_picked', orderId: 'o-done' });
    expect(await scan('MR-2003')).toMatchObject({ outcome: 'other_warehouse' });
    expect(await scan('MR-2004')).toMatchObject({ outcome: 'not_ready', status: 'new' });
    expect(sync.calls).toEqual([]);
  });

  it("reports the rules' refusal as 'refused' with the reason", async () => {
    sync.refuseNext('forbidden', 'A warehouse user can only pick');
    expect(await scan('MR-2001')).toMatchObject({ outcome: 'refused', message: 'A warehouse user can only pick' });
  });

  it('refuses an empty scan at the schema', async () => {
    expect(await api.dispatch('scanPick', { number: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('cleans scanner noise at the schema, by the same rule as the scan box', async () => {
    expect(await scan('\u0002mr-2001\u0003\n')).toMatchObject({ outcome: 'picked', number: 'MR-2001' });
    expect(await api.dispatch('scanPick', { number: '\u0002\u0003' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await api.dispatch('scanPick', { number: 'M'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('alerts on the desktop', () => {
  const alert = (patch: Partial<AlertRow> & { id: string }): AlertRow => ({
    orderId: 'o-ok', warehouseId: null, orderNumber: 'MR-2001', kind: 'sla_warning', dueAt: T0 + HOUR, triggeredAt: T0, createdAt: T0, audience: 'dispatcher',
    assigneeId: 'u-disp', priority: false, customerName: 'Kaspi Shop', messageRu: 'ru', messageEn: 'en', tasks: [], state: 'open',
    acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, resolvedAt: null, resolution: null, updatedAt: T0, ...patch,
  });

  beforeEach(() => {
    fx().addOrder({ id: 'o-ok', number: 'MR-2001', status: 'confirmed', confirmedAt: T0 - HOUR, slaDeadline: T0 + HOUR });
    fx().replica.db
      .insert(alerts)
      .values([
        alert({ id: 'a1' }),
        alert({ id: 'a2', kind: 'sla_breach', audience: 'supervisor', assigneeId: 'u-sup', priority: true, triggeredAt: T0 + 1 }),
        alert({ id: 'a3', kind: 'not_picked', state: 'acknowledged', acknowledgedAt: T0, acknowledgedByName: 'Aigerim' }),
        alert({ id: 'a4', dueAt: T0, state: 'resolved', resolution: 'order_finished', resolvedAt: T0 }),
      ])
      .run();
    start({ id: 'u-disp', name: 'Aigerim', role: 'dispatcher' });
  });

  it('lists active alerts open first with counts, and filters mine / priority', async () => {
    const list = value<AlertList>(await api.dispatch('listAlerts', {}));
    expect(list.items.map((a) => a.id)).toEqual(['a2', 'a1', 'a3']);
    expect(list.counts).toEqual({ open: 2, openMine: 1, priority: 1, acknowledged: 1 });
    expect(list.items[1]).toMatchObject({ mine: true, orderStatus: 'confirmed', assigneeName: 'Aigerim' });
    expect(value<AlertList>(await api.dispatch('listAlerts', { mine: true })).items.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(value<AlertList>(await api.dispatch('listAlerts', { priority: true })).items.map((a) => a.id)).toEqual(['a2']);
    expect(value<AlertList>(await api.dispatch('listAlerts', { state: 'resolved' })).items.map((a) => a.id)).toEqual(['a4']);
  });

  it('acknowledges through the sync client', async () => {
    expect(value(await api.dispatch('acknowledgeAlert', { alertId: 'a1' }))).toMatchObject({ ok: true });
    expect(sync.calls).toEqual([{ name: 'acknowledgeAlert', args: { alertId: 'a1' } }]);
  });

  it('shows SLA settings (defaults) read-only to a dispatcher', async () => {
    const s = value<SlaSettingsView>(await api.dispatch('slaSettings', undefined));
    expect(s.canEdit).toBe(false);
    expect(s.policies.map((p) => `${p.key}:${p.normMinutes}`)).toEqual(['express:240', 'standard:1440', 'intercity:4320', 'vip:null']);
    expect(s.regions[0]).toMatchObject({ id: 'r-ast', workingDays: [1, 2, 3, 4, 5], holidays: [] });
    expect(await api.dispatch('updateRegionCalendar', { regionId: 'r-ast', holidays: ['2026-13-01x'] })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
