// A real carrier import end to end: an XLSX of 200 carriers with 30 lanes each (the most a row
// may carry) goes through the import session, the real outbox (which refuses a mutation over
// MAX_ARGS_CHARS) and a real server. One 200-row batch of this file is ~330K characters, so
// the rows must be batched by size, and every carrier and lane must arrive exactly once.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandResult } from '../../shared/api/define';
import { binCheckDigit } from '../../shared/carriers/tax-id';
import { CITY_COORDINATES } from '../../shared/carriers/city-coordinates';
import { MAX_IMPORT_LANES } from '../../shared/carriers/carrier-args';
import { readCarrierCities } from '../../main/carriers/carrier-cities';
import { createImportSession } from '../../main/carriers/import/import-session';
import { MAX_ARGS_CHARS } from '../../main/sync/outbox';
import type { MarshrutServer } from '../../server/server';
import { addUser, openClient, seedServer, startTestServer, testDir, waitConverged, type TestClient, type TestDir } from './harness';

let dir: TestDir;
let server: MarshrutServer;
const clients: TestClient[] = [];

beforeEach(async () => {
  dir = testDir();
  server = await startTestServer(dir.file('server.db'));
  seedServer(server, 0);
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server.close();
  dir.cleanup();
});

const CARRIERS = 200;
const count = (sql: string): number => server.db.sqlite.prepare(sql).pluck().get() as number;

async function bigBase(): Promise<string> {
  // Known cities first, then places the base does not know yet (kept as typed).
  const known = Object.keys(CITY_COORDINATES);
  const cities = [...known, ...Array.from({ length: MAX_IMPORT_LANES + 1 }, (_, k) => `Разъезд ${k + 1}`)];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('База');
  ws.addRow(['Наименование', 'БИН', 'Телефон', 'Город', 'Тип кузова', 'Тоннаж', 'Направления']);
  for (let i = 0; i < CARRIERS; i++) {
    const first11 = String(10_000_000_000 + i * 7919).padStart(11, '0');
    const check = binCheckDigit(first11);
    const bin = check === null ? '' : `${first11}${check}`;
    const from = known[i % known.length] as string;
    const lanes = Array.from({ length: MAX_IMPORT_LANES }, (_, k) => `${from} - ${cities.filter((c) => c !== from)[(i + k) % (cities.length - 1)]}`).join('; ');
    ws.addRow([`ТОО Перевозчик ${i}`, bin, `+7 701 ${String(1_000_000 + i)}`, from, 'тент', 20, lanes]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('carrier import through the real outbox and server', () => {
  it(`imports ${CARRIERS} carriers with ${MAX_IMPORT_LANES} lanes each: every row once, no batch too large`, { timeout: 120_000 }, async () => {
    const user = addUser(server, 'Logistician Dana', 'logistician');
    const a = openClient(dir.file('a.db'), server.url, user.token);
    clients.push(a);
    await waitConverged(server, clients);
    const sizes: number[] = [];
    const session = createImportSession({
      replica: a.replica,
      knownCities: () => readCarrierCities(a.replica),
      async mutate(name, args): Promise<CommandResult> {
        sizes.push(JSON.stringify(args).length);
        return a.sync.mutate(name, args);
      },
    });
    const info = await session.readFile('база.xlsx', await bigBase());
    expect(info.rowCount).toBe(CARRIERS);
    const preview = session.preview(info.importId, info.suggestedMapping);
    expect(preview.counts).toEqual({ new: CARRIERS, duplicate: 0, rejected: 0 });

    const report = await session.commit(info.importId, info.suggestedMapping, 'skip');
    expect(report.rejected.map((r) => r.problems)).toEqual([]);
    expect(report.created).toBe(CARRIERS);
    // More than one batch, each within the outbox's limit; together they are over it.
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_ARGS_CHARS);
    expect(sizes.reduce((x, y) => x + y, 0)).toBeGreaterThan(MAX_ARGS_CHARS);
    expect(report.mids).toHaveLength(sizes.length);

    await waitConverged(server, clients, 60_000);
    expect(count('SELECT count(*) FROM carriers')).toBe(CARRIERS);
    expect(count('SELECT count(*) FROM carrier_lanes')).toBe(CARRIERS * MAX_IMPORT_LANES);
    expect(count('SELECT count(DISTINCT name) FROM carriers')).toBe(CARRIERS);
    expect(count("SELECT count(*) FROM carriers WHERE tax_id IS NOT NULL AND tax_id <> ''")).toBeGreaterThan(CARRIERS / 2);
    expect(a.sync.conflicts()).toEqual([]);
  });
});
