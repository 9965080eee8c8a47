import { describe, expect, it } from 'vitest';
import { suggestMapping } from './import-fields';
import { parseImportRow, parseLanes, parseNumber, parseVehicleType, parseYesNo } from './import-row';
import { binCheckDigit } from './tax-id';

const KNOWN = ['Алматы', 'Астана', 'Шымкент', 'Усть-Каменогорск'];
const BIN = `99034000123${binCheckDigit('99034000123')}`;
const HEADERS = ['Наименование', 'БИН', 'Телефон', 'Контактное лицо', 'Город', 'Тип кузова', 'Тоннаж', 'Объём, м3', 'ADR', 'Направления'];
const mapping = suggestMapping(HEADERS);

describe('suggestMapping', () => {
  it('maps Russian headers to fields', () => {
    expect(mapping).toEqual({ name: 0, taxId: 1, phone: 2, contactPerson: 3, baseCity: 4, vehicleType: 5, tonnage: 6, volumeM3: 7, adrClasses: 8, lanes: 9 });
    expect(suggestMapping(['Company', 'Phone', 'INN', 'Notes'])).toEqual({ name: 0, phone: 1, taxId: 2, notes: 3 });
  });
});

describe('cell parsers', () => {
  it('reads numbers as people write them', () => {
    expect(parseNumber('20')).toBe(20);
    expect(parseNumber('20,5 т')).toBe(20.5);
    expect(parseNumber('86 м3')).toBe(86);
    expect(parseNumber('двадцать')).toBeNull();
    expect(parseNumber('-5')).toBeNull();
  });
  it('reads yes/no and vehicle types in Russian and English', () => {
    expect(parseYesNo('Да')).toBe(true);
    expect(parseYesNo('нет')).toBe(false);
    expect(parseYesNo('может быть')).toBeNull();
    expect(parseVehicleType('Тент')).toBe('tent');
    expect(parseVehicleType('рефрижератор')).toBe('refrigerator');
    expect(parseVehicleType('flatbed')).toBe('flatbed');
    expect(parseVehicleType('дирижабль')).toBeNull();
  });
  it('reads directions with any arrow, keeping hyphenated city names whole', () => {
    expect(parseLanes('almaty - астана; Алматы→Шымкент', KNOWN)).toEqual([
      { fromCity: 'Алматы', toCity: 'Астана' },
      { fromCity: 'Алматы', toCity: 'Шымкент' },
    ]);
    expect(parseLanes('Усть-Каменогорск-Алматы', KNOWN)).toEqual([{ fromCity: 'Усть-Каменогорск', toCity: 'Алматы' }]);
    expect(parseLanes('Алматы', KNOWN)).toBeNull();
  });
});

describe('parseImportRow', () => {
  const row = (over: Partial<Record<number, string>>) => {
    const cells = [`ТОО Жол Транс`, BIN, '8 701 123 45 67', 'Серик', 'almaty', 'тент', '20', '86', '3, 8', 'Алматы - Астана'];
    for (const [i, v] of Object.entries(over)) cells[Number(i)] = v ?? '';
    return parseImportRow(cells, mapping, KNOWN);
  };

  it('turns a good row into mutation arguments', () => {
    const r = row({});
    expect(r).toEqual({
      ok: true,
      phoneNormalized: '77011234567',
      taxId: BIN,
      args: {
        carrier: { name: 'ТОО Жол Транс', taxId: BIN, phone: '8 701 123 45 67', email: null, contactPerson: 'Серик', baseCity: 'Алматы', currentCity: null, notes: '' },
        vehicle: { type: 'tent', tonnage: 20, volumeM3: 86, adrClasses: '3,8', plate: '' },
        lanes: [{ fromCity: 'Алматы', toCity: 'Астана' }],
      },
    });
  });

  it('rejects bad rows with every reason', () => {
    expect(row({ 0: '' })).toEqual({ ok: false, errors: ['Name is empty'] });
    expect(row({ 1: '123456789012' })).toEqual({ ok: false, errors: ['Tax id "123456789012" has a wrong check digit'] });
    expect(row({ 1: '12-34' })).toEqual({ ok: false, errors: ['Tax id "12-34" must be 10 or 12 digits'] });
    expect(row({ 2: '12-34' })).toEqual({ ok: false, errors: ['Phone "12-34" is too short'] });
    expect(row({ 1: '', 2: '' })).toEqual({ ok: false, errors: ['Neither a phone nor a tax id: the carrier could not be told apart or called'] });
    expect(row({ 6: 'двадцать', 7: 'много' })).toEqual({ ok: false, errors: ['Tonnage "двадцать" is not a number', 'Volume "много" is not a number'] });
    expect(row({ 5: 'дирижабль' })).toEqual({ ok: false, errors: ['Vehicle type "дирижабль" is unknown'] });
    expect(row({ 6: '' })).toEqual({ ok: false, errors: ['Vehicle type given without tonnage'] });
    expect(row({ 6: '900' }).ok).toBe(false);
    expect(row({ 8: 'класс 3' }).ok).toBe(false);
    expect(row({ 9: 'Алматы - Астана - Шымкент' })).toEqual({ ok: false, errors: ['Directions "Алматы - Астана - Шымкент" must look like "Алматы - Астана; Алматы - Шымкент"'] });
  });
});
