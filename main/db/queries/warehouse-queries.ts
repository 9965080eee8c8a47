// The warehouse's lists: warehouses for filters, and one warehouse's pick list (confirmed
// orders there, most urgent SLA first).
import type { PickListItem, WarehouseListRow } from '../../../shared/api/warehouse-api';
import type { ReadonlyReplica } from '../open-replica';
import { ORDER_LIST_COLUMNS, toListRow, type RawListRow } from './order-queries';

export function listWarehouses(replica: ReadonlyReplica): WarehouseListRow[] {
  return replica.prepareRead('SELECT id, name, city, address, lat, lon, region_id AS regionId FROM warehouses ORDER BY name, id').all() as WarehouseListRow[];
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
