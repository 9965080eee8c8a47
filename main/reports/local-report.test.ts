// The Reports tab's figures over a hand-built set of orders (shared/testing/report-orders.ts),
// computed from a real replica file through the same statements the server runs. Every
// expected value below is counted by hand in the comment beside it.
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { UserRole } from '../../shared/domain/vocabulary';
import { customers, drivers, orderEvents, orders, regions, warehouses } from '../../shared/schema';
import { REPORT_NOW, REPORT_PERIOD, REPORT_WORLD, at, reportOrders } from '../../shared/testing/report-orders';
import { ApiFailure } from '../api/api-failure';
import { eachFixtureReplica } from '../testing/fixture-replica';
import { buildReport } from '../../shared/reports/report-source';
import { replicaReader, reportHandlers } from './report-handlers';
import type { ServerReports } from './server-reports';

const fx = eachFixtureReplica();
let role: UserRole | null = 'supervisor';
let serverCalls = 0;
// The server is not reachable in these tests: a call to it must not happen for a local period.
const noServer: ServerReports = {
  report: () => ((serverCalls += 1), Promise.reject(new ApiFailure('unavailable', 'no server in this test'))),
  orders: () => ((serverCalls += 1), Promise.reject(new ApiFailure('unavailable', 'no server in this test'))),
};

beforeEach(() => {
  role = 'supervisor';
  serverCalls = 0;
  const db = fx().replica.db;
  db.insert(regions).values(REPORT_WORLD.regions).onConflictDoNothing().run();
  db.insert(warehouses).values(REPORT_WORLD.warehouses).onConflictDoNothing().run();
  db.insert(drivers).values(REPORT_WORLD.drivers).onConflictDoNothing().run();
  db.insert(customers).values(REPORT_WORLD.customers).onConflictDoNothing().run();
  const set = reportOrders();
  db.insert(orders).values(set.orders).run();
  db.insert(orderEvents).values(set.events).run();
});

const handlers = (now = REPORT_NOW) => reportHandlers({ replica: fx().replica, server: noServer, now: () => now, role: () => role });
const q = { ...REPORT_PERIOD };
const HOUR = 3_600_000;
const MIN = 60_000;

describe('headline figures, counted by hand', () => {
  it('O5 is the holiday case: Friday 15:00 + next working day = Tuesday 15:00 (weekend, 9 March off)', () => {
    expect(reportOrders().orders.find((o) => o.id === 'O5')?.slaDeadline).toBe(at(10, 15));
  });

  it('gives every figure of the period and of the period before', async () => {
    const r = await handlers().report({ query: q, where: 'auto' });
    expect(r.source).toBe('local');
    expect(r.period).toMatchObject({ from: '2026-03-06', to: '2026-03-10', days: 5 });
    expect(r.previous).toMatchObject({ from: '2026-03-01', to: '2026-03-05' });
    const h = r.headline;
    // O1..O8 (P1 is earlier, X1 later).
    expect(h.orders).toEqual({ value: 8, hits: 8, members: 8 });
    // O1, O2 (closed counts), O4, O5.
    expect(h.delivered.value).toBe(4);
    // Of those four, O2 is a minute late; O5 is on time only because its deadline skips the holiday.
    expect(h.onTime).toEqual({ value: 0.75, hits: 3, members: 4 });
    // Due: the four delivered + O6 (past its deadline, open). O3 cancelled, O7 not yet due, O8 no deadline.
    // On time and in full: O1, O5 (O4 was short, O2 late, O6 not delivered).
    expect(h.otif).toEqual({ value: 0.4, hits: 2, members: 5 });
    // 190 min (O1) + 241 min (O2: 4 h + 1 min) + 240 min (O4) + 95 h (O5) = 6371 min / 4.
    expect(h.avgDeliveryTime.value).toBe((6371 / 4) * MIN);
    // Nearest rank: ceil(0.9 × 4) = the 4th of 4, O5's 95 h.
    expect(h.p90DeliveryTime.value).toBe(95 * HOUR);
    expect(h.problemShare).toEqual({ value: 1 / 8, hits: 1, members: 8 });
    expect(h.cancelledShare).toEqual({ value: 1 / 8, hits: 1, members: 8 });
    // O6 only: O7's deadline is ahead, O8 has none.
    expect(h.hanging.value).toBe(1);
    expect(r.previousHeadline.orders.value).toBe(1);
    expect(r.previousHeadline.onTime).toEqual({ value: 1, hits: 1, members: 1 });
    expect(serverCalls).toBe(0);
  });

  it('draws the days, the reasons and the delivery-time bars', async () => {
    const r = await handlers().report({ query: q, where: 'auto' });
    expect(r.byDay.map((d) => [d.day, d.orders, d.delivered, d.onTime.hits, d.onTime.members])).toEqual([
      ['2026-03-06', 3, 3, 2, 3], // O1, O2 (late), O5
      ['2026-03-07', 1, 0, 0, 0], // O3
      ['2026-03-08', 1, 0, 0, 0], // O8
      ['2026-03-09', 0, 0, 0, 0],
      ['2026-03-10', 3, 1, 1, 1], // O4, O6, O7
    ]);
    expect(r.problemsByReason).toEqual([{ reason: 'short_delivery', orders: 1 }]);
    // 190 min: 2-4 h; 241 and 240 min: 4-8 h; 95 h: 72 h and more.
    expect(r.deliveryTimes.map((b) => b.orders)).toEqual([0, 0, 1, 2, 0, 0, 0, 1]);
  });

  it('cuts by driver, service, courier and carrier', async () => {
    const r = await handlers().report({ query: q, where: 'auto' });
    const d1 = r.drivers.find((d) => d.key === 'd1');
    const d2 = r.drivers.find((d) => d.key === 'd2');
    // d1: O1 on time (marked 10 min after arriving), O2 late (marked 41 min after), both on 6 March.
    expect(d1).toMatchObject({ name: 'Berik', orders: 2, delivered: 2, onTimeDeliveries: 1, problems: 0, ordersPerDay: 2, km: null });
    expect(d1?.onTime).toEqual({ value: 0.5, hits: 1, members: 2 });
    expect(d1?.marksOnTime).toEqual({ value: 0.5, hits: 1, members: 2 });
    // d2: O4 (short, on time, no GPS arrival) and O6 (hanging), both on 10 March.
    expect(d2).toMatchObject({ name: 'Dana', orders: 2, delivered: 1, onTimeDeliveries: 1, problems: 1, ordersPerDay: 2 });
    expect(d2?.marksOnTime).toEqual({ value: null, hits: 0, members: 0 });
    expect(d2?.otif).toEqual({ value: 0, hits: 0, members: 2 });
    expect(r.cuts.service.map((c) => [c.key, c.orders])).toEqual([['standard', 4], ['express', 3], ['intercity', 1]]);
    expect(r.cuts.courier).toMatchObject([{ key: 'cdek', orders: 1, delivered: 1, onTime: { value: 1 } }]);
    expect(r.cuts.carrier).toMatchObject([{ key: 'k1', orders: 1, delivered: 0 }]);
    expect(r.cuts.customer.map((c) => [c.name, c.orders, c.cancelled])).toEqual([['Kaspi Shop', 7, 0], ['Magnum', 1, 1]]);
    expect(r.cuts.region).toMatchObject([{ key: 'r-ast', name: 'Astana', orders: 8 }]);
  });

  it('filters by who carried the order and by service', async () => {
    const own = await handlers().report({ query: { ...q, carriedBy: 'own' }, where: 'auto' });
    expect(own.headline.orders.value).toBe(4); // O1, O2, O4, O6
    const courier = await handlers().report({ query: { ...q, carriedBy: 'courier' }, where: 'auto' });
    expect(courier.headline.onTime).toEqual({ value: 1, hits: 1, members: 1 }); // O5
    const express = await handlers().report({ query: { ...q, serviceType: 'express', customerId: 'c1', warehouseId: 'w1', regionId: 'r-ast' }, where: 'auto' });
    expect(express.headline.orders.value).toBe(3); // O1, O2, O6
  });
});

describe('responsiveness', () => {
  it('reads a week of orders per statement and hands the loop back between weeks, with the same figures', async () => {
    let pauses = 0;
    const long = { from: '2026-02-25', to: '2026-03-10' };
    const stepped = await buildReport(replicaReader(fx().replica), long, REPORT_NOW, 'local', () => null, async () => {
      pauses += 1;
    });
    const whole = await buildReport(replicaReader(fx().replica), long, REPORT_NOW, 'local');
    // 14 days: 2 weeks of the period, 2 of the one before, and once before computing.
    expect(pauses).toBe(5);
    if (!stepped.ok || !whole.ok) throw new Error('refused');
    expect(stepped.value.headline).toEqual(whole.value.headline);
    expect(stepped.value.drivers).toEqual(whole.value.drivers);
  });
});

describe('drill-down: the orders behind a figure', () => {
  it('lists the members of a share with whether each counts, and narrows to the misses', async () => {
    const h = handlers();
    const all = await h.reportOrders({ query: q, drill: { figure: 'otif' }, offset: 0, limit: 200, where: 'auto' });
    expect(all.total).toBe(5);
    expect(Object.fromEntries(all.rows.map((o) => [o.number, o.hit]))).toEqual({ 'R-O1': true, 'R-O2': false, 'R-O4': false, 'R-O5': true, 'R-O6': false });
    const misses = await h.reportOrders({ query: q, drill: { figure: 'otif', hits: false }, offset: 0, limit: 200, where: 'auto' });
    expect(misses.rows.map((o) => o.number).sort()).toEqual(['R-O2', 'R-O4', 'R-O6']);
    const hanging = await h.reportOrders({ query: q, drill: { figure: 'hanging' }, offset: 0, limit: 200, where: 'auto' });
    expect(hanging.rows).toMatchObject([{ number: 'R-O6', carriedBy: 'own', carrier: 'Dana', hit: null }]);
    const d1Late = await h.reportOrders({ query: q, drill: { figure: 'onTime', hits: false, cut: { dimension: 'driver', key: 'd1' } }, offset: 0, limit: 200, where: 'auto' });
    expect(d1Late.rows.map((o) => o.number)).toEqual(['R-O2']);
    const day = await h.reportOrders({ query: q, drill: { day: '2026-03-10' }, offset: 0, limit: 2, where: 'auto' });
    expect(day.total).toBe(3);
    expect(day.rows).toHaveLength(2);
    const short = await h.reportOrders({ query: q, drill: { reason: 'short_delivery' }, offset: 0, limit: 200, where: 'auto' });
    expect(short.rows.map((o) => o.number)).toEqual(['R-O4']);
    const slow = await h.reportOrders({ query: q, drill: { bucket: 7 }, offset: 0, limit: 200, where: 'auto' });
    expect(slow.rows).toMatchObject([{ number: 'R-O5', carriedBy: 'courier', carrier: 'cdek' }]);
    const before = await h.reportOrders({ query: q, drill: { previous: true }, offset: 0, limit: 200, where: 'auto' });
    expect(before.rows.map((o) => o.number)).toEqual(['R-P1']);
  });
});

describe('hostile requests', () => {
  const refused = async (p: unknown, field: string) => {
    const e = await Promise.resolve(p).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ApiFailure);
    expect((e as ApiFailure).code).toBe('invalid_request');
    expect((e as ApiFailure).message).toMatch(new RegExp(`^${field}:`));
  };
  it('refuses a range in 2100, a reversed range, a huge range, an ancient one', async () => {
    const h = handlers();
    await refused(h.report({ query: { from: '2100-01-01', to: '2100-01-31' }, where: 'auto' }), 'from');
    await refused(h.report({ query: { from: '2026-03-01', to: '2100-01-31' }, where: 'auto' }), 'to');
    await refused(h.report({ query: { from: '2026-03-10', to: '2026-03-01' }, where: 'auto' }), 'to');
    await refused(h.report({ query: { from: '2020-01-01', to: '2026-03-01' }, where: 'auto' }), 'to');
    await refused(h.report({ query: { from: '1970-01-01', to: '1970-01-02' }, where: 'auto' }), 'from');
    await refused(h.reportOrders({ query: { from: '2026-03-10', to: '2026-03-01' }, drill: {}, offset: 0, limit: 10, where: 'auto' }), 'to');
    expect(serverCalls).toBe(0);
  });
  it('refuses ids that are not ours instead of answering zeros', async () => {
    const h = handlers();
    await refused(h.report({ query: { ...q, warehouseId: 'w-other-company' }, where: 'auto' }), 'warehouseId');
    await refused(h.report({ query: { ...q, customerId: '__proto__' }, where: 'auto' }), 'customerId');
    await refused(h.report({ query: { ...q, regionId: "r' OR 1=1 --" }, where: 'auto' }), 'regionId');
  });
  it('answers only the desk: warehouse, logistician and a console not yet welcomed are refused', async () => {
    for (const r of ['warehouse', 'logistician', 'integration', null] as const) {
      role = r;
      await expect(handlers().report({ query: q, where: 'auto' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(handlers().exportReport({ query: q, language: 'ru', where: 'auto' })).rejects.toMatchObject({ code: 'forbidden' });
    }
    role = 'dispatcher';
    expect((await handlers().report({ query: q, where: 'auto' })).headline.orders.value).toBe(8);
  });
  it('sends a period older than the replica holds, or a request for the server, to the server', async () => {
    await expect(handlers().report({ query: q, where: 'server' })).rejects.toMatchObject({ code: 'unavailable' });
    // Four months later, 6-10 March is beyond the days a desktop keeps.
    await expect(handlers(REPORT_NOW + 120 * 24 * HOUR).report({ query: q, where: 'auto' })).rejects.toMatchObject({ code: 'unavailable' });
    expect(serverCalls).toBe(2);
  });
});

describe('XLSX export', () => {
  it('writes the figures, the cuts and the orders in the chosen language, values only', async () => {
    fx().replica.sqlite.prepare("UPDATE orders SET customer_name = '=HYPERLINK(\"http://x\")' WHERE id = 'O6'").run();
    for (const lang of ['ru', 'en'] as const) {
      const file = await handlers().exportReport({ query: q, drill: { figure: 'hanging' }, language: lang, where: 'auto' });
      expect(file.fileName).toMatch(/^report-2026-03-06-2026-03-10-2026-03-11\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toEqual(
        lang === 'ru'
          ? ['Сводка', 'По дням', 'Проблемы', 'Время доставки', 'Регион', 'Клиент', 'Услуга', 'Курьерская служба', 'Перевозчик', 'Водители', 'Заказы']
          : ['Summary', 'By day', 'Problems', 'Delivery time', 'Region', 'Customer', 'Service', 'Courier service', 'Carrier', 'Drivers', 'Orders'],
      );
      const summary = wb.getWorksheet(names[0]!)!;
      const otif = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'OTIF')!;
      expect(String(otif.getCell(2).value).replace(/\s/g, ' ')).toBe(lang === 'ru' ? '40 %' : '40%');
      expect([otif.getCell(3).value, otif.getCell(4).value]).toEqual([2, 5]);
      const courier = wb.getWorksheet(names[7]!)!;
      expect(courier.getRow(2).getCell(1).value).toBe(lang === 'ru' ? 'СДЭК' : 'CDEK');
      const list = wb.getWorksheet(names[10]!)!;
      expect(list.rowCount).toBe(2);
      // Every column head in the chosen language, each word from the export's one table.
      expect((list.getRow(1).values as unknown[]).slice(1)).toEqual(
        lang === 'ru'
          ? ['Номер', 'Создан', 'Статус', 'Услуга', 'Клиент', 'Кто вёз', 'Исполнитель', 'Срок SLA', 'Вручён', 'Проблемы', 'Засчитан']
          : ['Number', 'Created', 'Status', 'Service', 'Customer', 'Carried by', 'Carrier', 'SLA deadline', 'Handed over', 'Problems', 'Counted'],
      );
      const row = list.getRow(2);
      expect(row.getCell(1).value).toBe('R-O6');
      expect(row.getCell(3).value).toBe(lang === 'ru' ? 'В пути' : 'In transit');
      // Text, not a formula: exceljs reads a formula cell back as an object.
      expect(row.getCell(5).value).toBe('=HYPERLINK("http://x")');
      expect(row.getCell(5).formula).toBeUndefined();
    }
  });
});
