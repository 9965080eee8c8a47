import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, endOfDayKz, toFilters } from './filters';

describe('toFilters', () => {
  it('leaves empty fields out and parses numbers as typed', () => {
    expect(toFilters(EMPTY_DRAFT)).toEqual({});
    expect(toFilters({ ...EMPTY_DRAFT, fromCity: ' Алматы ', minTonnage: '20,5', minVolumeM3: 'abc', vehicleType: 'tent', refrigerated: true, adrClass: '3' })).toEqual({
      fromCity: 'Алматы',
      minTonnage: 20.5,
      vehicleType: 'tent',
      refrigerated: true,
      adrClass: '3',
    });
    expect(toFilters({ ...EMPTY_DRAFT, vehicleType: 'zeppelin', minTonnage: '-3' })).toEqual({});
  });
  it('reads a date as the end of that day in Kazakhstan', () => {
    expect(endOfDayKz('2026-03-12')).toBe(Date.UTC(2026, 2, 12, 18, 59, 59, 999));
    expect(toFilters({ ...EMPTY_DRAFT, availableBy: '2026-03-12' }).availableBy).toBe(Date.UTC(2026, 2, 12, 18, 59, 59, 999));
    expect(endOfDayKz('')).toBeUndefined();
  });
});
