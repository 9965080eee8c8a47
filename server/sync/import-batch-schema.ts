// Server-only tables of multi-part imports (shared/order-import/import-batch.ts): the parts the
// server holds until an import's last part arrives, written in the push's own transaction, so a
// restart between parts loses none and a replayed part is answered, never held twice.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One import (a file in parts): whose, how many parts, and where it stands. */
export const importBatches = sqliteTable(
  'import_batches',
  {
    importId: text('import_id').primaryKey(),
    userId: text('user_id').notNull(),
    parts: integer('parts').notNull(),
    /** 'open' | 'committed' | 'refused' | 'expired'. */
    state: text('state').notNull(),
    /** JSON {code, message, details} once refused or expired. */
    refusal: text('refusal'),
    createdAt: integer('created_at').notNull(),
    /** Last part received, or when it was decided: what expiry and forgetting count from. */
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('import_batches_user_state_idx').on(t.userId, t.state), index('import_batches_state_updated_idx').on(t.state, t.updatedAt)],
);

/** A held part: its arguments as sent, and the client mid it arrived under (row ids derive from it). */
export const importBatchParts = sqliteTable(
  'import_batch_parts',
  {
    importId: text('import_id').notNull(),
    part: integer('part').notNull(),
    clientId: text('client_id').notNull(),
    mid: integer('mid').notNull(),
    /** The importOrders arguments, JSON as they arrived. */
    args: text('args').notNull(),
    /** The user's time of the mutation (its events' time). */
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.part] }), index('import_batch_parts_client_mid_idx').on(t.clientId, t.mid)],
);
