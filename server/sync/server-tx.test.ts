import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { openServerDb, type ServerDb } from '../db/open-server-db';
import { SyncEngine } from './sync-engine';
import type { CustomerRow } from '../../shared/schema';
import { silentLogger } from '../../platform/log/logger';

let dir: string;
let db: ServerDb;
let engine: SyncEngine;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'marshrut-tx-'));
  db = openServerDb(join(dir, 's.db'), 'NORMAL');
  engine = new SyncEngine(db.sqlite, () => 1000, silentLogger());
});
afterEach(() => {
  db.sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

const customer = (id: string, name: string): CustomerRow => ({ id, name, phone: '', email: null, vipNormMinutes: null, updatedAt: 1 });

describe('ServerMutatorTx and the change log', () => {
  it('records one entry per row, moving it to a new seq on each change', () => {
    engine.writeRows((tx) => {
      tx.put('customers', customer('a', 'A'));
      tx.put('customers', customer('b', 'B'));
    });
    expect(engine.log.headSeq()).toBe(2);
    engine.writeRows((tx) => tx.put('customers', customer('a', 'A2')));
    expect(engine.log.readAfter(0, 10).map((r) => [r.seq, r.id, r.row?.['name']])).toEqual([
      [2, 'b', 'B'],
      [3, 'a', 'A2'],
    ]);
  });

  it('a put identical to what the tx read writes nothing and takes no seq', () => {
    engine.writeRows((tx) => tx.put('customers', customer('a', 'A')));
    const head = engine.log.headSeq();
    engine.writeRows((tx) => {
      const row = tx.get('customers', 'a');
      if (row) tx.put('customers', { ...row });
    });
    expect(engine.log.headSeq()).toBe(head);
    engine.writeRows((tx) => {
      const row = tx.get('customers', 'a');
      if (row) tx.put('customers', { ...row, phone: '+7 701' });
    });
    expect(engine.log.headSeq()).toBe(head + 1);
    expect(engine.newTx().get('customers', 'a')).toEqual({ ...customer('a', 'A'), phone: '+7 701' });
  });

  it('round-trips booleans and JSON columns', () => {
    engine.writeRows((tx) => {
      tx.put('users', { id: 'u', name: 'U', role: 'admin', warehouseId: null, active: false, updatedAt: 1 });
      tx.put('regions', { id: 'r', name: 'R', utcOffsetMinutes: 300, workingDays: [1, 2], workStartMinute: 540, workEndMinute: 1080, holidays: ['2026-01-01'], updatedAt: 1 });
    });
    const tx = engine.newTx();
    expect(tx.get('users', 'u')?.active).toBe(false);
    expect(tx.get('regions', 'r')).toMatchObject({ workingDays: [1, 2], holidays: ['2026-01-01'] });
  });

  it('a deletion leaves a tombstone until compaction; live rows survive compaction', () => {
    engine.writeRows((tx) => {
      tx.put('customers', customer('a', 'A'));
      tx.put('customers', customer('b', 'B'));
    });
    engine.writeRows((tx) => tx.delete('customers', 'a'));
    engine.writeRows((tx) => tx.delete('customers', 'nobody')); // nothing to delete: no entry
    expect(engine.log.readAfter(0, 10).map((r) => [r.id, r.row === null])).toEqual([
      ['b', false],
      ['a', true],
    ]);
    const head = engine.log.headSeq();
    expect(engine.log.compact(head + 1)).toEqual({ dropped: 1 });
    expect(engine.log.readAfter(0, 10).map((r) => r.id)).toEqual(['b']);
    // The head never goes back, so seqs are never reused after compaction.
    expect(engine.log.headSeq()).toBe(head);
    engine.writeRows((tx) => tx.put('customers', customer('c', 'C')));
    expect(engine.log.headSeq()).toBe(head + 1);
    expect(engine.log.needsSnapshot(head)).toBe(true);
    expect(engine.log.needsSnapshot(head + 1)).toBe(false);
    expect(engine.log.needsSnapshot(0)).toBe(false);
  });

  it('allocates MR- order numbers after the largest one in use', () => {
    const tx = engine.newTx();
    expect(tx.allocateOrderNumber()).toBe('MR-100001');
    expect(tx.allocateOrderNumber()).toBe('MR-100002');
    const other = new SyncEngine(db.sqlite, () => 1, silentLogger()).newTx();
    expect(other.allocateOrderNumber()).toBe('MR-100003');
  });

  it('pumps committed changes to listeners once, including writes from another connection', () => {
    const seen: string[] = [];
    engine.onChanges((rows) => seen.push(...rows.map((r) => r.id)));
    engine.writeRows((tx) => tx.put('customers', customer('a', 'A')));
    const other = openServerDb(join(dir, 's.db'), 'NORMAL');
    new SyncEngine(other.sqlite, () => 1, silentLogger()).writeRows((tx) => tx.put('customers', customer('x', 'X')));
    other.sqlite.close();
    engine.pumpChanges();
    engine.pumpChanges();
    expect(seen).toEqual(['a', 'x']);
  });
});
