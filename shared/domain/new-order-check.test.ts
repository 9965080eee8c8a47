import { describe, expect, it } from 'vitest';
import { checkNewOrder, phoneProblem, windowProblems, type NewOrderInput } from './new-order-check';

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
