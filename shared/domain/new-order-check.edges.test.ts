// The boundaries of the new-order check that StrykerJS found unpinned: each limit is allowed
// exactly at its value and refused one step beyond, and each problem lands on its own field.
import { describe, expect, it } from 'vitest';
import { MAX_TIME, WINDOW_MAX_MS, WINDOW_MIN_MS } from './order-intake';
import { MAX_PLACES, MAX_VOLUME_M3, MAX_WEIGHT_KG, WINDOW_MAX_AHEAD_MS, checkNewOrder, phoneProblem, windowProblems, type NewOrderInput } from './new-order-check';

const NOW = Date.UTC(2026, 11, 2, 6, 0);
const HOUR = 3_600_000;
const good: NewOrderInput = {
  customerName: 'Айгерим',
  customerPhone: '+7 701 123 45 67',
  deliveryAddress: 'ул. Толе би 59',
  deliveryCity: 'Алматы',
  deliveryLat: 43.25,
  deliveryLon: 76.92,
  pickupAddress: 'Склад',
  pickupLat: 43.3,
  pickupLon: 76.9,
};

describe('phoneProblem at its limits', () => {
  it('accepts a foreign number of exactly 10 and exactly 15 digits, refuses 9 and 16', () => {
    expect(phoneProblem('+49 3012 3456')).toBeNull();
    expect(phoneProblem('+49 3012 3456 78901')).toBeNull();
    expect(phoneProblem('+49 3012 345')).toBe('phone');
    expect(phoneProblem('+49 3012 3456 789012')).toBe('phone');
  });
  it('holds only numbers starting with 7 to 11 digits', () => {
    expect(phoneProblem('+44 20 7946 0958')).toBeNull();
    expect(phoneProblem('+7 701 123 45 678')).toBe('phone');
  });
});

describe('windowProblems at its limits', () => {
  it('allows a start exactly 180 days ahead, not a millisecond more', () => {
    const s = NOW + WINDOW_MAX_AHEAD_MS;
    expect(windowProblems(s, s + HOUR, NOW)).toEqual([]);
    expect(windowProblems(s + 1, s + 1 + HOUR, NOW)).toEqual([{ field: 'windowStart', problem: 'window_far' }]);
  });
  it('allows a start exactly at the last time the system knows, not after', () => {
    const now = MAX_TIME - 24 * HOUR;
    expect(windowProblems(MAX_TIME, MAX_TIME + HOUR, now)).toEqual([]);
    expect(windowProblems(MAX_TIME + 1, MAX_TIME + 1 + HOUR, now)).toEqual([{ field: 'windowStart', problem: 'window_far' }]);
  });
  it('refuses an end equal to the start as out of order', () => {
    expect(windowProblems(NOW + HOUR, NOW + HOUR, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_order' }]);
  });
  it('allows exactly the shortest and the longest window, not beyond', () => {
    const s = NOW + HOUR;
    expect(windowProblems(s, s + WINDOW_MIN_MS, NOW)).toEqual([]);
    expect(windowProblems(s, s + WINDOW_MIN_MS - 1, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_short' }]);
    expect(windowProblems(s, s + WINDOW_MAX_MS, NOW)).toEqual([]);
    expect(windowProblems(s, s + WINDOW_MAX_MS + 1, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_long' }]);
  });
  it('allows a window ending right now, not one that ended a millisecond ago', () => {
    expect(windowProblems(NOW - 2 * HOUR, NOW, NOW)).toEqual([]);
    expect(windowProblems(NOW - 2 * HOUR, NOW - 1, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_past' }]);
  });
});

describe('checkNewOrder field by field', () => {
  it('asks for a phone when none was given', () => {
    expect(checkNewOrder({ ...good, customerPhone: undefined }, NOW)).toEqual([{ field: 'customerPhone', problem: 'required' }]);
  });
  it('reads an e-mail with spaces around it as typed by a person', () => {
    expect(checkNewOrder({ ...good, customerEmail: '  aigerim@example.kz ' }, NOW)).toEqual([]);
    expect(checkNewOrder({ ...good, customerEmail: null }, NOW)).toEqual([]);
  });
  it('puts each missing address and each bad coordinate on its own field', () => {
    expect(checkNewOrder({ ...good, deliveryAddress: ' ', pickupLat: 91, pickupLon: -181 }, NOW)).toEqual([
      { field: 'deliveryAddress', problem: 'required' },
      { field: 'pickupLat', problem: 'latitude' },
      { field: 'pickupLon', problem: 'longitude' },
    ]);
  });
  it('allows the poles and the antimeridian exactly', () => {
    expect(checkNewOrder({ ...good, deliveryLat: -90, deliveryLon: 180, pickupLat: 90, pickupLon: -180 }, NOW)).toEqual([]);
  });
  it('allows each amount exactly at its maximum, not above', () => {
    expect(checkNewOrder({ ...good, weightKg: MAX_WEIGHT_KG, volumeM3: MAX_VOLUME_M3, places: MAX_PLACES }, NOW)).toEqual([]);
    expect(checkNewOrder({ ...good, weightKg: MAX_WEIGHT_KG + 0.1, volumeM3: MAX_VOLUME_M3 + 0.1, places: MAX_PLACES + 1 }, NOW)).toEqual([
      { field: 'weightKg', problem: 'too_large' },
      { field: 'volumeM3', problem: 'too_large' },
      { field: 'places', problem: 'too_large' },
    ]);
  });
  it('calls an amount that is not a finite number not a number', () => {
    expect(checkNewOrder({ ...good, weightKg: Number.NaN, volumeM3: Number.POSITIVE_INFINITY }, NOW)).toEqual([
      { field: 'weightKg', problem: 'not_number' },
      { field: 'volumeM3', problem: 'not_number' },
    ]);
  });
});
