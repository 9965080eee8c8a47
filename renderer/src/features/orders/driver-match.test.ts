import { describe, expect, it } from 'vitest';
import { indexDrivers, matchDrivers, MAX_SHOWN, normalizeForSearch } from './driver-match';

const index = indexDrivers([
  { id: 'd1', name: 'Айдос Ахметов', plate: '' },
  { id: 'd2', name: 'Алёна Ким', plate: '' },
  { id: 'd3', name: 'Берик Сагатов', plate: '' },
  { id: 'd4', name: 'Dana Asanova', plate: '' },
  { id: 'd5', name: 'Ерлан Тахиров', plate: '' },
]);
const ids = (query: string) => matchDrivers(index, query).shown.map((d) => d.id);

describe('driver type-ahead', () => {
  it('shows everyone for an empty query, in the list’s order', () => {
    expect(ids('')).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    expect(ids('   ')).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
  });

  it('matches the typed text anywhere in the name, ignoring case and ё', () => {
    expect(ids('АХ')).toEqual(['d1', 'd5']);
    expect(ids('алена')).toEqual(['d2']);
    expect(ids('dana')).toEqual(['d4']);
    expect(ids('zz')).toEqual([]);
  });

  it('puts names where the typed words start a word before the others', () => {
    // Берик and Ерлан both hold "ер"; only Ерлан starts with it.
    expect(ids('ер')).toEqual(['d5', 'd3']);
  });

  it('needs every typed word, in any order', () => {
    expect(ids('ким ал')).toEqual(['d2']);
    expect(ids('ким берик')).toEqual([]);
  });

  it('shows at most the cap and tells how many matched', () => {
    const many = indexDrivers(Array.from({ length: 300 }, (_, i) => ({ id: `drv-${i}`, name: `Driver ${i}`, plate: '' })));
    const all = matchDrivers(many, 'driver');
    expect(all.shown).toHaveLength(MAX_SHOWN);
    expect(all.total).toBe(300);
    const some = matchDrivers(many, '12');
    // 12, 112, 120-129, 212: one at a word start, the rest inside a word.
    expect(some.total).toBe(13);
    expect(some.shown[0]?.name).toBe('Driver 12');
  });

  it('normalises separators and case', () => {
    expect(normalizeForSearch('  Жан-Пьер  ЁЛКИН ')).toBe('жан пьер елкин');
  });
});

describe('plates', () => {
  it('finds a driver by the plate too', () => {
    const twins = indexDrivers([
      { id: 't1', name: 'Ерлан Тахиров', plate: '777 KZA 02' },
      { id: 't2', name: 'Ерлан Тахиров', plate: '123 ABC 01' },
    ]);
    expect(matchDrivers(twins, 'тахиров').shown.map((d) => d.id)).toEqual(['t1', 't2']);
    expect(matchDrivers(twins, '123 abc').shown.map((d) => d.id)).toEqual(['t2']);
  });
});
