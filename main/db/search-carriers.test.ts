import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { carriers } from '../../shared/schema';
import { onePerFile, tempReplica } from '../testing/fixture-replica';
import { searchCarriers } from './search-carriers';
import { testCarrier } from '../testing/test-rows';

const fixture = onePerFile(() => {
  const fx = tempReplica();
  fx.replica.db.insert(carriers).values([
    testCarrier({
      id: 'k1', name: 'ТОО «Жол Транс»', taxId: '150840012345', phone: '+7 701 123 45 67', phoneNormalized: '77011234567',
      contactPerson: 'Ерлан Ахметов', notes: 'Работает без предоплаты',
    }),
    testCarrier({
      id: 'k2', name: 'Steppe Cargo LLP', taxId: '231240099887', phone: '87059998877', phoneNormalized: '77059998877',
      contactPerson: 'Ольга Смирнова', notes: 'Есть GPS-трекинг',
    }),
    testCarrier({ id: 'k3', name: 'ООО «СибТранс Авто»', taxId: '5401234567', phone: '+7 913 555 44 33', phoneNormalized: '79135554433' }),
  ]).run();
  return fx;
});
const r = () => fixture().replica;

const ids = (text: string) => searchCarriers(r(), text).map((c) => c.id).sort();

describe('searchCarriers', () => {
  it('finds by name prefix in Cyrillic and Latin', () => {
    expect(ids('жол')).toEqual(['k1']);
    expect(ids('ТРАН')).toEqual(['k1']);
    expect(ids('сибтр')).toEqual(['k3']);
    expect(ids('step')).toEqual(['k2']);
    expect(ids('cargo llp')).toEqual(['k2']);
  });

  it('finds by tax id prefix', () => {
    expect(ids('150840')).toEqual(['k1']);
    expect(ids('2312400')).toEqual(['k2']);
    expect(ids('5401234567')).toEqual(['k3']);
  });

  it('finds a phone as +7 ..., 8... or without the country code', () => {
    for (const typed of ['+7 701 123 45 67', '87011234567', '7011234567', '8701123', '+7 (701) 123-45-67']) {
      expect(ids(typed), typed).toEqual(['k1']);
    }
    expect(ids('8 705 999 88 77')).toEqual(['k2']);
    expect(ids('+7 913 555')).toEqual(['k3']);
  });

  it('finds a phone by any run of 4 or more of its digits (issue 13)', () => {
    for (const typed of ['1234567', '123 45 67', '4567', '999 88 77', '9998877']) {
      expect(ids(typed), typed).toEqual(typed.startsWith('999') ? ['k2'] : ['k1']);
    }
    expect(ids('5554433')).toEqual(['k3']);
    expect(ids('567')).toEqual([]);
  });

  it('finds by contact person and notes', () => {
    expect(ids('ерлан')).toEqual(['k1']);
    expect(ids('смирнов')).toEqual(['k2']);
    expect(ids('предоплат')).toEqual(['k1']);
    expect(ids('gps')).toEqual(['k2']);
  });

  it('keeps the index in step with updates and deletes', () => {
    r().db.update(carriers).set({ name: 'Nomad Freight LLP', phone: '+7 777 000 11 22' }).where(eq(carriers.id, 'k1')).run();
    expect(ids('жол')).toEqual([]);
    expect(ids('8701123')).toEqual([]);
    expect(ids('nomad')).toEqual(['k1']);
    expect(ids('87770001122')).toEqual(['k1']);
    r().db.update(carriers).set({ rating: 4.5 }).where(eq(carriers.id, 'k1')).run();
    expect(ids('nomad')).toEqual(['k1']);
    r().db.delete(carriers).where(eq(carriers.id, 'k2')).run();
    expect(ids('steppe')).toEqual([]);
    const n = (sql: string) => (r().sqlite.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM carriers_fts')).toBe(n('SELECT count(*) AS n FROM carriers'));
  });
});
