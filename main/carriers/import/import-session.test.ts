import ExcelJS from 'exceljs';
import { silentLogger } from '../../../platform/log/logger';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { binCheckDigit } from '../../../shared/carriers/tax-id';
import type { Replica } from '../../db/open-replica';
import { ApiFailure } from '../../api/api-failure';
import type { HandlerContext } from '../../api/handler-context';
import { addCarrier, fakeMutate, memoryReplica, T0 } from '../carrier-fixtures';
import { carriersHandlers } from '../carriers-handlers';
import { readSheet } from './read-sheet';

const bin = (first11: string) => `${first11}${binCheckDigit(first11)}`;
const BIN_A = bin('99034000123');
const BIN_B = bin('05124000777');
const BIN_OLD = bin('11114000222');

const HEADER = ['Наименование', 'БИН', 'Телефон', 'Контактное лицо', 'Город', 'Тип кузова', 'Тоннаж', 'Направления'];
const ROWS: string[][] = [
  ['ТОО Жол Транс', BIN_A, '+7 701 111 22 33', 'Серик', 'Алматы', 'тент', '20', 'Алматы - Астана'], // 2: new
  ['', BIN_B, '+7 701 000 00 01', '', '', '', '', ''], // 3: no name
  ['ИП Плохой БИН', '123456789012', '+7 701 000 00 02', '', '', '', '', ''], // 4: bad tax id
  ['Дубль по телефону', '', '8 (701) 111-22-33', '', '', '', '', ''], // 5: same phone as row 2
  ['Кривые числа', '', '+7 701 000 00 03', '', '', 'тент', 'двадцать', ''], // 6: bad number
  ['Старый знакомый', BIN_OLD, '', '', 'Астана', 'реф', '10', ''], // 7: already in the base
  ['ТОО Новый Путь', BIN_B, '+7 777 123 45 67', 'Айгуль', 'Шымкент', 'борт', '25,5', 'Шымкент → Алматы'], // 8: new
];

async function xlsx(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('База');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

let r: Replica;
let handlers: ReturnType<typeof carriersHandlers>;
let oldId: string;
/** Set: every mutation is refused with this message (as the server would a role). */
let refusal: string | null = null;

beforeEach(() => {
  r = memoryReplica();
  refusal = null;
  oldId = addCarrier(r, { name: 'Старый знакомый ТОО', taxId: BIN_OLD, baseCity: 'Астана', rating: 4 }).id;
  const mutate = fakeMutate(r);
  const ctx: HandlerContext = {
    replica: r,
    mutate: async (name, args) => (refusal === null ? mutate(name, args) : { ok: false, code: 'forbidden', message: refusal }),
    now: () => T0,
    actor: () => 'logistician',
    userId: () => 'u-logistician',
    logger: silentLogger(),
  };
  handlers = carriersHandlers(ctx);
});
afterEach(() => r.close());

describe('carrier import', () => {
  it('reads the file, guesses the mapping, previews every row with its status', async () => {
    const info = await handlers.readCarrierImportFile({ fileName: 'перевозчики.xlsx', dataBase64: await xlsx([HEADER, ...ROWS]) });
    expect(info).toMatchObject({ sheetName: 'База', rowCount: 7, headers: HEADER });
    expect(info.suggestedMapping).toEqual({ name: 0, taxId: 1, phone: 2, contactPerson: 3, baseCity: 4, vehicleType: 5, tonnage: 6, lanes: 7 });
    const preview = await handlers.previewCarrierImport({ importId: info.importId, mapping: info.suggestedMapping });
    expect(preview.counts).toEqual({ new: 2, duplicate: 2, rejected: 3 });
    const byRow = Object.fromEntries(preview.rows.map((v) => [v.rowNumber, v]));
    expect(byRow[3]?.problems).toEqual([{ code: 'name_empty', field: 'name' }]);
    expect(byRow[4]?.problems).toEqual([{ code: 'tax_id_checksum', field: 'taxId', value: '123456789012' }]);
    expect(byRow[5]).toMatchObject({ status: 'duplicate', duplicateOf: { rowNumber: 2, carrierId: null, by: 'phone' } });
    expect(byRow[6]?.problems).toEqual([{ code: 'not_a_number', field: 'tonnage', value: 'двадцать' }]);
    expect(byRow[7]).toMatchObject({ status: 'duplicate', duplicateOf: { carrierId: oldId, by: 'tax_id', name: 'Старый знакомый ТОО' } });
    expect(byRow[2]?.status).toBe('new');
  });

  it('commits the new rows as mutations and reports every other row', async () => {
    const info = await handlers.readCarrierImportFile({ fileName: 'base.xlsx', dataBase64: await xlsx([HEADER, ...ROWS]) });
    const report = await handlers.commitCarrierImport({ importId: info.importId, mapping: info.suggestedMapping, duplicates: 'skip' });
    expect(report).toMatchObject({ created: 2, updated: 0, mids: [1] });
    expect(report.rejected.map((v) => v.rowNumber)).toEqual([3, 4, 6]);
    expect(report.skippedDuplicates.map((v) => v.rowNumber)).toEqual([5, 7]);
    // Every data row is accounted for: nothing silently dropped.
    expect(report.created + report.updated + report.rejected.length + report.skippedDuplicates.length).toBe(ROWS.length);

    const found = handlers.searchCarriers({ text: 'Жол', offset: 0, limit: 50 });
    const jol = (await found).results[0];
    expect(jol).toMatchObject({ name: 'ТОО Жол Транс', phoneNormalized: '77011112233', taxId: BIN_A, baseCity: 'Алматы' });
    expect(jol?.vehicles).toMatchObject([{ type: 'tent', tonnage: 20 }]);
    const lane = await handlers.searchCarriers({ fromCity: 'Шымкент', toCity: 'Алматы', offset: 0, limit: 50 });
    expect(lane.results.map((x) => x.name)).toEqual(['ТОО Новый Путь']);
    // The file is gone after the commit: a second commit cannot double the rows.
    await expect(handlers.commitCarrierImport({ importId: info.importId, mapping: info.suggestedMapping, duplicates: 'skip' })).rejects.toBeInstanceOf(ApiFailure);
  });

  it('updates duplicates from the base when asked, without wiping what the file leaves empty', async () => {
    const info = await handlers.readCarrierImportFile({ fileName: 'base.xlsx', dataBase64: await xlsx([HEADER, ...ROWS]) });
    const report = await handlers.commitCarrierImport({ importId: info.importId, mapping: info.suggestedMapping, duplicates: 'update' });
    expect(report).toMatchObject({ created: 2, updated: 1 });
    expect(report.skippedDuplicates.map((v) => v.rowNumber)).toEqual([5]);
    const card = await handlers.getCarrier({ carrierId: oldId });
    expect(card?.carrier).toMatchObject({ name: 'Старый знакомый', rating: 4, baseCity: 'Астана', version: 2 });
    expect(card?.vehicles).toMatchObject([{ type: 'refrigerator', tonnage: 10, refrigerated: true }]);
  });

  it('rejects a row whose lanes the mutation would refuse alone, keeping its batch', async () => {
    const longLane = ['ТОО Длинный', BIN_B, '+7 777 123 45 67', '', '', '', '', `Алматы - ${'Х'.repeat(200)}`];
    const info = await handlers.readCarrierImportFile({ fileName: 'base.xlsx', dataBase64: await xlsx([HEADER, ROWS[0] ?? [], longLane]) });
    const report = await handlers.commitCarrierImport({ importId: info.importId, mapping: info.suggestedMapping, duplicates: 'skip' });
    expect(report).toMatchObject({ created: 1 });
    expect(report.rejected.map((v) => [v.rowNumber, v.problems])).toEqual([[3, [{ code: 'lane_city_invalid', field: 'lanes', length: 200, max: 128 }]]]);
  });

  it('rejects every row of a batch the mutation refuses, with the refusal as its problem', async () => {
    refusal = 'Only logisticians and admins import carriers';
    const info = await handlers.readCarrierImportFile({ fileName: 'base.xlsx', dataBase64: await xlsx([HEADER, ROWS[0] ?? [], ROWS[6] ?? []]) });
    const report = await handlers.commitCarrierImport({ importId: info.importId, mapping: info.suggestedMapping, duplicates: 'skip' });
    expect(report).toMatchObject({ created: 0, mids: [] });
    expect(report.rejected.map((v) => [v.rowNumber, v.problems.map((p) => p.code)])).toEqual([
      [2, ['batch_refused']],
      [3, ['batch_refused']],
    ]);
    expect(report.rejected[0]?.problems[0]).toMatchObject({ reason: expect.any(String) });
  });

  it('knows a legacy tax id with a wrong check digit as a duplicate, not a rejection', async () => {
    const legacy = addCarrier(r, { name: 'Старая запись', taxId: '000000000001' });
    const info = await handlers.readCarrierImportFile({ fileName: 'legacy.xlsx', dataBase64: await xlsx([HEADER, ['Старая запись', '000000000001', '', '', '', '', '', ''], ['Новая запись', '000000000002', '', '', '', '', '', '']]) });
    const preview = await handlers.previewCarrierImport({ importId: info.importId, mapping: info.suggestedMapping });
    expect(preview.rows.map((v) => [v.rowNumber, v.status, v.duplicateOf?.carrierId ?? v.problems[0]])).toEqual([
      [2, 'duplicate', legacy.id],
      [3, 'rejected', { code: 'tax_id_checksum', field: 'taxId', value: '000000000002' }],
    ]);
  });

  it('reads CSV with semicolons, and refuses what it cannot read', async () => {
    const csv = [HEADER, ROWS[0] ?? []].map((row) => row.map((c) => `"${c}"`).join(';')).join('\r\n');
    const info = await handlers.readCarrierImportFile({ fileName: 'base.csv', dataBase64: Buffer.from(`\uFEFF${csv}`).toString('base64') });
    expect(info.headers).toEqual(HEADER);
    expect(info.sampleRows[0]?.[0]).toBe('ТОО Жол Транс');
    await expect(handlers.readCarrierImportFile({ fileName: 'old.xls', dataBase64: Buffer.from('garbage').toString('base64') })).rejects.toThrow(/\.xls/);
    expect(() => handlers.previewCarrierImport({ importId: info.importId, mapping: { phone: 2 } })).toThrow(/name/);
    expect(() => handlers.previewCarrierImport({ importId: 'nope', mapping: { name: 0 } })).toThrow(/expired/);
  });
});

describe('carrier import of typed cells', () => {
  it('numbers, formulas and a tax id typed as a number (leading zero dropped by Excel) import as the carrier they mean', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('База');
    ws.addRow(HEADER);
    // BIN_B starts with 0: typed into a General cell, Excel keeps 11 digits.
    expect(BIN_B.startsWith('0')).toBe(true);
    ws.addRow(['ТОО Ноль Впереди', Number(BIN_B), 77771234567, 'Айгуль', 'Шымкент', 'борт', { formula: '10+15.5', result: 25.5 }, 'Шымкент - Алматы']);
    ws.addRow(['ТОО Двадцать', Number(BIN_A), 77011112233, '', 'Алматы', 'тент', 20, '']);
    const info = await handlers.readCarrierImportFile({ fileName: 'typed.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(info.sampleRows[0]?.slice(1, 3)).toEqual([BIN_B.slice(1), '77771234567']);
    const preview = await handlers.previewCarrierImport({ importId: info.importId, mapping: info.suggestedMapping });
    expect(preview.counts).toEqual({ new: 2, duplicate: 0, rejected: 0 });
    const report = await handlers.commitCarrierImport({ importId: info.importId, mapping: info.suggestedMapping, duplicates: 'skip' });
    expect(report).toMatchObject({ created: 2, rejected: [] });
    const zero = (await handlers.searchCarriers({ text: 'Ноль', offset: 0, limit: 5 })).results[0];
    expect(zero).toMatchObject({ taxId: BIN_B, phoneNormalized: '77771234567' });
    expect(zero?.vehicles).toMatchObject([{ type: 'flatbed', tonnage: 25.5 }]);
    // And searching by the tax id as printed on documents (with its zero) finds it.
    expect((await handlers.searchCarriers({ text: BIN_B, offset: 0, limit: 5 })).results.map((c) => c.name)).toEqual(['ТОО Ноль Впереди']);
  });
});

describe('carrier export', () => {
  it('exports the current search to XLSX, and the file imports back as the same carriers', async () => {
    const info = await handlers.readCarrierImportFile({ fileName: 'base.xlsx', dataBase64: await xlsx([HEADER, ...ROWS]) });
    await handlers.commitCarrierImport({ importId: info.importId, mapping: info.suggestedMapping, duplicates: 'skip' });

    const file = await handlers.exportCarriers({ language: 'ru' });
    expect(file).toMatchObject({ fileName: 'carriers-2026-03-01.xlsx', rows: 3 });
    const sheet = await readSheet(file.fileName, Buffer.from(file.dataBase64, 'base64'));
    const search = await handlers.searchCarriers({ offset: 0, limit: 50 });
    expect(sheet.rows.slice(1).map((row) => row[1])).toEqual(search.results.map((x) => x.name));
    const jol = sheet.rows.find((row) => row[1] === 'ТОО Жол Транс');
    expect(jol?.slice(2, 7)).toEqual([BIN_A, '+7 701 111 22 33', 'Серик', '', 'Алматы']);
    // Words, not codes: the body type as people name it, tonnes with their unit.
    expect(jol?.[16]).toBe('Тент');
    expect(String(jol?.[19]).replace(/[\u00a0\u202f]/g, ' ')).toBe('Тент 20 т');

    // Round trip: every exported carrier is recognised as already in the base.
    const back = await handlers.readCarrierImportFile({ fileName: file.fileName, dataBase64: file.dataBase64 });
    const preview = await handlers.previewCarrierImport({ importId: back.importId, mapping: back.suggestedMapping });
    expect(preview.counts).toEqual({ new: 0, duplicate: 3, rejected: 0 });

    const filtered = await handlers.exportCarriers({ fromCity: 'Алматы', toCity: 'Астана', language: 'en' });
    const rows = (await readSheet('x.xlsx', Buffer.from(filtered.dataBase64, 'base64'))).rows;
    expect(rows[0]?.[1]).toBe('Name');
    expect(rows[1]?.[16]).toBe('Tent');
    expect(rows.slice(1).map((row) => [row[1], row[13]])).toEqual([['ТОО Жол Транс', 'Runs this direction (declared)']]);
  });
});

describe('imported carriers without directions (issue 13)', () => {
  const rows: string[][] = [
    ['ТОО Реф Алматы', '', '+7 701 222 33 44', '', 'Алматы', 'реф', '10', ''],
    ['ТОО Тент Алматы', '', '+7 701 222 33 55', '', 'Алматы', 'тент', '20', ''],
    ['ТОО Астана Карго', '', '+7 701 222 33 66', '', 'Астана', 'реф', '5', ''],
  ];

  it('are found from their home city, with or without a vehicle filter, and exported with that filter', async () => {
    const info = await handlers.readCarrierImportFile({ fileName: 'base.xlsx', dataBase64: await xlsx([HEADER, ...rows]) });
    await handlers.commitCarrierImport({ importId: info.importId, mapping: info.suggestedMapping, duplicates: 'skip' });

    const names = async (f: { fromCity: string; toCity?: string; refrigerated?: boolean }) =>
      (await handlers.searchCarriers({ ...f, offset: 0, limit: 50 })).results.map((x) => x.name);
    expect(await names({ fromCity: 'Алматы' })).toEqual(['ТОО Реф Алматы', 'ТОО Тент Алматы']);
    expect(await names({ fromCity: 'Алматы', refrigerated: true })).toEqual(['ТОО Реф Алматы']);
    expect(await names({ fromCity: 'Алматы', toCity: 'Караганда' })).toEqual(['ТОО Реф Алматы', 'ТОО Тент Алматы']);
    expect(await names({ fromCity: 'Астана', refrigerated: true })).toEqual(['ТОО Астана Карго']);
    expect(await names({ fromCity: 'Астана' })).toEqual(['Старый знакомый ТОО', 'ТОО Астана Карго']);
    expect((await handlers.countCarriers({ fromCity: 'Алматы' })).total).toBe(2);
    expect((await handlers.countCarriers({ fromCity: 'Алматы', refrigerated: true })).total).toBe(1);
    const first = (await handlers.searchCarriers({ fromCity: 'Алматы', offset: 0, limit: 1 })).results[0];
    expect(first?.reason).toEqual({ tier: 'home', city: 'Алматы', distanceKm: 0 });

    const file = await handlers.exportCarriers({ fromCity: 'Алматы', refrigerated: true, language: 'en' });
    const sheet = (await readSheet('x.xlsx', Buffer.from(file.dataBase64, 'base64'))).rows;
    expect(sheet.slice(1).map((row) => [row[1], row[13]])).toEqual([['ТОО Реф Алматы', 'Home city: Алматы']]);
  });

  it('a carrier based at the loading city and there now is listed once, as there now', async () => {
    addCarrier(r, { name: 'Дома и здесь', baseCity: 'Алматы', currentCity: 'Алматы' });
    const res = await handlers.searchCarriers({ fromCity: 'Алматы', offset: 0, limit: 50 });
    expect(res.results.map((x) => [x.name, x.reason.tier])).toEqual([['Дома и здесь', 'location']]);
    expect((await handlers.countCarriers({ fromCity: 'Алматы' })).total).toBe(1);
  });
});
