// importOrders: one part of a spreadsheet of orders (main/order-import). Every row goes through
// the same checks and writes as createOrder (writeNewOrder); a row that fails refuses the whole
// part, so no part is half-applied. Imported orders carry their shop number under one source,
// ORDER_IMPORT_SOURCE, so the same file imported again by anyone finds its orders.
// A file of several parts carries `batch` (shared/order-import/import-batch.ts): the server holds
// its parts and runs this mutator on each, in order, in one transaction once the last arrives.
import { z } from 'zod';
import { importBatchSchema } from '../order-import/import-batch';
import { createOrderArgs, writeNewOrder } from './create-order';
import { defineMutator, DESK } from './define-mutator';
import { MutationRejection, reject } from './mutator-tx';

/** externalSource of orders that came from a file (an integration's orders carry its user id). */
export const ORDER_IMPORT_SOURCE = 'file-import';

/** Rows per importOrders mutation at most; main also keeps each part under the outbox's size limit. */
export const IMPORT_ORDERS_BATCH = 200;

/** One imported row: createOrder's arguments, with the shop's number required and no order number. */
export const importedOrderArgs = createOrderArgs.omit({ number: true }).extend({ externalId: z.string().trim().min(1).max(128) });
export type ImportedOrderArgs = z.input<typeof importedOrderArgs>;

export const importOrders = defineMutator({
  label: 'import orders',
  actors: [...DESK, 'logistician'],
  args: z.object({ rows: z.array(importedOrderArgs).min(1).max(IMPORT_ORDERS_BATCH), batch: importBatchSchema.optional() }),
  run(tx, args, ctx) {
    if (args.batch?.sourceRows !== undefined && args.batch.sourceRows.length !== args.rows.length) {
      reject('bad_args', 'batch.sourceRows must name one spreadsheet row per row', { field: 'batch.sourceRows' });
    }
    const inThisPart = new Set<string>();
    args.rows.forEach((row, index) => {
      if (inThisPart.has(row.externalId)) {
        reject('duplicate_external_id', `Order ${row.externalId} appears twice in the file`, { externalId: row.externalId, index });
      }
      inThisPart.add(row.externalId);
      // Already here: the same file went in from another console while this one was offline.
      // The shop's order exists once, and the rest of the file still goes in (no half file).
      if (tx.findOrderByExternalId(ORDER_IMPORT_SOURCE, row.externalId) !== undefined) return;
      try {
        writeNewOrder(tx, ctx, row, ORDER_IMPORT_SOURCE);
      } catch (e) {
        // Which row: the import's refusal names it in the file (refusalFromPart).
        // writeNewOrder's refusals name their field themselves (warehouseId: 'w9'); add the row.
        if (e instanceof MutationRejection) throw new MutationRejection(e.code, e.message, { ...e.details, index });
        throw e;
      }
    });
  },
});
