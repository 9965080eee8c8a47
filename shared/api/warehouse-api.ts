// Warehouse picking (issue 7): a warehouse's pick list, the scanner, and marking picked.
// A USB scanner types the label's number and Enter; `scanPick` answers what happened in a
// form the view can sound and colour (picked / unknown / already picked ...), never throwing
// for a business refusal, and changes nothing unless the outcome is 'picked'.
import { z } from 'zod';
import { cleanScannedNumber, MAX_SCANNED_NUMBER_LENGTH } from '../domain/scanned-number';
import type { OrderStatus } from '../domain/vocabulary';
import { command, idSchema, query, type MethodSpec } from './define';
import type { OrderListRow } from './orders-api';

export interface PickListItem extends OrderListRow {
  cargoDescription: string;
  weightKg: number;
  volumeM3: number;
  places: number;
}

export const SCAN_OUTCOMES = [
  'picked',
  /** No order has this number (a mistyped or foreign label). */
  'unknown',
  /** Already picked (at_warehouse or later). */
  'already_picked',
  /** Not confirmed yet, a problem, or cancelled: nothing to pick. */
  'not_ready',
  'other_warehouse',
  /** The rules refused it (role, offline without a known user...): see message. */
  'refused',
] as const;
export type ScanOutcome = (typeof SCAN_OUTCOMES)[number];

export interface ScanResult {
  outcome: ScanOutcome;
  /** The number as scanned (trimmed). */
  number: string;
  orderId: string | null;
  status: OrderStatus | null;
  /** English detail for logs and the 'refused' case; the UI words the other outcomes itself. */
  message: string;
  /** The queued mutation when picked (pending until the server acks). */
  mid: number | null;
}

/** A scanned label, cleaned by the one scanner rule (shared/domain/scanned-number.ts). */
export const scannedNumberSchema = z
  .string()
  .max(4 * MAX_SCANNED_NUMBER_LENGTH)
  .transform((raw, ctx) => {
    const number = cleanScannedNumber(raw);
    if (number === null) {
      ctx.addIssue({ code: 'custom', message: `a scanned number has 1 to ${MAX_SCANNED_NUMBER_LENGTH} characters` });
      return z.NEVER;
    }
    return number;
  });

/** A warehouse as lists and the new-order form need it (nearest proposed, region for the SLA). */
export interface WarehouseListRow {
  id: string;
  name: string;
  city: string;
  address: string;
  lat: number;
  lon: number;
  regionId: string;
}

export const warehouseApi = {
  listWarehouses: query<WarehouseListRow[]>()(z.object({}).strict().optional()),
  /** Confirmed orders to pick at a warehouse, most urgent SLA first; default: the user's warehouse. */
  pickList: query<PickListItem[]>()(z.object({ warehouseId: idSchema.optional() }).strict().optional()),
  /** Scanner or click: an order number (scan) or id (click) becomes at_warehouse. */
  markPicked: command(
    z
      .object({
        orderId: idSchema.optional(),
        number: z.string().trim().min(1).max(32).optional(),
        source: z.enum(['scan', 'manual']).default('manual'),
      })
      .strict()
      .refine((v) => (v.orderId === undefined) !== (v.number === undefined), 'give either orderId or number'),
  ),
  /** One scan: classify the number and, when it is pickable here, mark it picked (source scan). */
  scanPick: {
    kind: 'command',
    request: z.object({ number: scannedNumberSchema, warehouseId: idSchema.optional() }).strict(),
  } as MethodSpec<z.ZodObject<{ number: typeof scannedNumberSchema; warehouseId: z.ZodOptional<typeof idSchema> }, z.core.$strict>, ScanResult>,
} as const;
