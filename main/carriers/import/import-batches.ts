// Cuts the rows of one carrier import into importCarriers mutations. A batch is bounded by row
// count (the mutator's schema) AND by size: the outbox refuses a mutation whose args exceed
// MAX_ARGS_CHARS, and 200 carriers with about 23 or more lanes each would (30 lanes: ~326K).
// Size is measured as UTF-8 bytes of the JSON the outbox stores, which is never less than its
// character count, so a batch within the byte budget passes the outbox and leaves a push frame
// (1 MiB) room for its neighbours, Cyrillic or not.
import { IMPORT_BATCH_SIZE } from '../../../shared/carriers/carrier-args';
import { MAX_ARGS_CHARS } from '../../sync/outbox';

export interface BatchLimits {
  maxRows: number;
  maxBytes: number;
}

export const IMPORT_BATCH_LIMITS: BatchLimits = { maxRows: IMPORT_BATCH_SIZE, maxBytes: MAX_ARGS_CHARS };

/**
 * Groups `rows` in order into batches whose `{source, rows: rows.map(argsOf)}` JSON stays within
 * the limits. A row too big to fit even alone gets a batch of its own (the outbox then refuses
 * it, and the import reports that row, not its neighbours).
 */
export function importBatches<T>(source: string, rows: readonly T[], argsOf: (row: T) => unknown, limits: BatchLimits = IMPORT_BATCH_LIMITS): T[][] {
  const envelope = Buffer.byteLength(JSON.stringify({ source, rows: [] }));
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = envelope;
  for (const row of rows) {
    const rowBytes = Buffer.byteLength(JSON.stringify(argsOf(row)));
    // After the first row of a batch each row costs its comma too.
    if (current.length > 0 && (current.length >= limits.maxRows || bytes + 1 + rowBytes > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = envelope;
    }
    bytes += (current.length > 0 ? 1 : 0) + rowBytes;
    current.push(row);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
