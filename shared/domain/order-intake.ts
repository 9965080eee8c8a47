// What an order carries beyond its status: the delivery window, the confirmation checklist,
// the trail of edits and the payment. Pure rules both sides run (mutators, form, API).
import { DEFAULT_SLA_POLICIES, type SlaPolicies } from './sla-policy';
import { computeDeadline } from './sla-engine';
import type { WorkingCalendar } from './working-calendar';
import type { OrderStatus, ServiceType } from './vocabulary';
import type { OrderRow } from '../schema/orders';

/** The confirmation checklist (seed 001): what a manager checks before confirming. */
export const CHECKLIST_ITEMS = ['contacts_checked', 'stock_available', 'payment_method', 'address_checked'] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

/**
 * Until an admin requires items for a service, the checklist is offered but nothing in it is
 * required: a company turns it on per service when its managers work that way.
 */
export const DEFAULT_REQUIRED_CHECKLIST: Readonly<Record<ServiceType, readonly ChecklistItem[]>> = {
  express: [],
  standard: [],
  intercity: [],
};

/** Required items missing from `checked`, in CHECKLIST_ITEMS order. */
export function missingChecklistItems(required: readonly ChecklistItem[], checked: readonly ChecklistItem[]): ChecklistItem[] {
  return CHECKLIST_ITEMS.filter((i) => required.includes(i) && !checked.includes(i));
}

/** ADR hazard classes (UN model regulations): 1 explosives ... 9 miscellaneous. */
export const HAZARD_CLASSES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type HazardClass = (typeof HAZARD_CLASSES)[number];

/** The fields an `edit` may change, with their old and new values (as stored). */
export const EDITABLE_ORDER_FIELDS = [
  'customerName',
  'customerPhone',
  'customerEmail',
  'pickupAddress',
  'pickupLat',
  'pickupLon',
  'deliveryAddress',
  'deliveryCity',
  'deliveryLat',
  'deliveryLon',
  'windowStart',
  'windowEnd',
  'cargoDescription',
  'weightKg',
  'volumeM3',
  'places',
  'fragile',
  'refrigerated',
  'hazardClass',
] as const;
export type EditableOrderField = (typeof EDITABLE_ORDER_FIELDS)[number];
export type FieldValue = string | number | boolean | null;

export interface FieldChange {
  field: EditableOrderField | 'slaDeadline';
  old: FieldValue;
  new: FieldValue;
}

/** The changes between `before` and `after` over the editable fields (unchanged ones left out). */
export function diffFields(before: Readonly<Record<EditableOrderField, FieldValue>>, after: Partial<Record<EditableOrderField, FieldValue>>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of EDITABLE_ORDER_FIELDS) {
    if (!(field in after)) continue;
    const next = after[field] ?? null;
    const prev = before[field] ?? null;
    if (next !== prev) out.push({ field, old: prev, new: next });
  }
  return out;
}

/** Before pickup, a customer (or shop) may still change where and when. */
export const EDITABLE_BY_CUSTOMER_STATUSES: readonly OrderStatus[] = ['new', 'confirmed', 'at_warehouse'];

/** 2100-01-01: later times are typos or attacks, not delivery windows. */
export const MAX_TIME = Date.UTC(2100, 0, 1);

/** What a delivery window must be: start before end, at least 30 min, at most 7 days. */
export const WINDOW_MIN_MS = 30 * 60_000;
export const WINDOW_MAX_MS = 7 * 24 * 3_600_000;

export function windowProblem(start: number | null, end: number | null): string | null {
  if (start === null && end === null) return null;
  if (start === null || end === null) return 'give both the start and the end of the window';
  if (end - start < WINDOW_MIN_MS) return 'the window must be at least 30 minutes long';
  if (end - start > WINDOW_MAX_MS) return 'the window must be at most 7 days long';
  return null;
}

export interface DeadlineInput {
  serviceType: ServiceType;
  vipNormMinutes: number | null;
  customerVipNormMinutes: number | null;
  confirmedAt: number | null;
  windowEnd: number | null;
}

/**
 * The SLA deadline: a chosen delivery window's end is the promise (seed 000: "the courier comes
 * in the chosen two-hour interval"); otherwise the service norm counted from confirmation.
 * Unconfirmed orders have none (the form previews with confirmedAt = now).
 */
export function orderDeadline(input: DeadlineInput, policies: SlaPolicies = DEFAULT_SLA_POLICIES, calendar: WorkingCalendar): number | null {
  if (input.confirmedAt === null) return null;
  if (input.windowEnd !== null) return input.windowEnd;
  return computeDeadline(input, policies, calendar);
}

export const PAYMENT_METHODS = ['cash', 'card', 'transfer', 'online'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The status columns a correction sets, kept so an undo can put them back exactly. */
export interface StatusSnapshot {
  status: OrderStatus;
  subMark: string | null;
  problemReason: string | null;
  problemComment: string | null;
  statusBeforeProblem: OrderStatus | null;
  statusChangedAt: number;
  confirmedAt: number | null;
  pickedAt: number | null;
  deliveredAt: number | null;
  slaDeadline: number | null;
}

/** The last hand correction: undoable while the order's version is still the one it left. */
export interface StatusCorrection {
  eventId: string;
  version: number;
  before: StatusSnapshot;
}

/** The intake columns (issue 14) of an order that has none of them: spread into row literals. */
export const ORDER_INTAKE_DEFAULTS = {
  externalId: null,
  externalSource: null,
  windowStart: null,
  windowEnd: null,
  fragile: false,
  refrigerated: false,
  hazardClass: null,
  checklist: null,
  paidAt: null,
  paymentAmount: null,
  paymentMethod: null,
  paymentReference: null,
  lastCorrection: null,
} as const satisfies Partial<OrderRow>;
