import { describe, expect, it } from 'vitest';
import { suggestMapping } from './import-fields';
import { importProblemSchema } from './import-problems';
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
    expect(parseNumber('-5')).toBe(-5); // a number; the field's range refuses it with its reason
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
  // Columns 10-12 (e-mail, rating, refrigerated) are mapped by hand: the header guess has none.
  const fullMapping = { ...mapping, email: 10, rating: 11, refrigerated: 12 };
  const row = (over: Partial<Record<number, string>>) => {
    const cells = [`ТОО Жол Транс`, BIN, '8 701 123 45 67', 'Серик', 'almaty', 'тент', '20', '86', '3, 8', 'Алматы - Астана', '', '', ''];
    for (const [i, v] of Object.entries(over)) cells[Number(i)] = v ?? '';
    return parseImportRow(cells, fullMapping, KNOWN);
  };
  const problems = (over: Partial<Record<number, string>>) => {
    const r = row(over);
    if (r.ok) throw new Error('the row was accepted');
    // What main sends the renderer must be what the contract's schema says.
    for (const p of r.problems) expect(importProblemSchema.parse(p)).toEqual(p);
    return r.problems;
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

  it('rejects bad rows with a code and the offending cell for every reason', () => {
    expect(problems({ 0: '' })).toEqual([{ code: 'name_empty', field: 'name' }]);
    expect(problems({ 1: '123456789012' })).toEqual([{ code: 'tax_id_checksum', field: 'taxId', value: '123456789012' }]);
    expect(problems({ 1: '12-34' })).toEqual([{ code: 'tax_id_format', field: 'taxId', value: '12-34' }]);
    expect(problems({ 2: '12-34' })).toEqual([{ code: 'phone_too_short', field: 'phone', value: '12-34' }]);
    expect(problems({ 1: '', 2: '' })).toEqual([{ code: 'phone_and_tax_id_missing' }]);
    expect(problems({ 6: 'двадцать', 7: 'много' })).toEqual([
      { code: 'not_a_number', field: 'tonnage', value: 'двадцать' },
      { code: 'not_a_number', field: 'volumeM3', value: 'много' },
    ]);
    expect(problems({ 11: 'пять' })).toEqual([{ code: 'not_a_number', field: 'rating', value: 'пять' }]);
    expect(problems({ 11: '7' })).toEqual([{ code: 'number_too_big', field: 'rating', value: '7', max: 5 }]);
    // "-5" is a number: the answer is that it must be positive, not "not a number".
    expect(problems({ 7: '-5' })[0]).toMatchObject({ field: 'volumeM3', value: '-5' });
    expect(problems({ 7: '-5' })[0]?.code).toMatch(/^number_(below|not_above)_minimum$/);
    expect(problems({ 6: '-20' })[0]?.code).toMatch(/^number_(below|not_above)_minimum$/);
    expect(problems({ 12: 'может быть' })).toEqual([{ code: 'not_yes_no', field: 'refrigerated', value: 'может быть' }]);
    expect(problems({ 5: 'дирижабль' })).toEqual([{ code: 'vehicle_type_unknown', field: 'vehicleType', value: 'дирижабль' }]);
    expect(problems({ 5: '' })).toEqual([{ code: 'vehicle_type_missing', field: 'vehicleType' }]);
    expect(problems({ 6: '' })).toEqual([{ code: 'tonnage_missing', field: 'tonnage' }]);
    expect(problems({ 9: 'Алматы - Астана - Шымкент' })).toEqual([{ code: 'lanes_format', field: 'lanes', value: 'Алматы - Астана - Шымкент' }]);
  });

  it('reports every reason of a row at once, in column order', () => {
    expect(problems({ 0: '', 2: '12', 9: 'Алматы' }).map((p) => p.code)).toEqual(['name_empty', 'phone_too_short', 'lanes_format']);
  });

  it('names the field schemas\' limits as codes with the limit', () => {
    expect(problems({ 6: '900' })).toEqual([{ code: 'number_too_big', field: 'tonnage', value: '900', max: 200 }]);
    expect(problems({ 6: '0' })).toEqual([{ code: 'number_not_above_minimum', field: 'tonnage', value: '0', min: 0 }]);
    expect(problems({ 7: '600 м3' })).toEqual([{ code: 'number_too_big', field: 'volumeM3', value: '600 м3', max: 500 }]);
    expect(problems({ 8: 'класс 3' })).toEqual([{ code: 'adr_classes_invalid', field: 'adrClasses', value: 'класс 3' }]);
    expect(problems({ 10: 'info@' })).toEqual([{ code: 'email_invalid', field: 'email', value: 'info@' }]);
    expect(problems({ 0: 'Ж'.repeat(300) })).toEqual([{ code: 'text_too_long', field: 'name', length: 300, max: 256 }]);
    // Carrier and vehicle schemas both speak: one look at the row shows everything to fix.
    expect(problems({ 10: 'info@', 6: '900' }).map((p) => p.code)).toEqual(['email_invalid', 'number_too_big']);
  });

  it('checks lanes as the mutation does, so one row cannot make the server refuse its batch', () => {
    const many = Array.from({ length: 31 }, (_, i) => `Алматы - Город${i}`).join('; ');
    expect(problems({ 9: many })).toEqual([{ code: 'too_many_lanes', field: 'lanes', count: 31, max: 30 }]);
    expect(problems({ 9: `Алматы - ${'Х'.repeat(200)}` })).toEqual([{ code: 'lane_city_invalid', field: 'lanes', length: 200, max: 128 }]);
    expect(row({ 9: Array.from({ length: 30 }, (_, i) => `Алматы - Город${i}`).join('; ') }).ok).toBe(true);
  });
});
