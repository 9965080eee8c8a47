// The driver's day as the phone shows it: their open orders in the order to do them (on the
// road first, arrived ones at the top; then ready at the warehouse; then confirmed; each by
// deadline), problems after, and what they delivered in the last 18 hours at the bottom.
// Only their own orders and only the columns a driver needs: no other customer's data.
import type Database from 'better-sqlite3';
import { PROOF_KINDS, type ProofKind } from '../../shared/delivery/proof-vocabulary';
import type { DriverTask } from '../../shared/driver-phone/driver-wire';
import type { OrderStatus, ProblemReason, ServiceType, SubMark } from '../../shared/domain/vocabulary';

const RECENT_DELIVERED_MS = 18 * 3_600_000;

interface TaskRecord {
  id: string;
  number: string;
  status: OrderStatus;
  sub_mark: SubMark | null;
  service_type: ServiceType;
  customer_name: string;
  customer_phone: string;
  pickup_address: string;
  pickup_lat: number;
  pickup_lon: number;
  delivery_address: string;
  delivery_city: string;
  delivery_lat: number;
  delivery_lon: number;
  cargo_description: string;
  weight_kg: number;
  places: number;
  sla_deadline: number | null;
  problem_reason: ProblemReason | null;
}

export class DriverTasks {
  private readonly tasks: Database.Statement<[string, number], TaskRecord>;
  private readonly rules: Database.Statement<[], { id: ServiceType; photo: number; signature: number; code: number }>;
  private readonly proofs: Database.Statement<[string], { order_id: string; kind: ProofKind }>;
  private readonly order: Database.Statement<[string], { id: string; driver_id: string | null; status: OrderStatus }>;

  constructor(sqlite: Database.Database) {
    this.tasks = sqlite.prepare(
      `SELECT id, number, status, sub_mark, service_type, customer_name, customer_phone, pickup_address, pickup_lat, pickup_lon,
              delivery_address, delivery_city, delivery_lat, delivery_lon, cargo_description, weight_kg, places, sla_deadline, problem_reason
       FROM orders
       WHERE driver_id = ? AND (status IN ('confirmed', 'at_warehouse', 'in_transit', 'problem') OR (status = 'delivered' AND delivered_at >= ?))
       ORDER BY CASE status WHEN 'in_transit' THEN 0 WHEN 'at_warehouse' THEN 1 WHEN 'confirmed' THEN 2 WHEN 'problem' THEN 3 ELSE 4 END,
                CASE WHEN sub_mark = 'arrived' THEN 0 ELSE 1 END,
                sla_deadline IS NULL, sla_deadline, number
       LIMIT 200`,
    );
    this.rules = sqlite.prepare('SELECT id, photo, signature, code FROM delivery_proof_rules');
    this.proofs = sqlite.prepare(`SELECT order_id, kind FROM delivery_proofs WHERE order_id IN (SELECT value FROM json_each(?))`);
    this.order = sqlite.prepare('SELECT id, driver_id, status FROM orders WHERE id = ?');
  }

  list(driverId: string, now: number): DriverTask[] {
    const rows = this.tasks.all(driverId, now - RECENT_DELIVERED_MS);
    const rules = new Map(this.rules.all().map((r) => [r.id, PROOF_KINDS.filter((k) => r[k] === 1)]));
    const given = new Map<string, ProofKind[]>();
    for (const p of this.proofs.all(JSON.stringify(rows.map((r) => r.id)))) given.set(p.order_id, [...(given.get(p.order_id) ?? []), p.kind]);
    return rows.map((r) => ({
      orderId: r.id,
      number: r.number,
      status: r.status,
      subMark: r.sub_mark,
      serviceType: r.service_type,
      customerName: r.customer_name,
      customerPhone: r.customer_phone,
      pickupAddress: r.pickup_address,
      pickupLat: r.pickup_lat,
      pickupLon: r.pickup_lon,
      deliveryAddress: r.delivery_address,
      deliveryCity: r.delivery_city,
      deliveryLat: r.delivery_lat,
      deliveryLon: r.delivery_lon,
      cargoDescription: r.cargo_description,
      weightKg: r.weight_kg,
      places: r.places,
      deliverBy: r.sla_deadline,
      problemReason: r.problem_reason,
      proofsRequired: rules.get(r.service_type) ?? [],
      proofsGiven: PROOF_KINDS.filter((k) => given.get(r.id)?.includes(k) === true),
    }));
  }

  /** Is this order one of the driver's? (Another driver's id looks exactly like a missing one.) */
  owns(driverId: string, orderId: string): boolean {
    return this.order.get(orderId)?.driver_id === driverId;
  }
}
