// carriedBySql is carriedBy() for SQL: the queue filters by one and the card shows the other,
// so they must agree on every combination of the two columns, evaluated by SQLite itself.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { carriedBy, carriedBySql, type CarriedBySubject } from '../../../shared/domain/carried-by';

describe('carriedBySql', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());
  db.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, carrier_id TEXT, courier_provider TEXT)');
  const combos: CarriedBySubject[] = [
    { carrierId: null, courierProvider: null },
    { carrierId: null, courierProvider: 'cdek' },
    { carrierId: 'car-1', courierProvider: null },
    { carrierId: 'car-1', courierProvider: 'cdek' },
    { carrierId: '', courierProvider: '' },
  ];
  const insert = db.prepare('INSERT INTO orders (id, carrier_id, courier_provider) VALUES (?, ?, ?)');
  combos.forEach((c, i) => insert.run(i, c.carrierId, c.courierProvider));

  it('agrees with carriedBy() on every combination of carrier and courier service', () => {
    const rows = db.prepare(`SELECT id, ${carriedBySql('o')} AS by FROM orders o ORDER BY id`).all() as { id: number; by: string }[];
    expect(rows.map((r) => r.by)).toEqual(combos.map(carriedBy));
    expect(rows.map((r) => r.by)).toEqual(['own', 'courier', 'carrier', 'carrier', 'carrier']);
  });
});
