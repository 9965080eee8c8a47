import { describe, expect, it } from 'vitest';
import { suggestOrderMapping, type OrderImportMapping } from './import-fields';
import { parseOrderRow, parseWhen, type ImportWarehouse } from './import-row';

// Tuesday 2 Dec 2026, 10:00 in Almaty (UTC+5).
const NOW = Date.UTC(2026, 11, 2, 5, 0);
const WAREHOUSES: ImportWarehouse[] = [
  { id: 'wh-ala', name: 'Алматы Центр', address: 'ул. Розыбакиева 1', lat: 43.24, lon: 76.89, regionId: 'almaty', utcOffsetMinutes: 300 },
  { id: 'wh-ast', name: 'Astana North', address: 'пр. Победы 1', lat: 51.18, lon: 71.44, regionId: 'astana', utcOffsetMinutes: 300 },
];
const HEADERS = ['Номер заказа', 'Получатель', 'Телефон', 'Город', 'Адрес доставки', 'Доставить с', 'Доставить до', 'Вес, кг', 'Количество мест', 'Хрупкое'];
const MAPPING: OrderImportMapping = suggestOrderMapping(HEADERS);
const row = (over: Partial<Record<number, string>> = {}) => {
  const base = ['A-1001', 'Айгерим Сейтова', '+7 701 123 45 67', 'Алматы', 'ул. Толе би 59, Алмалинский р-н', '03.12.2026 14:00', '03.12.2026 16:00', '2,5', '1', 'да'];
  return base.map((v, i) => over[i] ?? v);
};
const parse = (cells: string[], mapping = MAPPING) => parseOrderRow(cells, mapping, { warehouses: WAREHOUSES, now: NOW });

describe('suggestOrderMapping: Russian and English headers', () => {
  it('guesses every column of a Russian shop export', () => {
    expect(MAPPING).toEqual({
      externalId: 0, customerName: 1, customerPhone: 2, deliveryCity: 3, deliveryAddress: 4,
      windowStart: 5, windowEnd: 6, weightKg: 7, places: 8, fragile: 9,
    });
  });

  it('English headers, and short hints only as whole words ("Width" is not an id)', () => {
    expect(suggestOrderMapping(['Order ID', 'Customer name', 'Phone', 'City', 'Address', 'Width', 'Weight', 'Service'])).toEqual({
      externalId: 0, customerName: 1, customerPhone: 2, deliveryCity: 3, deliveryAddress: 4, weightKg: 6, serviceType: 7,
    });
  });

  it('"__proto__" and "constructor" headers map to nothing and pollute nothing', () => {
    const m = suggestOrderMapping(['__proto__', 'constructor', 'prototype']);
    expect(m).toEqual({});
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('parseOrderRow', () => {
  it('a good row: typed values, the district centre, the nearest warehouse and its region, the window in its clock', () => {
    const r = parse(row());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.approximate).toBe(true);
    expect(r.args).toMatchObject({
      externalId: 'A-1001', customerName: 'Айгерим Сейтова', deliveryCity: 'Алматы', warehouseId: 'wh-ala', regionId: 'almaty',
      pickupAddress: 'ул. Розыбакиева 1', serviceType: 'standard', weightKg: 2.5, places: 1, fragile: true, refrigerated: false,
      windowStart: Date.UTC(2026, 11, 3, 9, 0), windowEnd: Date.UTC(2026, 11, 3, 11, 0),
    });
  });

  it('names the column of each problem, with the shared check\'s words', () => {
    const r = parse(row({ 0: '', 2: '12345', 7: 'много', 8: '0,5', 9: 'может быть' }));
    expect(r).toEqual({
      ok: false,
      problems: expect.arrayContaining([
        { field: 'externalId', problem: 'required' },
        { field: 'customerPhone', problem: 'phone' },
        { field: 'weightKg', problem: 'not_number' },
        { field: 'places', problem: 'whole' },
        { field: 'fragile', problem: 'not_yes_no' },
      ]),
    });
  });

  it('hostile cells: NUL bytes, a formula\'s text, a cell too long, a window in 2100, an unknown city', () => {
    const problems = (cells: string[]) => (parse(cells) as { problems: unknown[] }).problems;
    expect(problems(row({ 1: 'Ай\u0000герим' }))).toContainEqual({ field: 'customerName', problem: 'control_chars' });
    expect(problems(row({ 4: '=HYPERLINK("http://x","y")' }))).toContainEqual({ field: 'deliveryAddress', problem: 'formula' });
    expect(problems(row({ 0: 'x'.repeat(129) }))).toContainEqual({ field: 'externalId', problem: 'too_long' });
    expect(problems(row({ 5: '01.01.2100 10:00', 6: '01.01.2100 12:00' }))).toContainEqual({ field: 'windowStart', problem: 'window_far' });
    expect(problems(row({ 5: '2026-12-01 10:00', 6: '2026-12-01 12:00' }))).toContainEqual({ field: 'windowEnd', problem: 'window_past' });
    expect(problems(row({ 3: 'Атлантида' }))).toContainEqual({ field: 'deliveryCity', problem: 'unknown_city' });
    expect(problems(row({ 5: 'завтра' }))).toContainEqual({ field: 'windowStart', problem: 'not_date' });
  });

  it('coordinates of its own are exact; a named warehouse wins over the nearest', () => {
    const m: OrderImportMapping = { ...MAPPING, deliveryLat: 10, deliveryLon: 11, warehouseId: 12 };
    const r = parse([...row(), '51.16', '71,43', 'wh-ala'], m);
    expect(r).toMatchObject({ ok: true, approximate: false, args: { deliveryLat: 51.16, deliveryLon: 71.43, warehouseId: 'wh-ala' } });
    expect(parse([...row(), '51.16', '71.43', 'Склад 9'], m)).toMatchObject({ ok: false, problems: [{ field: 'warehouseId', problem: 'unknown_warehouse' }] });
    expect(parse([...row(), '51.16', '', ''], m)).toMatchObject({ ok: false, problems: [{ field: 'deliveryLon', problem: 'required' }] });
  });
});

describe('parseWhen: the cells a window comes in', () => {
  const day = '2026-12-03';
  it('Excel dates (as read-sheet writes them), typed days, ISO instants with an offset, a bare end time', () => {
    expect(parseWhen('2026-12-03 14:00', 300, null)).toEqual({ at: Date.UTC(2026, 11, 3, 9, 0), day });
    expect(parseWhen('03.12.2026 14:00:00', 300, null)).toEqual({ at: Date.UTC(2026, 11, 3, 9, 0), day });
    expect(parseWhen('2026-12-03T14:00:00+06:00', 300, null)).toEqual({ at: Date.UTC(2026, 11, 3, 8, 0), day });
    expect(parseWhen('16:00', 300, day)).toEqual({ at: Date.UTC(2026, 11, 3, 11, 0), day });
    expect(parseWhen('', 300, null)).toBeNull();
    expect(parseWhen('16:00', 300, null)).toBe('not_date');
    expect(parseWhen('31.02.2026 10:00', 300, null)).toBe('not_date');
    expect(parseWhen('2100-01-01T00:00:00Z', 300, null)).toBe('window_far');
  });
});
