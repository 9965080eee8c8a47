// Importing orders from a spreadsheet (issue 14), the carrier import's three steps: read the file
// and guess the columns, preview every row under the user's mapping (why each refused row is
// refused), then commit: all rows or none. Rows become importOrders mutations through sync, parts
// of one batch the server applies all together or refuses all together.
import { z } from 'zod';
import type { ImportFileOf } from './import-file';
import { ORDER_IMPORT_FIELDS, type OrderImportMapping } from '../order-import/import-fields';
import type { OrderRowProblem } from '../order-import/import-row';
import { commandReturning, idSchema, query } from './define';

/** Rows per file at most: a day's orders of a big shop; a bigger file is imported in parts. */
export const MAX_ORDER_IMPORT_ROWS = 2000;

export const orderImportMappingSchema = z.partialRecord(z.enum(ORDER_IMPORT_FIELDS), z.number().int().nonnegative().max(500).nullable());

/** Files up to 5 MB; base64 grows that by a third. */
const fileBase64 = z.string().min(1).max(7_000_000);

export type OrderImportFile = ImportFileOf<OrderImportMapping>;

export interface OrderImportRow {
  /** Row number in the spreadsheet (1-based, header row included), as the user sees it. */
  rowNumber: number;
  status: 'new' | 'rejected';
  problems: OrderRowProblem[];
  externalId: string;
  customerName: string;
  city: string;
  /** Placed at a district or city centre (no coordinates in the row). */
  approximate: boolean;
}

export interface OrderImportPreview {
  importId: string;
  counts: { new: number; rejected: number };
  /** Every refused row, then the first new ones (up to 200 rows in all, or all refused ones). */
  rows: OrderImportRow[];
}

/**
 * Where a committed import stands (the dialog polls it): its parts reach the server, which
 * holds them and applies them all together when the last arrives, or refuses them all.
 * 'queued': no part has reached the server yet (offline, or sending); 'sending': the server
 * holds `received` of `parts`; 'done': every order is on the server; 'refused': none is.
 */
export interface OrderImportProgress {
  batchId: string;
  parts: number;
  orders: number;
  received: number;
  state: 'queued' | 'sending' | 'done' | 'refused';
  online: boolean;
  /** Why the server refused it: the spreadsheet row and field when one row was the reason. */
  refusal: { code: string; message: string; row: number | null; field: string | null } | null;
}

export const orderImportApi = {
  /** Step 1: parse the file (XLSX or CSV) and guess the column mapping. */
  readOrderImportFile: query<OrderImportFile>()(z.object({ fileName: z.string().trim().min(1).max(256), dataBase64: fileBase64 }).strict()),
  /** Step 2: check every row under this mapping; duplicates by the shop's order number. Changes nothing. */
  previewOrderImport: query<OrderImportPreview>()(z.object({ importId: idSchema, mapping: orderImportMappingSchema }).strict()),
  /**
   * Step 3: every row becomes an order, or (a row refused: `details.rejected`) none does. Queued
   * as importOrders mutations cut by size, all in one local transaction.
   */
  commitOrderImport: commandReturning<{ created: number; parts: number; batchId: string }>()(z.object({ importId: idSchema, mapping: orderImportMappingSchema }).strict()),
  /** A committed import's way to the server (orderImportProgress above); not_found for one this console did not commit. */
  orderImportProgress: query<OrderImportProgress>()(z.object({ batchId: idSchema }).strict()),
} as const;
