// Mutations the server rejected, kept in the replica's `conflicts` table until the user has
// seen them: a rejected edit is rolled back, never dropped without a trace.
import type Database from 'better-sqlite3';

export interface SyncConflict {
  /** The row id as text: the one id type from this table to the screen (shared/api ConflictView). */
  id: string;
  /** The mutation's wire mid (per client identity). */
  mid: number;
  name: string;
  args: unknown;
  /** The server's machine code: 'assign_conflict', 'forbidden', 'invalid_transition', ... */
  code: string;
  /** The server's sentence: "order 123 was assigned to Driver X by Dispatcher Y". */
  message: string;
  /**
   * The field the refusal names (the server's details.field: "windowEnd", "kinds.2",
   * "regionId"), or null: the console words the refusal from code and field, not the sentence.
   */
  field: string | null;
  /** When the rejection arrived (ms). */
  at: number;
  acknowledged: boolean;
}

export interface ConflictStore {
  record(c: Omit<SyncConflict, 'id' | 'acknowledged'>): string;
  /** Newest first; acknowledged ones only when asked. */
  list(includeAcknowledged: boolean): SyncConflict[];
  /** False for an id that is not one of ours (or was already acknowledged). */
  acknowledge(id: string): boolean;
  unacknowledgedCount(): number;
  /** The refusal recorded for multi-part import `importId` (one per import), if any. */
  forImport(importId: string): SyncConflict | undefined;
  /** Forgets the remembered count; the store calls it when a transaction rolls back. */
  forget(): void;
}

interface RawConflict {
  id: number;
  mid: number;
  name: string;
  args: string;
  code: string;
  message: string;
  field: string | null;
  at: number;
  acknowledged: number;
}

export function createConflictStore(sqlite: Database.Database): ConflictStore {
  const insert = sqlite.prepare('INSERT INTO conflicts (mid, name, args, code, message, field, at, acknowledged) VALUES (?, ?, ?, ?, ?, ?, ?, 0)');
  const listAll = sqlite.prepare('SELECT * FROM conflicts ORDER BY id DESC');
  const listOpen = sqlite.prepare('SELECT * FROM conflicts WHERE acknowledged = 0 ORDER BY id DESC');
  const ack = sqlite.prepare('UPDATE conflicts SET acknowledged = 1 WHERE id = ? AND acknowledged = 0');
  const countOpen = sqlite.prepare('SELECT count(*) FROM conflicts WHERE acknowledged = 0').pluck(true);
  const ofImport = sqlite.prepare(
    "SELECT * FROM conflicts WHERE name = 'importOrders' AND json_extract(args, '$.batch.importId') = ? ORDER BY id LIMIT 1",
  );
  const fromRaw = (r: RawConflict): SyncConflict => ({
    id: String(r.id),
    mid: r.mid,
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    code: r.code,
    message: r.message,
    field: r.field,
    at: r.at,
    acknowledged: r.acknowledged === 1,
  });
  // The open count is read after every edit and frame (the status bar): kept as conflicts
  // come and go rather than counted each time; read again after a rollback (forget()).
  let open: number | null = null;
  return {
    record: (c) => {
      const id = String(insert.run(c.mid, c.name, JSON.stringify(c.args), c.code, c.message, c.field, c.at).lastInsertRowid);
      if (open !== null) open++;
      return id;
    },
    list: (includeAcknowledged) => ((includeAcknowledged ? listAll : listOpen).all() as RawConflict[]).map(fromRaw),
    acknowledge: (id) => {
      const done = /^\d{1,15}$/.test(id) && ack.run(Number(id)).changes > 0;
      if (done && open !== null) open--;
      return done;
    },
    unacknowledgedCount: () => (open ??= countOpen.get() as number),
    forImport: (importId) => {
      const r = ofImport.get(importId) as RawConflict | undefined;
      return r === undefined ? undefined : fromRaw(r);
    },
    forget: () => {
      open = null;
    },
  };
}
