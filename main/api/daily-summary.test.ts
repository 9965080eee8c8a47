// The admin's daily summary setting through the typed API on a real replica: off by default,
// the supervisors and admins it may go to with their e-mail (or none), and hostile values
// refused with the field named before anything is queued for the server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DailySummaryView } from '../../shared/api/reports-api';
import type { Reply } from '../../shared/api/wire';
import { dailySummarySettings, staffNotifyPrefs, users } from '../../shared/schema';
import { createApi, type Api } from './create-api';
import { createFakeSync } from '../testing/fake-sync';
import { eachFixtureReplica, T0 } from '../testing/fixture-replica';
import { memorySettings } from '../settings/settings-store';

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const fx = eachFixtureReplica();
let api: Api;
let sync: ReturnType<typeof createFakeSync>;

function open(role: 'admin' | 'supervisor'): void {
  sync = createFakeSync({ id: role === 'admin' ? 'u-admin' : 'u-sup', name: 'X', role });
  api = createApi({ replica: fx().replica, settings: memorySettings({ serverUrl: 'http://127.0.0.1:1', token: 't' }), connect: () => sync, now: () => T0 });
}

beforeEach(() => {
  fx().replica.db
    .insert(users)
    .values([
      { id: 'u-admin', name: 'Timur', role: 'admin', updatedAt: T0 },
      { id: 'u-sup', name: 'Gulnara', role: 'supervisor', updatedAt: T0 },
      { id: 'u-old', name: 'Berik', role: 'supervisor', active: false, updatedAt: T0 },
    ])
    .run();
  fx().replica.db.insert(staffNotifyPrefs).values({ id: 'u-sup', channel: 'email', kinds: [], email: 'g@example.kz', language: 'en', updatedAt: T0 }).run();
  open('admin');
});

afterEach(async () => {
  await api.close();
});

describe('daily summary setting', () => {
  it('is off by default and lists active supervisors and admins with their e-mail', async () => {
    const view = value<DailySummaryView>(await api.dispatch('dailySummarySettings', {}));
    expect(view).toEqual({
      enabled: false,
      sendTime: '08:00',
      recipientIds: [],
      canEdit: true,
      candidates: [
        { id: 'u-sup', name: 'Gulnara', role: 'supervisor', email: 'g@example.kz', language: 'en' },
        { id: 'u-admin', name: 'Timur', role: 'admin', email: null, language: 'ru' },
      ],
    });
  });

  it('shows the stored setting', async () => {
    fx().replica.db.insert(dailySummarySettings).values({ id: 'company', enabled: true, sendMinute: 7 * 60 + 45, recipientIds: ['u-sup'], updatedAt: T0 }).run();
    expect(value<DailySummaryView>(await api.dispatch('dailySummarySettings', {}))).toMatchObject({ enabled: true, sendTime: '07:45', recipientIds: ['u-sup'] });
  });

  it('leaves out a recipient no longer active, so the form (which lists only active people) can save', async () => {
    fx().replica.db.insert(dailySummarySettings).values({ id: 'company', enabled: true, sendMinute: 8 * 60, recipientIds: ['u-old', 'u-sup'], updatedAt: T0 }).run();
    const view = value<DailySummaryView>(await api.dispatch('dailySummarySettings', {}));
    expect(view.recipientIds).toEqual(['u-sup']);
    expect(await api.dispatch('setDailySummary', { enabled: view.enabled, sendTime: view.sendTime, recipientIds: view.recipientIds })).toMatchObject({ ok: true });
  });

  it('an admin saves it: one mutation for the server', async () => {
    expect(await api.dispatch('setDailySummary', { enabled: true, sendTime: '07:30', recipientIds: ['u-sup'] })).toMatchObject({ ok: true });
    expect(sync.calls.map((c) => c.name)).toEqual(['setDailySummary']);
  });

  // Who may be a recipient is the mutator's rule (shared/mutators/daily-summary-settings.test.ts,
  // and on a real server in server/reports/daily-summary.test.ts); the shape is refused here first.
  it('refuses malformed values naming the field, and queues nothing', async () => {
    const refusals: Array<[unknown, string]> = [
      [{ enabled: true, sendTime: '25:99', recipientIds: ['u-sup'] }, 'sendTime'],
      [{ enabled: true, sendTime: '8:00', recipientIds: ['u-sup'] }, 'sendTime'],
      [{ enabled: true, sendTime: '08:00', recipientIds: [''] }, 'recipientIds.0'],
      [{ enabled: true, sendTime: '08:00', recipientIds: 'u-sup' }, 'recipientIds'],
      [{ enabled: 'yes', sendTime: '08:00', recipientIds: [] }, 'enabled'],
      [JSON.parse('{"enabled":false,"sendTime":"08:00","recipientIds":[],"__proto__":{"x":1}}'), '__proto__'],
    ];
    for (const [args, field] of refusals) {
      const r = await api.dispatch('setDailySummary', args);
      expect(r, JSON.stringify(args)).toMatchObject({ ok: false });
      expect(JSON.stringify(r), JSON.stringify(args)).toContain(field);
    }
    expect(sync.calls).toHaveLength(0);
  });

  it('a supervisor reads it and is told it is not theirs to change', async () => {
    await api.close();
    open('supervisor');
    expect(value<DailySummaryView>(await api.dispatch('dailySummarySettings', {})).canEdit).toBe(false);
  });
});
