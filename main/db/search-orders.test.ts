import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders } from '../../shared/schema';
import { onePerFile, tempReplica } from '../testing/fixture-replica';
import { searchOrders } from './search-orders';
import { testOrderRow } from '../../shared/testing/order-row';

const fixture = onePerFile(() => {
  const fx = tempReplica();
  fx.replica.db.insert(orders).values([
    testOrderRow({
      id: 'a', number: 'MR-100234', customerName: 'Асель Жумабаева', customerPhone: '+7 701 123 45 67',
      deliveryAddress: 'г. Алматы, Бостандыкский р-н, ул. Тимирязева, 42, кв. 15',
    }),
    testOrderRow({
      id: 'b', number: 'MR-100235', customerName: 'Aizhan Trade LLP', customerPhone: '87019998877',
      deliveryAddress: 'г. Астана, р-н Есиль, пр. Мангилик Ел, 8',
    }),
    testOrderRow({
      id: 'c', number: 'MR-200100', customerName: 'ТОО «Береке Трейд»', customerPhone: '+7 (727) 250-12-34',
      deliveryAddress: 'г. Шымкент, Аль-Фарабийский р-н, пр. Тауке хана, 100',
    }),
  ]).run();
  return fx;
});
const r = () => fixture().replica;

const ids = (text: string, limit?: number) => searchOrders(r(), text, limit).map((o) => o.id).sort();

describe('searchOrders', () => {
  it('finds by order number prefix, with or without the dash', () => {
    expect(ids('MR-1002')).toEqual(['a', 'b']);
    expect(ids('MR-100234')).toEqual(['a']);
    expect(ids('mr100234')).toEqual(['a']);
    expect(ids('10023')).toEqual(['a', 'b']);
    expect(ids('2001')).toEqual(['c']);
  });

  it('finds customers by prefix in Cyrillic and Latin, any case', () => {
    expect(ids('асе')).toEqual(['a']);
    expect(ids('ЖУМАБ')).toEqual(['a']);
    expect(ids('aiz')).toEqual(['b']);
    expect(ids('trade')).toEqual(['b']);
    expect(ids('берек')).toEqual(['c']);
    expect(ids('асель жума')).toEqual(['a']);
    expect(ids('асель aizhan')).toEqual([]);
  });

  it('finds a phone typed in any format', () => {
    for (const typed of ['+7 701 123 45 67', '87011234567', '+77011234567', '7011234567', '8 (701) 123-45-67', '8701123', '701 123']) {
      expect(ids(typed), typed).toEqual(['a']);
    }
    expect(ids('8 701 999')).toEqual(['b']);
    expect(ids('+7 727 250')).toEqual(['c']);
    expect(ids('8701')).toEqual(['a', 'b']);
  });

  it('finds a phone by any run of 4 or more of its digits, however it is typed (issue 13)', () => {
    // a: +7 701 123 45 67, b: 8 701 999 88 77, c: +7 (727) 250-12-34
    const cases: [string, string[]][] = [
      ['1234567', ['a']], ['123 45 67', ['a']], ['234567', ['a']], ['4567', ['a']], ['123-45', ['a']],
      ['999 887', ['b']], ['9988', ['b']], ['8877', ['b']],
      ['2501234', ['c']], ['250-12-34', ['c']], ['(727) 250', ['c']],
    ];
    for (const [typed, want] of cases) expect(ids(typed), typed).toEqual(want);
    // Three digits are not a run: they match only the start of a number (or an order number).
    expect(ids('567')).toEqual([]);
    expect(ids('1234')).toEqual(['a', 'c']);
  });

  it('finds by delivery and pickup address words', () => {
    expect(ids('Тимирязева 42')).toEqual(['a']);
    expect(ids('бостандык')).toEqual(['a']);
    expect(ids('мангилик')).toEqual(['b']);
    expect(ids('Бекмаханова')).toEqual(['a', 'b', 'c']);
  });

  it('treats search syntax and stray punctuation as plain text', () => {
    for (const typed of ['', '   ', '"', '()', '*', '-', 'NEAR(a b)', 'number:1', 'MR" OR "x', 'AND', 'OR асель']) {
      expect(() => searchOrders(r(), typed), typed).not.toThrow();
    }
    expect(ids('')).toEqual([]);
    expect(ids('"')).toEqual([]);
    expect(ids('"асель"')).toEqual(['a']);
  });

  it('ranks number hits first and honours the limit', () => {
    r().db.insert(orders).values(testOrderRow({ id: 'd', number: 'MR-300001', deliveryAddress: 'г. Алматы, ул. MR 100234' })).run();
    expect(searchOrders(r(), 'MR-100234').map((o) => o.id)).toEqual(['a', 'd']);
    expect(searchOrders(r(), 'MR', 2)).toHaveLength(2);
    r().db.delete(orders).where(eq(orders.id, 'd')).run();
  });

  it('returns whole rows', () => {
    const [row] = searchOrders(r(), 'MR-100235');
    expect(row).toMatchObject({ id: 'b', customerName: 'Aizhan Trade LLP', status: 'new', serviceType: 'standard' });
  });
});

describe('orders_fts triggers', () => {
  const ftsRows = () => (r().sqlite.prepare('SELECT count(*) AS n FROM orders_fts').get() as { n: number }).n;
  const orderRows = () => (r().sqlite.prepare('SELECT count(*) AS n FROM orders').get() as { n: number }).n;

  it('follow updates of indexed columns', () => {
    r().db.insert(orders).values(testOrderRow({ id: 'u', number: 'MR-500001', customerName: 'Болат Серикович', customerPhone: '87775554433' })).run();
    expect(ids('болат')).toEqual(['u']);
    r().db.update(orders).set({ customerName: 'Данияр Омаров', customerPhone: '+7 705 000 11 22' }).where(eq(orders.id, 'u')).run();
    expect(ids('болат')).toEqual([]);
    expect(ids('8777555')).toEqual([]);
    expect(ids('даниЯр')).toEqual(['u']);
    expect(ids('87050001122')).toEqual(['u']);
    // A status change doesn't touch the index (the trigger only watches indexed columns).
    r().db.update(orders).set({ status: 'confirmed' }).where(eq(orders.id, 'u')).run();
    expect(ids('данияр')).toEqual(['u']);
    expect(ftsRows()).toBe(orderRows());
  });

  it('follow deletes and INSERT OR REPLACE', () => {
    r().db.insert(orders).values(testOrderRow({ id: 'x', number: 'MR-600001', customerName: 'Ержан Касымов' })).run();
    r().sqlite
      .prepare(
        `INSERT OR REPLACE INTO orders (id, number, customer_name, pickup_address, pickup_lat, pickup_lon, delivery_address,
          delivery_city, delivery_lat, delivery_lon, region_id, service_type, status, created_at, status_changed_at, updated_at)
         VALUES ('x', 'MR-600001', 'Мадина Касымова', 'a', 0, 0, 'b', 'c', 0, 0, 'r', 'express', 'new', 1, 1, 1)`,
      )
      .run();
    expect(ids('ержан')).toEqual([]);
    expect(ids('мадина')).toEqual(['x']);
    expect(ftsRows()).toBe(orderRows());
    r().db.delete(orders).where(eq(orders.id, 'x')).run();
    expect(ids('мадина')).toEqual([]);
    expect(ids('MR-600001')).toEqual([]);
    expect(ftsRows()).toBe(orderRows());
  });
});
