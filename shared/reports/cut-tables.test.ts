// The cut tables both report paths (fact by fact, and from SQL sums) hand over through one
// function: every table cut to its largest CUT_ROW_LIMIT rows, in the order given, with the size
// it had before. main/reports/report-sql.test.ts checks the two paths agree; this checks the cut.
import { describe, expect, it } from 'vitest';
import { CUT_ROW_LIMIT, cutName, cutTables, type CutRow, type DriverReportRow } from './compute-report';

const none = { value: null, hits: 0, members: 0 };
const row = (key: string, orders: number): CutRow => ({ key, name: null, orders, delivered: 0, onTime: none, otif: none, problems: 0, cancelled: 0, avgDeliveryMs: null });
const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => row(`${prefix}${i}`, n - i));

describe('cut tables', () => {
  it('keeps the first CUT_ROW_LIMIT rows of each table and says how many there were', () => {
    const drivers: DriverReportRow[] = rows('d', CUT_ROW_LIMIT + 2).map((r) => ({ ...r, onTimeDeliveries: 0, marksOnTime: none, ordersPerDay: 0, km: null }));
    const sizes = { region: CUT_ROW_LIMIT + 1, customer: CUT_ROW_LIMIT, service: 3, courier: 0, carrier: 1 };
    const asked: string[] = [];
    const t = cutTables((d) => {
      asked.push(d);
      return rows(d, sizes[d]);
    }, drivers);
    expect(asked).toEqual(['region', 'customer', 'service', 'courier', 'carrier']);
    expect(t.cutSizes).toEqual({ ...sizes, driver: CUT_ROW_LIMIT + 2 });
    expect(t.cuts.region).toHaveLength(CUT_ROW_LIMIT);
    expect(t.cuts.region[0]?.key).toBe('region0');
    expect(t.cuts.region.at(-1)?.key).toBe(`region${CUT_ROW_LIMIT - 1}`);
    expect(t.cuts.customer).toHaveLength(CUT_ROW_LIMIT);
    expect(t.cuts.service.map((r) => r.key)).toEqual(['service0', 'service1', 'service2']);
    expect(t.cuts.courier).toEqual([]);
    expect(t.drivers).toHaveLength(CUT_ROW_LIMIT);
    expect(t.drivers[0]?.key).toBe('d0');
  });
});

describe('cut names', () => {
  const names = { region: new Map([['astana', 'Астана']]), driver: new Map([['d1', 'Арман']]), carrier: new Map<string, string>() };
  it('names an entity from the names read with the report, its key when it has none; a customer as its orders spell it; a vocabulary word not at all', () => {
    const spelled = () => 'ТОО «Альфа»';
    expect(cutName('region', 'astana', names, spelled)).toBe('Астана');
    expect(cutName('driver', 'd1', names, spelled)).toBe('Арман');
    expect(cutName('carrier', 'c9', names, spelled)).toBe('c9');
    expect(cutName('customer', 'cu1', names, spelled)).toBe('ТОО «Альфа»');
    expect(cutName('customer', 'cu1', names, () => null)).toBe('cu1');
    expect(cutName('service', 'express', names, spelled)).toBeNull();
    expect(cutName('courier', 'cdek', names, spelled)).toBeNull();
  });
});
