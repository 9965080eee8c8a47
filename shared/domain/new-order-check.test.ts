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

describe('phoneProblem: any way people write a number, nothing that cannot be dialled', () => {
  it.each(['+7 701 123 45 67', '8 701 123 45 67', '701 123 45 67', '87011234567', '8 (701) 123-45-67', '+49 30 1234567'])('accepts %s', (p) => {
    expect(phoneProblem(p)).toBeNull();
  });
  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['abc', 'phone'],
    ['+7 701 123', 'phone'],
    ['+7 701 123 45 67 89', 'phone'],
    ['7011234567; DROP TABLE', 'phone'],
    ['1234567890123456', 'phone'],
    ['__proto__', 'phone'],
  ])('refuses %j as %s', (p, why) => {
    expect(phoneProblem(p)).toBe(why);
  });
});

describe('checkNewOrder', () => {
  it('passes a good order', () => {
    expect(checkNewOrder(good, NOW)).toEqual([]);
  });

  it('names each missing or wrong field', () => {
    const problems = checkNewOrder(
      { ...good, customerName: ' ', customerPhone: 'x', customerEmail: 'not-mail', deliveryCity: '', deliveryLat: 91, deliveryLon: -181, pickupLat: Number.NaN, places: 0, weightKg: -1, volumeM3: 5000 },
      NOW,
    );
    expect(problems).toEqual([
      { field: 'customerName', problem: 'required' },
      { field: 'customerPhone', problem: 'phone' },
      { field: 'customerEmail', problem: 'email' },
      { field: 'deliveryCity', problem: 'required' },
      { field: 'deliveryLat', problem: 'latitude' },
      { field: 'deliveryLon', problem: 'longitude' },
      { field: 'pickupLat', problem: 'not_number' },
      { field: 'weightKg', problem: 'negative' },
      { field: 'volumeM3', problem: 'too_large' },
      { field: 'places', problem: 'whole' },
    ]);
  });

  it('takes __proto__ and constructor as plain names', () => {
    expect(checkNewOrder({ ...good, customerName: '__proto__', deliveryAddress: 'constructor' }, NOW)).toEqual([]);
  });
});

describe('windowProblems', () => {
  it('accepts a two-hour window tomorrow, and none at all', () => {
    expect(windowProblems(NOW + 24 * HOUR, NOW + 26 * HOUR, NOW)).toEqual([]);
    expect(windowProblems(null, null, NOW)).toEqual([]);
  });
  it('refuses a window in 2100, past, reversed, too short or too long, or half given', () => {
    expect(windowProblems(Date.UTC(2100, 0, 1, 10), Date.UTC(2100, 0, 1, 12), NOW)).toEqual([{ field: 'windowStart', problem: 'window_far' }]);
    expect(windowProblems(NOW + 400 * 24 * HOUR, NOW + 401 * 24 * HOUR, NOW)).toEqual([{ field: 'windowStart', problem: 'window_far' }]);
    expect(windowProblems(NOW - 5 * HOUR, NOW - 3 * HOUR, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_past' }]);
    expect(windowProblems(NOW + 3 * HOUR, NOW + 2 * HOUR, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_order' }]);
    expect(windowProblems(NOW + HOUR, NOW + HOUR + 10 * 60_000, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_short' }]);
    expect(windowProblems(NOW + HOUR, NOW + 9 * 24 * HOUR, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_long' }]);
    expect(windowProblems(NOW + HOUR, null, NOW)).toEqual([{ field: 'windowEnd', problem: 'window_incomplete' }]);
    expect(windowProblems(null, NOW + HOUR, NOW)).toEqual([{ field: 'windowStart', problem: 'window_incomplete' }]);
  });
});

// The boundaries StrykerJS found unpinned: each limit allowed exactly at its value and refused
// one step beyond, and each problem on its own field.
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
