// The admin's per-warehouse "started the day by" time (issue 18): stored as minutes, off with
// null, and refused, naming the field and changing nothing, for everything else.
import { describe, expect, it } from 'vitest';
import { fakeWorld, run, T0 } from '../testing/fake-world';
import { minuteOfTime, timeOfMinute } from '../domain/time-of-day';

describe('minuteOfTime', () => {
  it('reads HH:MM from 00:00 to 23:59', () => {
    expect(minuteOfTime('00:00')).toBe(0);
    expect(minuteOfTime('09:30')).toBe(570);
    expect(minuteOfTime('19:05')).toBe(19 * 60 + 5);
    expect(minuteOfTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '25:00', '9:30', '09:60', '-01:00', ' 09:00', '09:00 ', '0900', '']) expect(minuteOfTime(bad), bad).toBeNull();
  });
});

describe('timeOfMinute', () => {
  it('writes minutes as HH:MM, the way back of minuteOfTime', () => {
    expect(timeOfMinute(0)).toBe('00:00');
    expect(timeOfMinute(570)).toBe('09:30');
    expect(timeOfMinute(1439)).toBe('23:59');
    for (const m of [0, 5, 59, 60, 601, 1439]) expect(minuteOfTime(timeOfMinute(m))).toBe(m);
  });
});

describe('setWarehouseShiftStartAlert', () => {
  it('an admin sets the time, changes it and turns it off', () => {
    const tx = fakeWorld();
    expect(run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '09:30' }, T0 + 5)).toEqual({ result: 'applied' });
    expect(tx.get('warehouses', 'w1')).toMatchObject({ shiftStartAlertMinute: 570, updatedAt: T0 + 5 });
    expect(tx.get('warehouses', 'w2')?.shiftStartAlertMinute).toBeNull();
    expect(run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId: 'w1', time: null }, T0 + 9).result).toBe('applied');
    expect(tx.get('warehouses', 'w1')).toMatchObject({ shiftStartAlertMinute: null, updatedAt: T0 + 9 });
  });

  it('the same value again changes nothing (no new version to sync)', () => {
    const tx = fakeWorld();
    run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '08:00' }, T0 + 5);
    expect(run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '08:00' }, T0 + 9).result).toBe('applied');
    expect(tx.get('warehouses', 'w1')?.updatedAt).toBe(T0 + 5);
  });

  it('refuses out-of-range and malformed times naming the field, changing nothing', () => {
    const tx = fakeWorld();
    run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '08:00' });
    for (const time of ['25:00', '24:00', '-01:00', '9:30', '08:60', '08:00:00', 570, -5, '', '__proto__', { hh: 8 }, undefined]) {
      const out = run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId: 'w1', time });
      expect(out, JSON.stringify(time)).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
      expect(out.result === 'rejected' && out.error.message, JSON.stringify(time)).toMatch(/^Invalid setWarehouseShiftStartAlert: time: /);
    }
    const extra = run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '07:00', __proto__: { x: 1 }, constructor: 'x' });
    expect(extra).toMatchObject({ result: 'rejected', error: { code: 'bad_args' } });
    expect(tx.get('warehouses', 'w1')?.shiftStartAlertMinute).toBe(480);
  });

  it('refuses unknown warehouses, __proto__ and constructor among them, and empty or huge ids', () => {
    const tx = fakeWorld();
    for (const warehouseId of ['nowhere', '__proto__', 'constructor']) {
      expect(run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId, time: '09:00' })).toEqual({
        result: 'rejected',
        error: { code: 'not_found', message: `Warehouse ${warehouseId} does not exist`, details: { field: 'warehouseId', warehouseId } },
      });
    }
    for (const warehouseId of ['', 'x'.repeat(129), 7]) {
      const out = run(tx, 'u-admin', 'setWarehouseShiftStartAlert', { warehouseId, time: '09:00' });
      expect(out.result === 'rejected' && out.error.message).toMatch(/warehouseId/);
    }
  });

  it('only an admin may set it', () => {
    const tx = fakeWorld();
    for (const who of ['u-supervisor', 'u-dispatcher', 'u-warehouse', 'u-logistician', 'u-shop']) {
      expect(run(tx, who, 'setWarehouseShiftStartAlert', { warehouseId: 'w1', time: '09:00' }), who).toMatchObject({
        result: 'rejected',
        error: { code: 'forbidden', details: { mutator: 'setWarehouseShiftStartAlert' } },
      });
    }
    expect(tx.get('warehouses', 'w1')?.shiftStartAlertMinute).toBeNull();
  });
});
