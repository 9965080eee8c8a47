// The admin's daily summary setting (issue 17): off until turned on; a time "HH:MM" and
// recipients who are active supervisors or admins; everything else refused naming the field,
// changing nothing.
import { describe, expect, it } from 'vitest';
import { fakeWorld, run, T0 } from '../testing/fake-world';

const good = { enabled: true, sendTime: '07:30', recipientIds: ['u-supervisor', 'u-admin'] };

describe('setDailySummary', () => {
  it('an admin turns it on with a time and recipients, then off', () => {
    const tx = fakeWorld();
    expect(tx.get('daily_summary_settings', 'company')).toBeUndefined();
    expect(run(tx, 'u-admin', 'setDailySummary', good, T0 + 5)).toEqual({ result: 'applied' });
    expect(tx.get('daily_summary_settings', 'company')).toEqual({ id: 'company', enabled: true, sendMinute: 450, recipientIds: ['u-supervisor', 'u-admin'], updatedBy: 'u-admin', updatedAt: T0 + 5 });
    expect(run(tx, 'u-admin', 'setDailySummary', { ...good, enabled: false }, T0 + 9).result).toBe('applied');
    expect(tx.get('daily_summary_settings', 'company')).toMatchObject({ enabled: false, updatedAt: T0 + 9 });
    // The same again writes nothing (no new version to sync).
    expect(run(tx, 'u-admin', 'setDailySummary', { ...good, enabled: false }, T0 + 20).result).toBe('applied');
    expect(tx.get('daily_summary_settings', 'company')?.updatedAt).toBe(T0 + 9);
  });

  it('only an admin may change it', () => {
    for (const who of ['u-supervisor', 'u-dispatcher', 'u-warehouse', 'u-logistician', 'u-shop']) {
      const tx = fakeWorld();
      expect(run(tx, who, 'setDailySummary', good), who).toMatchObject({ result: 'rejected', error: { code: 'forbidden' } });
      expect(tx.get('daily_summary_settings', 'company')).toBeUndefined();
    }
  });

  it('refuses a bad time naming sendTime', () => {
    const tx = fakeWorld();
    for (const sendTime of ['25:99', '24:00', '7:30', '07:60', '', '__proto__', 450, null, undefined]) {
      const out = run(tx, 'u-admin', 'setDailySummary', { ...good, sendTime });
      expect(out, JSON.stringify(sendTime)).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
      expect(out.result === 'rejected' && out.error.message).toMatch(/sendTime/);
    }
    expect(tx.get('daily_summary_settings', 'company')).toBeUndefined();
  });

  it('refuses unknown, inactive, repeated and non-supervisor recipients naming the entry', () => {
    const tx = fakeWorld();
    tx.put('users', { id: 'u-gone', name: 'Former Boss', role: 'supervisor', warehouseId: null, active: false, updatedAt: T0 });
    const cases: Array<[unknown[], string]> = [
      [['u-admin', 'u-nobody'], 'recipientIds.1'],
      [['__proto__'], 'recipientIds.0'],
      [['constructor'], 'recipientIds.0'],
      [['u-dispatcher'], 'recipientIds.0'],
      [['u-shop'], 'recipientIds.0'],
      [['u-gone'], 'recipientIds.0'],
      [['u-admin', 'u-admin'], 'recipientIds.1'],
      [[], 'recipientIds'],
    ];
    for (const [recipientIds, field] of cases) {
      const out = run(tx, 'u-admin', 'setDailySummary', { ...good, recipientIds });
      expect(out, JSON.stringify(recipientIds)).toMatchObject({ result: 'rejected', error: { code: 'bad_args', details: { field } } });
    }
    expect(tx.get('daily_summary_settings', 'company')).toBeUndefined();
  });

  it('says in words which entry is wrong and why, quoting at most 60 characters of an id', () => {
    const tx = fakeWorld();
    tx.put('users', { id: 'u-gone', name: 'Former Boss', role: 'supervisor', warehouseId: null, active: false, updatedAt: T0 });
    const long = `u-${'x'.repeat(120)}`;
    const quoted = JSON.stringify(long.slice(0, 60));
    tx.put('users', { id: long, name: 'Long Id', role: 'admin', warehouseId: null, active: true, updatedAt: T0 });
    const cases: Array<[unknown[], string]> = [
      [['u-admin', 'u-nobody'], 'recipientIds.1: no user "u-nobody"'],
      [[`${long}y`], `recipientIds.0: no user ${quoted}`],
      [['u-gone'], 'recipientIds.0: Former Boss is no longer active'],
      [['u-dispatcher'], 'recipientIds.0: Dispatcher Aigerim is not a supervisor or an administrator'],
      [['u-admin', 'u-admin'], 'recipientIds.1: "u-admin" is listed twice'],
      [[long, long], `recipientIds.1: ${quoted} is listed twice`],
      [[], 'recipientIds: choose at least one person to send the summary to'],
    ];
    for (const [recipientIds, message] of cases) {
      expect(run(tx, 'u-admin', 'setDailySummary', { ...good, recipientIds }), JSON.stringify(recipientIds)).toMatchObject({ result: 'rejected', error: { message } });
    }
    // Off, nobody needs to be listed.
    expect(run(tx, 'u-admin', 'setDailySummary', { ...good, enabled: false, recipientIds: [] })).toEqual({ result: 'applied' });
  });

  it('a new time or a new list alone is a change', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'setDailySummary', good, T0).result).toBe('applied');
    expect(run(tx, 'u-admin', 'setDailySummary', { ...good, sendTime: '07:31' }, T0 + 1).result).toBe('applied');
    expect(tx.get('daily_summary_settings', 'company')).toMatchObject({ sendMinute: 451, updatedAt: T0 + 1 });
    expect(run(tx, 'u-admin', 'setDailySummary', { ...good, sendTime: '07:31', recipientIds: ['u-admin'] }, T0 + 2).result).toBe('applied');
    expect(tx.get('daily_summary_settings', 'company')).toMatchObject({ recipientIds: ['u-admin'], updatedAt: T0 + 2 });
  });

  it('refuses unknown keys (__proto__ included), wrong types and too many recipients', () => {
    const tx = fakeWorld();
    const hostile: unknown[] = [
      JSON.parse('{"enabled":true,"sendTime":"07:30","recipientIds":["u-admin"],"__proto__":{"enabled":false}}'),
      { ...good, extra: 1 },
      { ...good, enabled: 'yes' },
      { ...good, recipientIds: 'u-admin' },
      { ...good, recipientIds: [42] },
      { ...good, recipientIds: [''] },
      { ...good, recipientIds: Array.from({ length: 51 }, (_, i) => `u-${i}`) },
    ];
    for (const args of hostile) expect(run(tx, 'u-admin', 'setDailySummary', args), JSON.stringify(args)).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(tx.get('daily_summary_settings', 'company')).toBeUndefined();
  });
});
