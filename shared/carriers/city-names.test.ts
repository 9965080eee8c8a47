import { describe, expect, it } from 'vitest';
import { resolveCityName } from './city-names';

const KNOWN = ['Алматы', 'Астана', 'Актобе', 'Актау', 'Шымкент', 'Караганда'];

describe('resolveCityName', () => {
  it('finds a city whatever the case or script', () => {
    expect(resolveCityName('алматы', KNOWN)).toBe('Алматы');
    expect(resolveCityName('Almaty', KNOWN)).toBe('Алматы');
    expect(resolveCityName('shymkent', KNOWN)).toBe('Шымкент');
    expect(resolveCityName(' Karaganda ', KNOWN)).toBe('Караганда');
  });
  it('accepts an unambiguous prefix only', () => {
    expect(resolveCityName('Шым', KNOWN)).toBe('Шымкент');
    expect(resolveCityName('Акт', KNOWN)).toBeNull();
    expect(resolveCityName('Париж', KNOWN)).toBeNull();
    expect(resolveCityName('', KNOWN)).toBeNull();
  });
});

describe('citiesNear', () => {
  it('includes the towns around a city, nearest first, and knows unknown cities by name only', async () => {
    const { citiesNear } = await import('./city-coordinates');
    const near = citiesNear('Алматы').map((c) => c.city);
    expect(near[0]).toBe('Алматы');
    expect(near).toContain('Каскелен');
    expect(near).not.toContain('Астана');
    expect(citiesNear('Бишкек')).toEqual([{ city: 'Бишкек', distanceKm: 0 }]);
    // Object's own names are unknown cities too, not a prototype's members.
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(citiesNear(name)).toEqual([{ city: name, distanceKm: 0 }]);
  });
});
