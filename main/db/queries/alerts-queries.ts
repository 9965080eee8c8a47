// The alert list and SLA settings, read from the replica (alerts arrive as synced rows from
// the server's scheduler). Counts and filters are SQL; the list is capped.
import type { AlertCounts, AlertDelivery, AlertList, AlertListState, AlertView, CustomerVipView, RegionCalendarView, SlaSettingsView, WarehouseShiftStartView } from '../../../shared/api/alerts-api';
import { isAlertFor, mayReceiveAlertKind } from '../../../shared/alerts/alert-recipient';
import { ALERT_KINDS, alertTaskSchema, type AlertTask } from '../../../shared/alerts/alert-vocabulary';
import { calendarOrDefault, slaPoliciesFromRows } from '../../../shared/alerts/sla-policy-rows';
import { SLA_POLICY_KEYS, type SlaPolicies } from '../../../shared/domain/sla-policy';
import { isDeskRole, type Actor, type UserRole } from '../../../shared/domain/vocabulary';
import type { WorkingCalendar } from '../../../shared/domain/working-calendar';
import type { SlaPolicyRow } from '../../../shared/schema';
import type { ReadonlyReplica } from '../open-replica';

interface RawAlert {
  id: string;
  orderId: string | null;
  orderNumber: string | null;
  warehouseId: string | null;
  warehouseName: string | null;
  orderStatus: AlertView['orderStatus'];
  kind: AlertView['kind'];
  state: AlertView['state'];
  audience: AlertView['audience'];
  assigneeId: string | null;
  assigneeName: string | null;
  priority: number;
  customerName: string;
  messageRu: string;
  messageEn: string;
  tasks: string;
  dueAt: number;
  triggeredAt: number;
  acknowledgedAt: number | null;
  acknowledgedByName: string | null;
  resolvedAt: number | null;
  resolution: AlertView['resolution'];
}

const STATE_SQL: Record<AlertListState, string> = {
  active: "a.state IN ('open', 'acknowledged')",
  open: "a.state = 'open'",
  acknowledged: "a.state = 'acknowledged'",
  resolved: "a.state = 'resolved'",
  all: '1 = 1',
};

/** Alert ids with a local acknowledgement still in the outbox. */
function pendingAlertIds(replica: ReadonlyReplica): Set<string> {
  const rows = replica
    .prepareRead("SELECT json_extract(args, '$.alertId') AS id FROM outbox WHERE name = 'acknowledgeAlert' AND json_valid(args)")
    .all() as { id: unknown }[];
  return new Set(rows.map((r) => r.id).filter((id): id is string => typeof id === 'string'));
}

function parseTasks(json: string): AlertTask[] {
  try {
    const parsed = alertTaskSchema.array().safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Who reads the list: the signed-in user; null before the server has said who we are. */
export interface AlertViewer {
  id: string;
  role: UserRole;
}

/**
 * The desk reads every alert (its 'mine' filter narrows to its own). Anyone else reads only the
 * alerts that are theirs (shared/alerts/alert-recipient.ts: a logistician, the carrier
 * follow-ups addressed to them): this narrows the SQL to the kinds the role may receive
 * addressed to them, and isAlertFor decides each row.
 */
function scopeOf(viewer: AlertViewer | null): { sql: string; kinds: string } | null {
  if (viewer === null || isDeskRole(viewer.role)) return null;
  return { sql: 'a.assignee_id = @user AND a.kind IN (SELECT value FROM json_each(@kinds))', kinds: JSON.stringify(ALERT_KINDS.filter((k) => mayReceiveAlertKind(viewer.role, k))) };
}

export interface AlertQuery {
  state: AlertListState;
  mine?: boolean | undefined;
  priority?: boolean | undefined;
  limit: number;
}

export function listAlerts(replica: ReadonlyReplica, q: AlertQuery, viewer: AlertViewer | null): AlertList {
  const userId = viewer?.id ?? null;
  const scope = scopeOf(viewer);
  const where = [STATE_SQL[q.state]];
  if (scope !== null) where.push(scope.sql);
  if (q.mine) where.push('a.assignee_id = @user');
  if (q.priority) where.push("a.priority = 1 AND a.state != 'resolved'");
  const all = replica
    .prepareRead(
      `SELECT a.id, a.order_id AS orderId, a.order_number AS orderNumber, a.warehouse_id AS warehouseId, w.name AS warehouseName,
         o.status AS orderStatus, a.kind, a.state,
         a.audience, a.assignee_id AS assigneeId, u.name AS assigneeName, a.priority, a.customer_name AS customerName,
         a.message_ru AS messageRu, a.message_en AS messageEn, a.tasks, a.due_at AS dueAt, a.triggered_at AS triggeredAt,
         a.acknowledged_at AS acknowledgedAt, a.acknowledged_by_name AS acknowledgedByName, a.resolved_at AS resolvedAt,
         a.resolution
       FROM alerts a LEFT JOIN orders o ON o.id = a.order_id LEFT JOIN users u ON u.id = a.assignee_id
         LEFT JOIN warehouses w ON w.id = a.warehouse_id
       WHERE ${where.join(' AND ')}
       ORDER BY (a.state = 'open') DESC, a.priority DESC, a.triggered_at DESC, a.id LIMIT @limit`,
    )
    .all({ user: userId ?? '', limit: q.limit, ...(scope === null ? {} : { kinds: scope.kinds }) }) as RawAlert[];
  const rows = scope === null ? all : all.filter((r) => isAlertFor(r, viewer));
  const pending = pendingAlertIds(replica);
  const deliveries = deliveriesOf(replica, rows.map((r) => r.id));
  const items: AlertView[] = rows.map((r) => ({
    ...r,
    priority: r.priority === 1,
    tasks: parseTasks(r.tasks),
    mine: userId !== null && r.assigneeId === userId,
    pending: pending.has(r.id),
    deliveries: deliveries.get(r.id) ?? [],
  }));
  return { items, counts: alertCounts(replica, viewer) };
}

/** The staff notices of these alerts (synced outbox rows), oldest first per alert. */
function deliveriesOf(replica: ReadonlyReplica, alertIds: readonly string[]): Map<string, AlertDelivery[]> {
  const out = new Map<string, AlertDelivery[]>();
  if (alertIds.length === 0) return out;
  const rows = replica
    .prepareRead(
      `SELECT alert_id AS alertId, channel, recipient_name AS recipientName, state, last_error AS error, coalesce(sent_at, updated_at) AS at
       FROM messages WHERE audience = 'staff' AND alert_id IN (SELECT value FROM json_each(@ids))
       ORDER BY created_at, recipient_name, channel`,
    )
    .all({ ids: JSON.stringify(alertIds) }) as Array<AlertDelivery & { alertId: string }>;
  for (const { alertId, ...d } of rows) {
    const list = out.get(alertId) ?? [];
    list.push(d);
    out.set(alertId, list);
  }
  return out;
}

export function alertCounts(replica: ReadonlyReplica, viewer: AlertViewer | null): AlertCounts {
  const scope = scopeOf(viewer);
  const r = replica
    .prepareRead(
      `SELECT
         coalesce(sum(state = 'open'), 0) AS open,
         coalesce(sum(state = 'open' AND assignee_id = @user), 0) AS openMine,
         coalesce(sum(priority = 1 AND state != 'resolved'), 0) AS priority,
         coalesce(sum(state = 'acknowledged'), 0) AS acknowledged
       FROM alerts a WHERE state != 'resolved'${scope === null ? '' : ` AND ${scope.sql}`}`,
    )
    .get({ user: viewer?.id ?? '', ...(scope === null ? {} : { kinds: scope.kinds }) }) as AlertCounts;
  return r;
}

/** The SLA policies in force (admin edits over the defaults): for SLA SQL, notices and the card. */
export function effectiveSlaPolicies(replica: ReadonlyReplica): SlaPolicies {
  return slaPoliciesFromRows(policyRows(replica));
}

function policyRows(replica: ReadonlyReplica): SlaPolicyRow[] {
  return (replica.prepareRead('SELECT * FROM sla_policies').all() as Record<string, unknown>[]).map(policyRowOf);
}

function regionCalendarViews(replica: ReadonlyReplica): RegionCalendarView[] {
  return (
    replica
      .prepareRead(
        `SELECT id, name, utc_offset_minutes AS utcOffsetMinutes, working_days AS workingDays, work_start_minute AS workStartMinute,
           work_end_minute AS workEndMinute, holidays FROM regions ORDER BY name, id`,
      )
      .all() as Array<Omit<RegionCalendarView, 'workingDays' | 'holidays'> & { workingDays: string; holidays: string }>
  ).map((r) => ({ ...r, workingDays: jsonArray<number>(r.workingDays), holidays: jsonArray<string>(r.holidays) }));
}

/**
 * Every region's calendar in force, by region id, for the countdowns. A calendar that fails
 * its checks falls back to the default, as on the server (calendarOfRegion).
 */
export function regionCalendars(replica: ReadonlyReplica): Record<string, WorkingCalendar> {
  const out: Record<string, WorkingCalendar> = {};
  for (const region of regionCalendarViews(replica)) out[region.id] = calendarOrDefault(region);
  return out;
}

export function slaSettings(replica: ReadonlyReplica, actor: Actor | null): SlaSettingsView {
  const rows = policyRows(replica);
  const effective = slaPoliciesFromRows(rows);
  const regions = regionCalendarViews(replica);
  const vipCustomers = replica
    .prepareRead('SELECT id, name, phone, email, vip_norm_minutes AS vipNormMinutes FROM customers WHERE vip_norm_minutes IS NOT NULL ORDER BY name, id LIMIT 500')
    .all() as CustomerVipView[];
  return {
    policies: SLA_POLICY_KEYS.map((k) => effective[k]),
    customized: rows.map((r) => r.id),
    regions,
    vipCustomers,
    warehouses: replica
      .prepareRead('SELECT id, name, city, shift_start_alert_minute AS shiftStartAlertMinute FROM warehouses ORDER BY name, id')
      .all() as WarehouseShiftStartView[],
    canEdit: actor === 'admin',
  };
}

export function findCustomers(replica: ReadonlyReplica, search: string): CustomerVipView[] {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return replica
    .prepareRead(
      `SELECT id, name, phone, email, vip_norm_minutes AS vipNormMinutes FROM customers
       WHERE name LIKE @like ESCAPE '\\' OR phone LIKE @like ESCAPE '\\' OR id = @exact ORDER BY name, id LIMIT 20`,
    )
    .all({ like, exact: search }) as CustomerVipView[];
}

function policyRowOf(r: Record<string, unknown>): SlaPolicyRow {
  return {
    id: r['id'] as SlaPolicyRow['id'],
    normMinutes: (r['norm_minutes'] as number | null) ?? null,
    warnBeforeMinutes: r['warn_before_minutes'] as number,
    supervisorWarnBeforeMinutes: r['supervisor_warn_before_minutes'] as number,
    timeBasis: r['time_basis'] as SlaPolicyRow['timeBasis'],
    breachActions: jsonArray<SlaPolicyRow['breachActions'][number]>(r['breach_actions']),
    carrierCallMinutes: (r['carrier_call_minutes'] as number | null | undefined) ?? null,
    updatedBy: (r['updated_by'] as string | null) ?? null,
    updatedAt: r['updated_at'] as number,
  };
}

function jsonArray<T>(value: unknown): T[] {
  if (typeof value !== 'string') return [];
  try {
    const v: unknown = JSON.parse(value);
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}
