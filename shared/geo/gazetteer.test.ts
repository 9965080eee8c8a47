import { describe, expect, it } from 'vitest';
import { findCity, placeAddress, searchPlaces } from './gazetteer';

describe('gazetteer', () => {
  it('finds cities by Russian or Latin name, with or without "г."', () => {
    expect(findCity('Алматы')?.city).toBe('Алматы');
    expect(findCity('г. Алматы')?.city).toBe('Алматы');
    expect(findCity('almaty')?.city).toBe('Алматы');
    expect(findCity('Nur-Sultan')?.city).toBe('Астана');
    expect(findCity('Темиртау')?.city).toBe('Темиртау');
    expect(findCity('Atlantis')).toBeUndefined();
    expect(findCity('__proto__')).toBeUndefined();
  });

  it('lands an address in the district it names, else at the city centre', () => {
    const d = placeAddress('Алматы', 'ул. Толе би 59, Алмалинский р-н');
    expect(d).toMatchObject({ kind: 'district', district: 'Алмалинский р-н', city: 'Алматы', approximate: true });
    expect(placeAddress('Astana', 'Kenesary 40')).toMatchObject({ kind: 'city', city: 'Астана' });
    expect(placeAddress('Mars', 'x')).toBeUndefined();
  });

  it('suggests streets, districts and cities for partial words, cities first', () => {
    const r = searchPlaces('толе алмал');
    expect(r[0]?.label).toBe('ул. Толе би, Алмалинский р-н, Алматы');
    expect(searchPlaces('алматы')[0]).toMatchObject({ kind: 'city', city: 'Алматы' });
    expect(searchPlaces('karaganda')[0]).toMatchObject({ kind: 'city', city: 'Караганда' });
    expect(searchPlaces('   ')).toEqual([]);
    expect(searchPlaces('"* OR 1=1')).toEqual([]);
  });
});
