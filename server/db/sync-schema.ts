// Server-only tables of the sync engine: the change log, the clients' exactly-once state,
// and a small key/value table for server facts (id, compaction point, order numbering).
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * One entry per synced row: its latest change. A new change REPLACEs the entry, so `seq`
 * (AUTOINCREMENT: never reused) always names the row's newest state. A deleted row keeps a
 * tombstone entry until compaction drops it.
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    table: text('tbl').notNull(),
    rowId: text('row_id').notNull(),
    /** Server clock (ms) when committed. */
    at: integer('at').notNull(),
  },
  (t) => [uniqueIndex('change_log_row_idx').on(t.table, t.rowId)],
);

/** A replica the server has heard from: its exactly-once position, owned by `userId` (the first to say hello). */
export const syncClients = sqliteTable('clients', {
  clientId: text('client_id').primaryKey(),
  lastMid: integer('last_mid').notNull().default(0),
  userId: text('user_id').notNull(),
  lastSeen: integer('last_seen').notNull(),
});

/**
 * The answer to each recently REJECTED mutation, so a resent mid is re-acknowledged with the
 * same reason. Applied ones need no row: any mid <= lastMid without one was applied.
 */
export const clientRejections = sqliteTable(
  'client_rejections',
  {
    clientId: text('client_id').notNull(),
    mid: integer('mid').notNull(),
    name: text('name').notNull(),
    /** JSON {code, message, details?}. */
    error: text('error').notNull(),
    /** Head seq when it was decided. */
    seq: integer('seq').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.mid] })],
);

/**
 * What ran under each recent mid of a client (mutationDigest), so that every ack, also a
 * re-ack, tells the desktop which mutation the server holds for that mid. Pruned per client
 * like the rejections.
 */
export const clientDigests = sqliteTable(
  'client_digests',
  {
    clientId: text('client_id').notNull(),
    mid: integer('mid').notNull(),
    digest: text('digest').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.mid] })],
);

export const serverMeta = sqliteTable('server_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
