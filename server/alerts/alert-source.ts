// What the alert scheduler reads from the server database: open orders, an order's alerts,
// the effective SLA policies, region calendars and the people alerts go to. Policies and
// calendars are cached until a change to their tables invalidates them: a full scan evaluates
// thousands of orders against the same few rows.
import type Database from 'better-sqlite3';
import { isDeskRole } from '../../shared/domain/vocabulary';
import { CARRIER_ALERT_KINDS, mayReceiveAlertKind } from '../../shared/alerts/alert-recipient';
import { OPEN_STATUSES } from '../../shared/domain/order-status';
import type { SlaPolicies } from '../../shared/domain/sla-policy';
import type { WorkingCalendar } from '../../shared/domain/working-calendar';
import type { AlertOrder, AlertPeople } from '../../shared/alerts/decide-alerts';
import type { CarrierAlertDeal } from '../../shared/alerts/carrier-alerts';
import type { ShiftStartDriver } from '../../shared/alerts/shift-start-alert';
import { calendarOfRegion, slaPoliciesFromRows } from '../../shared/alerts/sla-policy-rows';
import type { AlertRow, OrderRow, RegionRow, SlaPolicyRow, UserRow } from '../../shared/schema';
import type { AllTableStatements } from '../sync/table-statements';

export interface PeopleOptions {
  /** Who gets warnings of orders nobody assigned (default: the first active dispatcher). */
  defaultDispatcherId?: string;
  /** Who gets supervisor warnings and breach tasks (default: the first active supervisor, else admin). */
  supervisorId?: string;
  /** The director's phone for VIP SMS escalations; null leaves the task without a number. */
  directorPhone?: string | null;
}

export interface ShiftStartWarehouseRow {
  id: string;
  name: string;
  regionId: string;
  shiftStartAlertMinute: number | null;
}

const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

export class AlertSource {
  private policiesCache: SlaPolicies | null = null;
  private readonly calendars = new Map<string, WorkingCalendar>();
  private readonly stmts;

  constructor(
    sqlite: Database.Database,
    private readonly tables: AllTableStatements,
    private readonly people: PeopleOptions = {},
  ) {
    this.stmts = {
      // Open orders, plus orders whose alerts are still unresolved (they finished meanwhile).
      // Warehouse alerts have no order: they are planned per warehouse (warehouses(), driversOfWarehouse()).
      scanIds: sqlite.prepare<[], { id: string }>(
        `SELECT id FROM orders WHERE status IN (${OPEN_SQL})
         UNION SELECT order_id FROM alerts WHERE state != 'resolved' AND order_id IS NOT NULL`,
      ),
      alertsOfOrder: sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM alerts WHERE order_id = ?'),
      alertsOfOrders: sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM alerts WHERE order_id IN (SELECT value FROM json_each(?))'),
      policies: sqlite.prepare<[], Record<string, unknown>>('SELECT * FROM sla_policies'),
      firstUser: sqlite.prepare<[string], Record<string, unknown>>('SELECT * FROM users WHERE role = ? AND active = 1 ORDER BY id LIMIT 1'),
      checkedWarehouses: sqlite.prepare<[], ShiftStartWarehouseRow>(
        'SELECT id, name, region_id AS regionId, shift_start_alert_minute AS shiftStartAlertMinute FROM warehouses ORDER BY id',
      ),
      warehouseDrivers: sqlite.prepare<[string], ShiftStartDriver>(
        'SELECT shift_state AS shiftState, shift_changed_at AS shiftChangedAt FROM drivers WHERE home_warehouse_id = ?',
      ),
      // Unresolved ones, and any since `since` (today's, which must never be recorded twice).
      warehouseAlerts: sqlite.prepare<[string, string, number], Record<string, unknown>>(
        "SELECT * FROM alerts WHERE warehouse_id = ? AND kind = ? AND (state != 'resolved' OR due_at >= ?)",
      ),
      customerVip: sqlite.prepare<[string], { v: number | null }>('SELECT vip_norm_minutes AS v FROM customers WHERE id = ?'),
      // The order's current carrier deal (issue 16): its loading time and whom to call.
      carrierDeal: sqlite.prepare<[string, string, string], CarrierAlertDeal>(
        `SELECT c.name AS carrierName, c.phone AS carrierPhone, d.contact, d.loading_at AS loadingAt, d.deal_at AS dealAt
         FROM carrier_deals d JOIN carriers c ON c.id = d.carrier_id
         WHERE d.id = ? AND d.order_id = ? AND d.carrier_id = ? AND d.outcome = 'success'`,
      ),
    };
  }

  scanOrderIds(): string[] {
    return this.stmts.scanIds.all().map((r) => r.id);
  }

  order(id: string): OrderRow | undefined {
    const record = this.tables.orders.getById.get(id);
    return record === undefined ? undefined : (this.tables.orders.codec.fromRecord(record) as OrderRow);
  }

  /** The order as the SLA engine and templates read it (with its customer's VIP norm and its carrier's deal). */
  alertOrder(order: OrderRow): AlertOrder {
    const customerVip = order.customerId === null ? null : (this.stmts.customerVip.get(order.customerId)?.v ?? null);
    const carrierDeal = order.carrierDealId === null || order.carrierId === null ? null : (this.stmts.carrierDeal.get(order.carrierDealId, order.id, order.carrierId) ?? null);
    return { ...order, customerVipNormMinutes: customerVip, carrierDeal };
  }

  /** Orders by id, in one query (a batch of the scheduler). */
  ordersByIds(ids: readonly string[]): Map<string, OrderRow> {
    const out = new Map<string, OrderRow>();
    for (const r of this.tables.orders.getByIds.all(JSON.stringify(ids))) {
      const o = this.tables.orders.codec.fromRecord(r) as OrderRow;
      out.set(o.id, o);
    }
    return out;
  }

  /** Every alert (any state) of these orders, grouped by order, in one query. */
  alertsOfOrders(ids: readonly string[]): Map<string, AlertRow[]> {
    const out = new Map<string, AlertRow[]>();
    for (const r of this.stmts.alertsOfOrders.all(JSON.stringify(ids))) {
      const a = this.tables.alerts.codec.fromRecord(r) as AlertRow;
      if (a.orderId === null) continue; // the query matched order_id, so never: narrows the type
      const list = out.get(a.orderId);
      if (list === undefined) out.set(a.orderId, [a]);
      else list.push(a);
    }
    return out;
  }

  alertsOfOrder(orderId: string): AlertRow[] {
    return this.stmts.alertsOfOrder.all(orderId).map((r) => this.tables.alerts.codec.fromRecord(r) as AlertRow);
  }

  /** Every warehouse with its "started the day by" minute (null = no check) and region. */
  warehouses(): ShiftStartWarehouseRow[] {
    return this.stmts.checkedWarehouses.all();
  }

  /** The shift states of a warehouse's drivers (their home warehouse). */
  driversOfWarehouse(warehouseId: string): ShiftStartDriver[] {
    return this.stmts.warehouseDrivers.all(warehouseId);
  }

  /** A warehouse's alerts of a kind: the unresolved ones and every one due at or after `since`. */
  warehouseAlerts(warehouseId: string, kind: string, since: number): AlertRow[] {
    return this.stmts.warehouseAlerts.all(warehouseId, kind, since).map((r) => this.tables.alerts.codec.fromRecord(r) as AlertRow);
  }

  policies(): SlaPolicies {
    this.policiesCache ??= slaPoliciesFromRows(this.stmts.policies.all().map((r) => this.tables.sla_policies.codec.fromRecord(r) as SlaPolicyRow));
    return this.policiesCache;
  }

  /** One object per region, so the engine's per-calendar cache hits across orders. */
  calendar(regionId: string): WorkingCalendar {
    let cal = this.calendars.get(regionId);
    if (cal === undefined) {
      const record = this.tables.regions.getById.get(regionId);
      cal = calendarOfRegion(record === undefined ? undefined : (this.tables.regions.codec.fromRecord(record) as RegionRow));
      this.calendars.set(regionId, cal);
    }
    return cal;
  }

  /**
   * Who this order's alerts go to. The person who assigned it or handed it over (assignedBy)
   * gets the dispatcher's alerts while active at the desk; the carrier follow-ups go to them
   * while active and allowed that kind (a logistician who handed it to a carrier:
   * shared/alerts/alert-recipient.ts). Anyone else, or someone deactivated since: the default
   * dispatcher, as for an order nobody assigned.
   */
  peopleFor(order: OrderRow): AlertPeople {
    const assigned = order.assignedBy === null ? undefined : this.user(order.assignedBy);
    const active = assigned !== undefined && assigned.active ? assigned : undefined;
    const dispatcher =
      active !== undefined && isDeskRole(active.role)
        ? active
        : ((this.people.defaultDispatcherId === undefined ? undefined : this.user(this.people.defaultDispatcherId)) ?? this.firstUser('dispatcher'));
    // Every carrier kind has the same recipients (CARRIER_ALERT_KINDS): asking for one asks for both.
    const carrierFollower = active !== undefined && CARRIER_ALERT_KINDS.every((k) => mayReceiveAlertKind(active.role, k)) ? active : dispatcher;
    const supervisor =
      (this.people.supervisorId === undefined ? undefined : this.user(this.people.supervisorId)) ?? this.firstUser('supervisor') ?? this.firstUser('admin');
    return {
      dispatcherId: dispatcher?.id ?? null,
      dispatcherName: dispatcher?.name ?? null,
      supervisorId: supervisor?.id ?? null,
      supervisorName: supervisor?.name ?? null,
      directorPhone: this.people.directorPhone ?? null,
      carrierFollowerId: carrierFollower?.id ?? null,
    };
  }

  /** Call when sla_policies, regions or customers change. */
  invalidateConfig(): void {
    this.policiesCache = null;
    this.calendars.clear();
  }

  private user(id: string): UserRow | undefined {
    const record = this.tables.users.getById.get(id);
    return record === undefined ? undefined : (this.tables.users.codec.fromRecord(record) as UserRow);
  }

  private firstUser(role: string): UserRow | undefined {
    const record = this.stmts.firstUser.get(role);
    return record === undefined ? undefined : (this.tables.users.codec.fromRecord(record) as UserRow);
  }
}
