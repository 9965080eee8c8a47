// The words every part of Marshrut shares: statuses, actors, roles, reasons.
// Kept as `as const` tuples so zod schemas, drizzle enums and UI labels derive from one list.

export const ORDER_STATUSES = [
  'new',
  'confirmed',
  'at_warehouse',
  'in_transit',
  'delivered',
  'problem',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Internal marks inside in_transit; they never change the status itself. */
export const SUB_MARKS = ['left_warehouse', 'on_route', 'arrived'] as const;
export type SubMark = (typeof SUB_MARKS)[number];

/** Who or what made a change. People act through roles; machines are actors of their own. */
export const ACTORS = [
  'system',
  'dispatcher',
  'logistician',
  'warehouse',
  'driver',
  'gps',
  'courier',
  'accounting',
  'supervisor',
  'admin',
  /** A web shop, marketplace or payment system calling the REST API with its token. */
  'integration',
] as const;
export type Actor = (typeof ACTORS)[number];

/** The roles a desktop user (a token holder) can have. */
export const USER_ROLES = ['dispatcher', 'logistician', 'warehouse', 'supervisor', 'admin', 'integration'] as const;
/** Roles that sign in to the console; an integration token speaks only the REST API. */
export const DESKTOP_ROLES = ['dispatcher', 'logistician', 'warehouse', 'supervisor', 'admin'] as const satisfies readonly UserRole[];
export type UserRole = (typeof USER_ROLES)[number];

/**
 * People at the dispatch desk: they may correct anything operational, handle alerts and see
 * the warehouse. The one list every rule about "the desk" reads.
 */
export const DESK_ROLES = ['dispatcher', 'supervisor', 'admin'] as const satisfies readonly UserRole[];
export type DeskRole = (typeof DESK_ROLES)[number];

export function isDeskRole(role: string | null | undefined): role is DeskRole {
  // Stryker disable next-line StringLiteral: any fallback that is not a desk role's name answers false the same way
  return (DESK_ROLES as readonly string[]).includes(role ?? '');
}

/**
 * Where an event came from: a person's hand, a scan, a phone's GPS, a courier's webhook, the
 * driver's own phone page (`driver`)...
 */
export const EVENT_SOURCES = ['manual', 'scan', 'gps', 'courier', 'system', 'import', 'driver'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

export const PROBLEM_REASONS = [
  'refused',
  'damaged',
  'short_delivery',
  'address_not_found',
  'recipient_unreachable',
  'vehicle_breakdown',
  'delay',
  'other',
] as const;
export type ProblemReason = (typeof PROBLEM_REASONS)[number];

export const SERVICE_TYPES = ['express', 'standard', 'intercity'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SHIFT_STATES = ['off_shift', 'on_shift', 'on_break'] as const;
export type ShiftState = (typeof SHIFT_STATES)[number];

export const VEHICLE_TYPES = [
  'tent',
  'refrigerator',
  'flatbed',
  'container',
  'tanker',
  'van',
  'car',
] as const;
export type VehicleType = (typeof VEHICLE_TYPES)[number];

export const SECURITY_CHECK_STATES = ['pending', 'passed', 'failed'] as const;
export type SecurityCheckState = (typeof SECURITY_CHECK_STATES)[number];

export const DEAL_OUTCOMES = ['success', 'problem', 'cancelled'] as const;
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];
