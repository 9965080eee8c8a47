// The warehouse's lists: warehouses for filters, the warehouse a user works at, one
// warehouse's pick list (confirmed orders there, most urgent SLA first), and the order a
// scanned label names.
import { eq } from 'drizzle-orm';
import type { PickListItem, WarehouseListRow } from '../../../shared/api/warehouse-api';
import type { OrderStatus } from '../../../shared/domain/vocabulary';
import { users } from '../../../shared/schema';
import type { ReadonlyReplica } from '../open-replica';
import { ORDER_LIST_COLUMNS, toListRow, type RawListRow } from './order-queries';

export function listWarehouses(replica: ReadonlyReplica): WarehouseListRow[] {
  return replica.prepareRead('SELECT id, name, city, address, lat, lon, region_id AS regionId FROM warehouses ORDER BY name, id').all() as WarehouseListRow[];
}

/** The warehouse a user works at; null for a user without one or not in the replica. */
export function warehouseIdOfUser(replica: ReadonlyReplica, userId: string): string | null {
  return replica.db.select({ w: users.warehouseId }).from(users).where(eq(users.id, userId)).get()?.w ?? null;
}

export function pickList(replica: ReadonlyReplica, warehouseId: string | null, pending: ReadonlySet<string>): PickListItem[] {
  const rows = replica
    .prepareRead(
      `SELECT ${ORDER_LIST_COLUMNS}, o.cargo_description AS cargoDescription, o.weight_kg AS weightKg,
         o.volume_m3 AS volumeM3, o.places AS places
       FROM orders o LEFT JOIN drivers d ON d.id = o.driver_id
       WHERE o.status = 'confirmed' AND (@w IS NULL OR o.warehouse_id = @w) AND o.warehouse_id IS NOT NULL
       ORDER BY (o.sla_deadline IS NULL), o.sla_deadline, o.created_at, o.id LIMIT 5000`,
    )
    .all({ w: warehouseId }) as (RawListRow & { cargoDescription: string; weightKg: number; volumeM3: number; places: number })[];
  return rows.map((r) => ({
    ...toListRow(r, pending),
    cargoDescription: r.cargoDescription,
    weightKg: r.weightKg,
    volumeM3: r.volumeM3,
    places: r.places,
  }));
}

export interface ScannedOrder {
  id: string;
  number: string;
  status: OrderStatus;
  warehouseId: string | null;
}

/** The order a scanned number names (already cleaned by scannedNumberSchema), or undefined. */
export function findScannedOrder(replica: ReadonlyReplica, number: string): ScannedOrder | undefined {
  const row = replica.prepareRead('SELECT id, number, status, warehouse_id AS warehouseId FROM orders WHERE number = ? COLLATE NOCASE').get(number) as ScannedOrder | undefined;
  if (row !== undefined || !/^\d{3,}$/.test(number)) return row;
  // Digits only ("100510", a label whose prefix did not scan, or typed by hand): the order
  // whose number ends in "-100510", as the order search finds it, when exactly one does.
  const rows = replica.prepareRead("SELECT id, number, status, warehouse_id AS warehouseId FROM orders WHERE number LIKE '%-' || ? LIMIT 2").all(number) as ScannedOrder[];
  return rows.length === 1 ? rows[0] : undefined;
}
