// Proof of delivery, synced so the console's order card shows it: which proof "delivered"
// needs per service type (admin-edited), the proofs a driver gave, and the codes customers
// received. Photos and signatures themselves stay on the server (server/driver); rows hold
// their file ids.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { SERVICE_TYPES } from '../domain/vocabulary';
import { PROOF_KINDS } from '../delivery/proof-vocabulary';

/** One row per service type; a missing row requires nothing (the shipped default). */
export const deliveryProofRules = sqliteTable('delivery_proof_rules', {
  id: text('id', { enum: SERVICE_TYPES }).primaryKey(),
  photo: integer('photo', { mode: 'boolean' }).notNull().default(false),
  signature: integer('signature', { mode: 'boolean' }).notNull().default(false),
  code: integer('code', { mode: 'boolean' }).notNull().default(false),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

/** id = `${orderId}:${kind}` (proofRowId): the latest proof of each kind per order. */
export const deliveryProofs = sqliteTable(
  'delivery_proofs',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    kind: text('kind', { enum: PROOF_KINDS }).notNull(),
    /** The server's file id (photo, signature); null for a code. */
    fileId: text('file_id'),
    at: integer('at').notNull(),
    driverId: text('driver_id'),
    actorName: text('actor_name'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('delivery_proofs_order_idx').on(t.orderId)],
);

/** id = the order id: the code the customer was given, which the driver must type in. */
export const deliveryCodes = sqliteTable('delivery_codes', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  issuedAt: integer('issued_at').notNull(),
  issuedBy: text('issued_by'),
  updatedAt: integer('updated_at').notNull(),
});

export type DeliveryProofRuleRow = typeof deliveryProofRules.$inferSelect;
export type DeliveryProofRow = typeof deliveryProofs.$inferSelect;
export type DeliveryCodeRow = typeof deliveryCodes.$inferSelect;
