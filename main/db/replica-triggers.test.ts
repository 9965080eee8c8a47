// The replica's derived-data triggers run only when a column they read changes: the sync
// client writes every confirmed row as an upsert that names all columns, and a frame that
// re-sends an unchanged order must not rewrite its search entry. total_changes() counts the
// rows trigger programs write too, so an UPDATE that fired nothing changes exactly one row.
import { describe, expect, it } from 'vitest';
import { carrierLanes, carriers, orders } from '../../shared/schema';
import { manyPerTest, onePerTest, tempReplica } from '../testing/fixture-replica';
import { searchCarriers } from './search-carriers';
import { searchOrders } from './search-orders';
import { testOrderRow } from '../../shared/testing/order-row';
import { testCarrier } from '../testing/test-rows';

const fx = onePerTest(tempReplica);
const olderReplica = manyPerTest(tempReplica);
const r = () => fx().replica;

/** Rows written by `sql`, its triggers' writes included. */
function rowsWritten(sql: string): number {
  const total = r().sqlite.prepare('SELECT total_changes()').pluck();
  const before = total.get() as number;
  r().sqlite.exec(sql);
  return (total.get() as number) - before;
}

describe('replica triggers', () => {
  it('leave the order search index alone when an upsert repeats the indexed columns', () => {
    r().db.insert(orders).values(testOrderRow({ id: 'a', number: 'MR-100234', customerName: 'Асель Жумабаева' })).run();
    // What a whole-row upsert does to the indexed columns: names them, same values.
    expect(
      rowsWritten(`UPDATE orders SET number = number, customer_name = customer_name, customer_phone = customer_phone,
        delivery_address = delivery_address, pickup_address = pickup_address, status = 'confirmed' WHERE id = 'a'`),
    ).toBe(1);
    expect(rowsWritten("UPDATE orders SET customer_name = 'Айгерим Сапарова' WHERE id = 'a'")).toBeGreaterThan(1);
    expect(searchOrders(r(), 'айгерим').map((o) => o.id)).toEqual(['a']);
    expect(searchOrders(r(), 'асель')).toEqual([]);
  });

  it('leave the carrier search index alone in the same way, and follow a real edit', () => {
    r().db.insert(carriers).values(testCarrier({ id: 'k1', name: 'ТОО «Жол Транс»', phone: '+7 701 123 45 67', phoneNormalized: '77011234567' })).run();
    expect(
      rowsWritten(`UPDATE carriers SET name = name, tax_id = tax_id, phone = phone, phone_normalized = phone_normalized,
        contact_person = contact_person, notes = notes WHERE id = 'k1'`),
    ).toBe(1);
    expect(rowsWritten("UPDATE carriers SET notes = 'рефрижератор' WHERE id = 'k1'")).toBeGreaterThan(1);
    expect(searchCarriers(r(), 'рефриж').map((c) => c.id)).toEqual(['k1']);
  });

  it('recompute direction stats only when a lane really moves', () => {
    r().db.insert(carrierLanes).values({ id: 'l1', carrierId: 'k1', fromCity: 'Алматы', toCity: 'Астана', updatedAt: 1 }).run();
    expect(rowsWritten("UPDATE carrier_lanes SET carrier_id = carrier_id, from_city = from_city, to_city = to_city, updated_at = 2 WHERE id = 'l1'")).toBe(1);
    rowsWritten("UPDATE carrier_lanes SET to_city = 'Шымкент' WHERE id = 'l1'");
    const stats = r().sqlite.prepare("SELECT from_city, to_city, lanes FROM carrier_direction_stats WHERE carrier_id = 'k1' ORDER BY 1, 2").all();
    expect(stats).toEqual([
      { from_city: '', to_city: 'Шымкент', lanes: 1 },
      { from_city: 'Алматы', to_city: '', lanes: 1 },
      { from_city: 'Алматы', to_city: 'Шымкент', lanes: 1 },
    ]);
  });

  it('sync_shadow comes from the migrations, also on a replica whose sync client created it earlier', () => {
    const shadow = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sync_shadow'";
    expect(r().sqlite.prepare(shadow).pluck().get()).toMatch(/WITHOUT ROWID/);

    // An older app: migrations up to 0005, and the table made at run time as that app did.
    const older = olderReplica({ before: '0006_sync_shadow' });
    older.replica.sqlite.exec('CREATE TABLE sync_shadow (tbl TEXT NOT NULL, id TEXT NOT NULL, row TEXT, PRIMARY KEY (tbl, id)) WITHOUT ROWID');
    older.replica.sqlite.prepare("INSERT INTO sync_shadow VALUES ('orders', 'o1', NULL)").run();

    const current = older.reopen();
    expect(current.sqlite.prepare('SELECT tbl, id, row FROM sync_shadow').all()).toEqual([{ tbl: 'orders', id: 'o1', row: null }]);
  });
});
