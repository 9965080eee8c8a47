// The order import's side in main: read a file once (step 1), preview it under a column mapping
// as often as the user changes it (step 2), then commit (step 3): every row checked again, and
// only when none is refused do they all become importOrders mutations, cut by size (the outbox
// refuses one over MAX_ARGS_CHARS) and queued in ONE local transaction, so the replica never holds
// half a file; the parts carry one batch id, so the server too applies them all in one transaction
// when the last arrives, or refuses them all (shared/order-import/import-batch.ts), and the replica
// rolls back with it. Duplicates by the shop's order number: within the file and against every order
// the replica holds (from any shop or an earlier import).
import { randomUUID } from 'node:crypto';
import type { CommandResultWith } from '../../shared/api/define';
import { MAX_ORDER_IMPORT_ROWS, type OrderImportFile, type OrderImportPreview, type OrderImportProgress, type OrderImportRow } from '../../shared/api/order-import-api';
import { IMPORT_ORDERS_BATCH, type ImportedOrderArgs } from '../../shared/mutators/import-orders';
import { suggestOrderMapping, type OrderImportMapping } from '../../shared/order-import/import-fields';
import { parseOrderRow, type ImportWarehouse } from '../../shared/order-import/import-row';
import { importBatches } from '../carriers/import/import-batches';
import { createImportFiles, ImportStepError } from '../carriers/import/import-files';
import type { ReadonlyReplica } from '../db/open-replica';
import { MAX_ARGS_CHARS } from '../sync/outbox';
import type { SyncLink } from '../sync/sync-link';

const PREVIEW_ROWS = 200;
/** JSON characters of an importOrders part's `batch` at most: a uuid, two small numbers, 200 row numbers. */
const BATCH_ENVELOPE_CHARS = 4096;

interface Classified {
  view: OrderImportRow;
  args: ImportedOrderArgs | null;
}

export interface OrderImportDeps {
  replica: ReadonlyReplica;
  link: SyncLink;
  now: () => number;
}

export function createOrderImportSession(deps: OrderImportDeps) {
  const { replica } = deps;
  const files = createImportFiles(suggestOrderMapping, MAX_ORDER_IMPORT_ROWS);
  /** Imports committed from this console: how many parts and orders each was sent as. */
  const committed = new Map<string, { parts: number; orders: number }>();

  const warehouses = (): ImportWarehouse[] =>
    replica
      .prepareRead(
        `SELECT w.id, w.name, w.address, w.lat, w.lon, w.region_id AS regionId, coalesce(r.utc_offset_minutes, 300) AS utcOffsetMinutes
           FROM warehouses w LEFT JOIN regions r ON r.id = w.region_id ORDER BY w.id`,
      )
      .all() as ImportWarehouse[];

  /** Every shop number the replica knows, with the order that carries it (one scan per preview). */
  const existingNumbers = (): Map<string, string> => {
    const map = new Map<string, string>();
    for (const r of replica.prepareRead('SELECT external_id AS e, number AS n FROM orders WHERE external_id IS NOT NULL').iterate() as Iterable<{ e: string; n: string }>) {
      if (!map.has(r.e)) map.set(r.e, r.n);
    }
    return map;
  };

  function classify(importId: string, mapping: OrderImportMapping): { fileName: string; rows: Classified[] } {
    const f = files.get(importId);
    if (mapping.externalId === undefined || mapping.externalId === null) {
      // Without the shop's number no duplicate could be found; say it once, not on every row.
      throw new ImportStepError('invalid_request', "Choose the column that holds the shop's order number");
    }
    const ctx = { warehouses: warehouses(), now: deps.now() };
    const existing = existingNumbers();
    const seen = new Map<string, number>();
    const rows: Classified[] = [];
    f.sheet.rows.slice(1).forEach((cells, index) => {
      // +2: one for the header row, one because people count rows from 1.
      const rowNumber = index + 2;
      // A blank separator row holds no order to lose; it is neither imported nor refused.
      if (cells.every((c) => c.trim() === '')) return;
      const text = (i: number | null | undefined) => (i === undefined || i === null ? '' : (cells[i] ?? '').trim().slice(0, 200));
      const parsed = parseOrderRow(cells, mapping, ctx);
      const problems = parsed.ok ? [] : [...parsed.problems];
      const externalId = parsed.ok ? parsed.args.externalId : text(mapping.externalId);
      if (externalId !== '' && !problems.some((p) => p.field === 'externalId')) {
        const earlier = seen.get(externalId);
        const order = existing.get(externalId);
        if (earlier !== undefined) problems.push({ field: 'externalId', problem: 'duplicate_in_file', value: String(earlier) });
        else if (order !== undefined) problems.push({ field: 'externalId', problem: 'duplicate_existing', value: order });
        else seen.set(externalId, rowNumber);
      }
      const view: OrderImportRow = {
        rowNumber,
        status: problems.length === 0 ? 'new' : 'rejected',
        problems,
        externalId,
        customerName: parsed.ok ? parsed.args.customerName : text(mapping.customerName),
        city: parsed.ok ? parsed.args.deliveryCity : text(mapping.deliveryCity),
        approximate: parsed.ok && parsed.approximate,
      };
      rows.push({ view, args: parsed.ok && problems.length === 0 ? parsed.args : null });
    });
    return { fileName: f.fileName, rows };
  }

  return {
    readFile(fileName: string, dataBase64: string): Promise<OrderImportFile> {
      return files.read(fileName, dataBase64);
    },

    preview(importId: string, mapping: OrderImportMapping): OrderImportPreview {
      const { rows } = classify(importId, mapping);
      const refused = rows.filter((r) => r.view.status === 'rejected').map((r) => r.view);
      const fresh = rows.filter((r) => r.view.status === 'new').map((r) => r.view);
      return {
        importId,
        counts: { new: fresh.length, rejected: refused.length },
        rows: [...refused, ...fresh].slice(0, Math.max(PREVIEW_ROWS, refused.length)),
      };
    },

    async commit(importId: string, mapping: OrderImportMapping): Promise<CommandResultWith<{ created: number; parts: number; batchId: string }>> {
      const { fileName, rows } = classify(importId, mapping);
      const refused = rows.filter((r) => r.args === null).length;
      if (refused > 0) {
        return { ok: false, code: 'invalid_request', message: `${refused} rows are refused: fix them (see the preview) and import the file again; nothing was imported`, details: { rejected: refused } };
      }
      if (rows.length === 0) return { ok: false, code: 'invalid_request', message: 'The file holds no orders' };
      const sync = deps.link.current();
      if (!sync) return { ok: false, code: 'unavailable', message: 'No server is configured: set the server address and token in Settings' };
      // Room for the batch envelope (ids and each row's spreadsheet number) beside the rows.
      const parts = importBatches(fileName, rows, (r) => r.args, { maxRows: IMPORT_ORDERS_BATCH, maxBytes: MAX_ARGS_CHARS - BATCH_ENVELOPE_CHARS });
      // One batch id for all parts: the server holds them and applies them together, or none.
      const batchId = randomUUID();
      const out = sync.mutateAll(
        parts.map((part, i) => ({
          name: 'importOrders' as const,
          args: {
            rows: part.map((r) => r.args as ImportedOrderArgs),
            batch: { importId: batchId, part: i, parts: parts.length, sourceRows: part.map((r) => r.view.rowNumber) },
          },
        })),
      );
      if (!out.ok) return out;
      // "Queued" only once every part is on disk (one fsync for all of them).
      await sync.durable();
      files.forget(importId);
      committed.set(batchId, { parts: parts.length, orders: rows.length });
      return { ok: true, mid: out.mids[out.mids.length - 1] ?? null, created: rows.length, parts: parts.length, batchId };
    },

    progress(batchId: string): OrderImportProgress {
      const known = committed.get(batchId);
      if (!known) throw new ImportStepError('not_found', 'This console did not send that import');
      const sync = deps.link.current();
      const online = sync?.connection().status === 'online';
      const p = sync?.importProgress(batchId) ?? { pending: known.parts, held: 0, refusal: null };
      const base = { batchId, parts: known.parts, orders: known.orders, online };
      if (p.refusal !== null) {
        const details = (p.refusal.args as { refusal?: { row?: unknown; field?: unknown; reason?: unknown } } | null)?.refusal;
        return {
          ...base,
          received: 0,
          state: 'refused',
          refusal: {
            code: typeof details?.reason === 'string' ? details.reason : p.refusal.code,
            message: p.refusal.message,
            row: typeof details?.row === 'number' ? details.row : null,
            field: typeof details?.field === 'string' ? details.field : null,
          },
        };
      }
      if (p.pending === 0) return { ...base, received: known.parts, state: 'done', refusal: null };
      const received = known.parts - p.pending + p.held;
      return { ...base, received, state: received === 0 ? 'queued' : 'sending', refusal: null };
    },
  };
}
