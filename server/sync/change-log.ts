// The change log: one entry per synced row naming its newest state by a global seq.
// Readers page through it by seq and join the rows' current state, so a catch-up sends each
// row once, as it is now. Compaction drops old tombstones; a client whose cursor predates
// the compaction point may have missed a deletion and gets a full snapshot instead.
import type Database from 'better-sqlite3';
import type { ChangeRow } from '../../shared/protocol';
import { SYNCED_TABLE_KEYS, type SyncedTableKey } from '../../shared/schema';
import type { AllTableStatements } from './table-statements';
import type { ServerMetaStore } from './server-meta';
import { prepareWindowReader, type WindowReader } from './window-filter';

const SYNCED = new Set<string>(SYNCED_TABLE_KEYS);

export class ChangeLog {
  private readonly record: Database.Statement<[string, string, number]>;
  private readonly page: Database.Statement<[number, number], { seq: number; tbl: string; row_id: string }>;
  private readonly head: Database.Statement<[], { seq: number }>;
  private readonly dropTombstones: Database.Statement<[number]>;
  private readonly tombstonesBefore: Database.Statement<[number], { seq: number; tbl: string; row_id: string }>;
  /** Prepared on the first windowed snapshot. */
  private windowPage: WindowReader | undefined;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly tables: AllTableStatements,
    private readonly meta: ServerMetaStore,
    private readonly clock: () => number,
  ) {
    // REPLACE deletes the row's old entry and inserts a new one with the next AUTOINCREMENT seq.
    this.record = sqlite.prepare('INSERT OR REPLACE INTO change_log (tbl, row_id, at) VALUES (?, ?, ?)');
    this.page = sqlite.prepare('SELECT seq, tbl, row_id FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?');
    // sqlite_sequence keeps the highest seq ever handed out, even after compaction deleted it.
    this.head = sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'");
    this.tombstonesBefore = sqlite.prepare('SELECT seq, tbl, row_id FROM change_log WHERE seq < ? ORDER BY seq');
    this.dropTombstones = sqlite.prepare('DELETE FROM change_log WHERE seq = ?');
  }

  /** Records that a row changed (or was deleted); call inside the writing transaction. */
  recordChange(table: SyncedTableKey, rowId: string): void {
    this.record.run(table, rowId, this.clock());
  }

  headSeq(): number {
    return this.head.get()?.seq ?? 0;
  }

  compactedBefore(): number {
    return Number(this.meta.get('compacted_before') ?? '0');
  }

  /** True when a client at `cursor` may have missed deletions and needs a snapshot. */
  needsSnapshot(cursor: number): boolean {
    return cursor > 0 && cursor < this.compactedBefore();
  }

  /**
   * Up to `limit` changed rows after `cursor`, in seq order, with their current state
   * (null when deleted). Synchronous: the page is a consistent view.
   */
  readAfter(cursor: number, limit: number): ChangeRow[] {
    return this.withRows(this.page.all(cursor, limit));
  }

  /**
   * A page of a windowed snapshot (./window-filter.ts): up to `limit` rows after `cursor` that
   * a desktop keeping history from `windowStart` needs, looking at seqs up to `cursor + scan`
   * only, so one call's work is bounded however much history lies outside the window.
   * `through` is the highest seq examined (the page's cursor); rows may be none.
   */
  readWindowAfter(cursor: number, windowStart: number, limit: number, scan: number): { rows: ChangeRow[]; through: number } {
    const head = this.headSeq();
    const page = (this.windowPage ??= prepareWindowReader(this.sqlite))(cursor, Math.min(head, cursor + scan), windowStart, limit);
    return { rows: this.withRows(page.entries), through: page.through };
  }

  private withRows(entries: readonly { seq: number; tbl: string; row_id: string }[]): ChangeRow[] {
    if (entries.length === 0) return [];
    const idsByTable = new Map<SyncedTableKey, string[]>();
    for (const e of entries) {
      if (!SYNCED.has(e.tbl)) continue;
      const key = e.tbl as SyncedTableKey;
      let ids = idsByTable.get(key);
      if (ids === undefined) idsByTable.set(key, (ids = []));
      ids.push(e.row_id);
    }
    const rows = new Map<string, Record<string, unknown>>();
    for (const [table, ids] of idsByTable) {
      const st = this.tables[table];
      for (const record of st.getByIds.all(JSON.stringify(ids))) {
        rows.set(`${table}\u0000${String(record['id'])}`, st.codec.fromRecord(record));
      }
    }
    const out: ChangeRow[] = [];
    for (const e of entries) {
      if (!SYNCED.has(e.tbl)) continue;
      out.push({ seq: e.seq, table: e.tbl as SyncedTableKey, id: e.row_id, row: rows.get(`${e.tbl}\u0000${e.row_id}`) ?? null });
    }
    return out;
  }

  /**
   * Drops tombstones (entries of deleted rows) older than `beforeSeq` and moves the
   * compaction point there. Live rows keep their entries: they are the snapshot.
   */
  compact(beforeSeq: number): { dropped: number } {
    let dropped = 0;
    this.sqlite.transaction(() => {
      const tables = this.tables;
      for (const e of this.tombstonesBefore.all(beforeSeq)) {
        if (SYNCED.has(e.tbl) && tables[e.tbl as SyncedTableKey].getById.get(e.row_id) !== undefined) continue;
        this.dropTombstones.run(e.seq);
        dropped++;
      }
      if (beforeSeq > this.compactedBefore()) this.meta.set('compacted_before', String(beforeSeq));
    }).immediate();
    return { dropped };
  }
}
