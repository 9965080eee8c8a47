// An admin's SLA policy edit (a synced sla_policies row) is what the console's SLA views use:
// the at-risk filter and counts, the problem queue, the order card, the notices, and the
// session (from which the renderer's countdowns take their policies).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListOrdersResponse, OrderCounts, OrderDetail, ProblemQueue } from '../../shared/api/orders-api';
import type { SessionView } from '../../shared/api/session-api';
import type { Reply } from '../../shared/api/wire';
import { rowOfPolicy } from '../../shared/alerts/sla-policy-rows';
import { DEFAULT_SLA_POLICIES } from '../../shared/domain/sla-policy';
import { DEFAULT_KZ_CALENDAR } from '../../shared/domain/working-calendar';
import { alerts, slaPolicies, type AlertRow } from '../../shared/schema';
import { createApi, type Api } from './create-api';
import { createFakeSync } from '../testing/fake-sync';
import { eachFixtureReplica, HOUR, T0 } from '../testing/fixture-replica';
import { createNoticeWatcher } from '../notices/notice-watcher';
import { memorySettings } from '../settings/settings-store';

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const fx = eachFixtureReplica();
let api: Api;

beforeEach(() => {
  api = createApi({
    replica: fx().replica,
    settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }),
    connect: () => createFakeSync(),
    now: () => T0,
  });
  // 3 h left: outside the default 2 h warning window of a standard order.
  fx().addOrder({ id: 'o3h', status: 'confirmed', confirmedAt: T0 - 20 * HOUR, slaDeadline: T0 + 3 * HOUR });
});

afterEach(async () => {
  await api.close();
});

/** The admin widens the standard warning window to 4 h. */
function editStandardWarning(): void {
  fx().replica.db.insert(slaPolicies).values(rowOfPolicy({ ...DEFAULT_SLA_POLICIES.standard, warnBeforeMinutes: 4 * 60 }, T0, 'u-admin')).run();
}

const alertRow = (patch: Partial<AlertRow> & { id: string; orderId: string }): AlertRow => ({
  warehouseId: null, orderNumber: 'MR-1', kind: 'sla_warning', dueAt: T0 + 3 * HOUR, triggeredAt: T0, createdAt: T0, audience: 'dispatcher',
  assigneeId: null, priority: false, customerName: 'Kaspi Shop', messageRu: 'ru', messageEn: 'en', tasks: [], state: 'open',
  acknowledgedAt: null, acknowledgedBy: null, acknowledgedByName: null, resolvedAt: null, resolution: null, updatedAt: T0, ...patch,
});

const atRiskIds = async (): Promise<string[]> =>
  value<ListOrdersResponse>(await api.dispatch('listOrders', { slaBucket: 'at_risk' })).rows.map((r) => r.id);

describe('effective SLA policies in the console', () => {
  it('uses the defaults while no policy was edited', async () => {
    expect(await atRiskIds()).toEqual([]);
    expect(value<SessionView>(await api.dispatch('session', undefined)).slaPolicies).toEqual(DEFAULT_SLA_POLICIES);
  });

  it('moves the at-risk filter, counts, problem queue, card and session after an edit', async () => {
    editStandardWarning();
    expect(await atRiskIds()).toEqual(['o3h']);
    expect(value<OrderCounts>(await api.dispatch('orderCounts', {}))).toMatchObject({ atRisk: 1 });
    const q = value<ProblemQueue>(await api.dispatch('problemQueue', {}));
    expect(q.items.map((i) => [i.orderId, i.kind, i.since])).toEqual([['o3h', 'at_risk', T0 - HOUR]]);
    const card = value<OrderDetail>(await api.dispatch('getOrder', { orderId: 'o3h' }));
    expect(card.sla).toMatchObject({ warnBeforeMinutes: 240 });
    expect(card.sla.policy).toMatch(/warn 4 h before/);
    const session = value<SessionView>(await api.dispatch('session', undefined));
    expect(session.slaPolicies.standard.warnBeforeMinutes).toBe(240);
  });

  it("notifies from the server's alert rows, never from a clock of its own", async () => {
    const notices: string[] = [];
    const watcher = createNoticeWatcher({ replica: fx().replica, now: () => T0, emit: (n) => notices.push(`${n.kind}:${n.orderId}:${n.body}`), language: () => 'en', user: () => ({ id: 'u-dispatcher', role: 'dispatcher' }) });
    watcher.scan(); // the first scan only learns
    // In the desktop's calendar-time SQL the order is now at risk; the server (working time)
    // has recorded no alert, so the desktop says nothing: the shared rule decides.
    editStandardWarning();
    expect(await atRiskIds()).toEqual(['o3h']);
    watcher.scan();
    expect(notices).toEqual([]);
    fx().replica.db.insert(alerts).values(alertRow({ id: 'a1', orderId: 'o3h', kind: 'sla_warning', messageEn: 'Order MR-1 (Kaspi Shop): the SLA deadline is near.' })).run();
    watcher.scan();
    watcher.scan();
    expect(notices).toEqual(['sla_warning:o3h:Order MR-1 (Kaspi Shop): the SLA deadline is near.']);
    // Acknowledged or resolved alerts are not news.
    fx().replica.db.insert(alerts).values(alertRow({ id: 'a2', orderId: 'o3h', kind: 'sla_breach', dueAt: T0 + 1, state: 'acknowledged' })).run();
    watcher.scan();
    expect(notices).toHaveLength(1);
  });
});

describe('region calendars in the console', () => {
  it('sends each region calendar as edited in the session, and the region on every queue row', async () => {
    const before = value<SessionView>(await api.dispatch('session', undefined));
    expect(Object.keys(before.calendars)).toContain('r-ast');
    fx().replica.sqlite.prepare("UPDATE regions SET holidays = ?, work_start_minute = 480 WHERE id = 'r-ast'").run(JSON.stringify(['2026-03-09']));
    const after = value<SessionView>(await api.dispatch('session', undefined));
    expect(after.calendars['r-ast']).toMatchObject({ holidays: ['2026-03-09'], workStartMinute: 480 });
    const rows = value<ListOrdersResponse>(await api.dispatch('listOrders', {})).rows;
    expect(rows.find((r) => r.id === 'o3h')?.regionId).toBe('r-ast');
  });

  it('falls back to the default calendar for a region whose stored calendar is broken', async () => {
    fx().replica.sqlite.prepare("UPDATE regions SET work_start_minute = 1200, work_end_minute = 60 WHERE id = 'r-ast'").run();
    const session = value<SessionView>(await api.dispatch('session', undefined));
    expect(session.calendars['r-ast']).toEqual(DEFAULT_KZ_CALENDAR);
  });
});

