// Replica migration 0020 (carriers_fts prefixes of 4 and 7 characters, issue 19): a replica that
// already holds carriers gets the new index with every carrier in it, the same hits and bm25
// scores as before, and triggers that keep it current afterwards.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { buildCarrierMatchQuery } from '../../shared/carriers/carrier-text-query';
import { carriers } from '../../shared/schema';
import { addCarrier } from '../carriers/carrier-fixtures';
import { manyPerTest, tempReplica } from '../testing/fixture-replica';
import type { Replica } from './open-replica';

const TAG = '0020_carriers_fts_prefixes';
const olderReplica = manyPerTest(tempReplica);

const TYPED = ['8701', '+7 777', '8 701 123', '1234567', 'транс', 'trans', 'Серик', '9903', '7707083893', 'тент'];

function hits(r: Replica, typed: string): { rowid: number; rank: number }[] {
  const match = buildCarrierMatchQuery(typed);
  if (match === null) throw new Error(typed);
  return r.sqlite.prepare('SELECT rowid, rank FROM carriers_fts WHERE carriers_fts MATCH ? ORDER BY rank, rowid').all(match) as { rowid: number; rank: number }[];
}

function ftsDefinition(r: Replica): string {
  return (r.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'carriers_fts'").get() as { sql: string }).sql;
}

it('re-indexes the carriers a replica holds with the new prefixes, finding and scoring them as before', () => {
  const fx = olderReplica({ before: TAG });
  const old = fx.replica;
  addCarrier(old, { name: 'ТрансЛогистик', taxId: '990340001234', phone: '+7 701 123 45 67', contactPerson: 'Серик Ахметов', notes: 'тент' });
  addCarrier(old, { name: 'KazCargo Express', taxId: '7707083893', phone: '8 (777) 555-01-02', notes: 'trans, тент' });
  addCarrier(old, { name: 'Степной Путь', phone: '7012223344', contactPerson: 'Серикбай' });
  addCarrier(old, { name: 'Trans Asia', phone: '+7 777 100 20 30', taxId: '990312345678' });
  expect(ftsDefinition(old)).toContain("prefix='2 3'");
  const before = new Map(TYPED.map((t) => [t, hits(old, t)]));
  expect(before.get('8701')?.length).toBe(2);
  expect(before.get('+7 777')?.length).toBe(2);

  const current = fx.reopen();
  expect(ftsDefinition(current)).toContain("prefix='2 3 4 7'");
  for (const t of TYPED) expect(hits(current, t), t).toEqual(before.get(t));
  expect(current.sqlite.prepare('SELECT count(*) AS n FROM carriers_fts').get()).toEqual({ n: 4 });

  // The triggers of 0012 write into the new table: insert, update, delete.
  const added = addCarrier(current, { name: 'Жол Тент', phone: '+7 701 999 00 11' });
  expect(hits(current, '8701').length).toBe(3);
  current.db.update(carriers).set({ phone: '+7 747 999 00 11', phoneNormalized: '77479990011' }).where(eq(carriers.id, added.id)).run();
  expect(hits(current, '8701').length).toBe(2);
  expect(hits(current, '8747').length).toBe(1);
  current.db.delete(carriers).where(eq(carriers.id, added.id)).run();
  expect(hits(current, 'жол')).toEqual([]);
});
