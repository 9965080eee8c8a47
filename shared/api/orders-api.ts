// Orders: the queue (pages + total, never all 20k rows at once), the map's points (columnar),
// the problem queue, the order card, and the dispatcher's commands on an order.
import { z } from 'zod';
import type { OrderEventRow, OrderRow, DriverRow, WarehouseRow, CustomerRow } from '../schema';
import { ORDER_STATUSES, PROBLEM_REASONS, SERVICE_TYPES } from '../domain/vocabulary';
import type { OrderStatus, ProblemReason, ServiceType, SubMark } from '../domain/vocabulary';
import { assignDriver as assignDriverMutator, unassignDriver as unassignDriverMutator } from '../mutators/assignment';
import { addComment as addCommentMutator } from '../mutators/comments';
import { cancelOrder as cancelOrderMutator, confirmOrder as confirmOrderMutator } from '../mutators/order-status-mutators';
import { command, idSchema, query } from './define';
import type { PredictedArrival } from '../eta/predict-arrival';
import type { PredictedRisk } from '../eta/arrival-risk';
import type { ChecklistItem } from '../domain/order-intake';
import type { CarrierOnOrder } from './handover-api';
import { CARRIED_BY, type CarriedBy } from '../domain/carried-by';

/** What a user may do to an order; computed in main from the status machine and the role. */
export const ORDER_ACTIONS = [
  'confirm',
  'assign',
  'unassign',
  'report_problem',
  'resolve_problem',
  'comment',
  'cancel',
  'mark_picked',
  'send_tracking_link',
  /** Address, contacts, window or cargo (an `edit` event with old and new values). */
  'edit',
  /** Supervisors and admins: set a status by hand, with a reason. */
  'correct_status',
  'undo_correction',
  'record_payment',
  /** Issue 16: the carrier search filled from the order, then the deal. */
  'hand_to_carrier',
  'hand_to_courier',
  /** Back from a carrier or courier service, with a reason. */
  'take_back',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const SLA_BUCKETS = ['breached', 'at_risk'] as const;
export type SlaBucket = (typeof SLA_BUCKETS)[number];

export const ORDER_SORTS = ['time_left', 'created', 'number', 'status', 'updated'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export const orderFiltersSchema = z
  .object({
    status: z.array(z.enum(ORDER_STATUSES)).max(ORDER_STATUSES.length).optional(),
    warehouseId: idSchema.optional(),
    serviceType: z.enum(SERVICE_TYPES).optional(),
    /** A driver id, or 'none' for unassigned orders. */
    driverId: idSchema.optional(),
    slaBucket: z.enum(SLA_BUCKETS).optional(),
    /** Who carries it (issue 16): the own fleet, a courier service, a carrier. */
    carriedBy: z.enum(CARRIED_BY).optional(),
    /** Free text: number, customer, phone, address (FTS on the replica). */
    search: z.string().max(200).optional(),
  })
  .strict();
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export const listOrdersSchema = orderFiltersSchema
  .extend({
    sort: z.enum(ORDER_SORTS).default('time_left'),
    sortDir: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().nonnegative().default(0),
    /** A page; the virtualised queue asks for the window it shows (plus some overscan). */
    limit: z.number().int().positive().max(1000).default(200),
  })
  .strict();
export type ListOrdersRequest = z.input<typeof listOrdersSchema>;

/** One queue row: what the list shows, nothing more (≈ 300 bytes of JSON). */
export interface OrderListRow {
  id: string;
  number: string;
  customerName: string;
  customerPhone: string;
  deliveryAddress: string;
  deliveryCity: string;
  warehouseId: string | null;
  /** Whose working calendar the SLA counts in (SessionView.calendars). */
  regionId: string;
  status: OrderStatus;
  subMark: SubMark | null;
  problemReason: ProblemReason | null;
  driverId: string | null;
  driverName: string | null;
  /** Who carries it (issue 16): the own fleet, a courier service, a carrier. */
  carriedBy: CarriedBy;
  serviceType: ServiceType;
  vip: boolean;
  slaDeadline: number | null;
  createdAt: number;
  confirmedAt: number | null;
  statusChangedAt: number;
  /** For assignDriver's compare-and-set. */
  version: number;
  /** A local edit to this order is waiting for the server's ack. */
  pending: boolean;
  /** At risk by its predicted arrival (shared/eta/arrival-risk.ts): after the deadline, or close to it. */
  arrivalRisk: PredictedRisk | null;
}

export interface ListOrdersResponse {
  rows: OrderListRow[];
  /** Rows matching the filters (all pages). */
  total: number;
  offset: number;
}

export interface OrderCounts {
  total: number;
  byStatus: Record<OrderStatus, number>;
  /** Open orders past their deadline / inside their warning window (at `now` of the call). */
  breached: number;
  atRisk: number;
  problems: number;
}

/**
 * Orders for the map, columnar so 20k of them stay small: index i of every array is one order.
 * Only open orders (not delivered, closed or cancelled).
 */
export interface OrderPoints {
  ids: string[];
  numbers: string[];
  statuses: OrderStatus[];
  slaDeadlines: (number | null)[];
  /** [lat0, lon0, lat1, lon1, ...] */
  pickup: number[];
  delivery: number[];
}

export const PROBLEM_KINDS = ['problem', 'breached', 'at_risk', 'untouched_new', 'unpicked_confirmed'] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

/** One entry of the problem queue; an order appears once, under its most urgent kind. */
export interface ProblemItem {
  orderId: string;
  number: string;
  customerName: string;
  status: OrderStatus;
  kind: ProblemKind;
  /** The problem reason for 'problem'; otherwise null (the kind says why). */
  reason: ProblemReason | null;
  comment: string | null;
  /** Since when this is a problem (ms): the renderer shows the age ticking. */
  since: number;
  slaDeadline: number | null;
  /** An at_risk item whose prediction is why (or one reason why): late or tight. */
  arrivalRisk: PredictedRisk | null;
  driverId: string | null;
  driverName: string | null;
  /** Who carries it (issue 16): the own fleet, a courier service, a carrier. */
  carriedBy: CarriedBy;
  version: number;
  pending: boolean;
  actions: OrderAction[];
}

export interface ProblemQueue {
  /** Most urgent first. */
  items: ProblemItem[];
  counts: Record<ProblemKind, number>;
}

export interface SlaView {
  deadline: number | null;
  /** Human description of the policy: "express: 4 h from confirmation, warn 1 h before". */
  policy: string;
  warnBeforeMinutes: number | null;
}

export interface OrderDetail {
  order: OrderRow;
  /** Oldest first. */
  events: OrderEventRow[];
  driver: DriverRow | null;
  warehouse: WarehouseRow | null;
  customer: CustomerRow | null;
  sla: SlaView;
  /** What this user may do now. */
  actions: OrderAction[];
  pending: boolean;
  /** Predicted arrival (shared/eta) from the driver's last fix through the stops ahead; null without a driver or fix. */
  predicted: PredictedArrival | null;
  /** The customer's public tracking link, once the server made one. */
  trackingUrl: string | null;
  /** The confirmation checklist items this order's service requires (an admin's setting). */
  checklistRequired: ChecklistItem[];
  /** The carrier carrying the order and its deal (issue 16); null when it is not a carrier's. */
  carrier: CarrierOnOrder | null;
}

export const orderIdSchema = z.object({ orderId: idSchema }).strict();

export const ordersApi = {
  listOrders: query<ListOrdersResponse>()(listOrdersSchema),
  orderCounts: query<OrderCounts>()(orderFiltersSchema.optional()),
  orderPoints: query<OrderPoints>()(orderFiltersSchema.optional()),
  problemQueue: query<ProblemQueue>()(
    z.object({ limit: z.number().int().positive().max(5000).optional(), carriedBy: z.enum(CARRIED_BY).optional() }).strict().optional(),
  ),
  /** null when the order does not exist (e.g. deleted, or a stale link). */
  getOrder: query<OrderDetail | null>()(orderIdSchema),

  // Commands that are one mutation with the same arguments take the mutator's own schema (made
  // strict): the arguments are checked by one rule, here and again wherever the mutator runs.
  confirmOrder: command(confirmOrderMutator.args.strict()),
  /** `seenVersion`: the order version the dispatcher saw; the server rejects if someone else changed it. */
  assignDriver: command(assignDriverMutator.args.strict()),
  unassignDriver: command(unassignDriverMutator.args.strict()),
  reportProblem: command(
    z
      .object({
        orderId: idSchema,
        reason: z.enum(PROBLEM_REASONS),
        comment: z.string().max(2000).default(''),
      })
      .strict(),
  ),
  resolveProblem: command(
    z
      .object({
        orderId: idSchema,
        /** Where the order goes; default: the status it had before the problem. */
        to: z.enum(ORDER_STATUSES).optional(),
        comment: z.string().max(2000).default(''),
      })
      .strict(),
  ),
  addComment: command(addCommentMutator.args.strict()),
  /** `comment` says why (required). */
  cancelOrder: command(cancelOrderMutator.args.strict()),
} as const;
