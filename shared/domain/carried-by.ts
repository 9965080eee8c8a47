// Who carries an order: our own driver (or nobody yet), a courier service, or a carrier from
// the carrier database. The queues filter by it and the handover mutators move between them;
// an order carried by others stays in the same queue with the same SLA countdown (issue 16).

export const CARRIED_BY = ['own', 'courier', 'carrier'] as const;
export type CarriedBy = (typeof CARRIED_BY)[number];

export interface CarriedBySubject {
  carrierId: string | null;
  courierProvider: string | null;
}

export function carriedBy(o: CarriedBySubject): CarriedBy {
  if (o.carrierId !== null) return 'carrier';
  if (o.courierProvider !== null) return 'courier';
  return 'own';
}

/**
 * The same rule as carriedBy() for SQL over the orders table (`alias` is its name in the query):
 * the queues filter and show by it.
 */
export function carriedBySql(alias: string): string {
  return `(CASE WHEN ${alias}.carrier_id IS NOT NULL THEN 'carrier' WHEN ${alias}.courier_provider IS NOT NULL THEN 'courier' ELSE 'own' END)`;
}

/**
 * Only the own fleet's orders take a driver: an order a courier service or a carrier carries is
 * taken back first (handToOwnFleet, with a reason), then assigned. The assign mutator refuses by
 * this rule and the card offers Assign by it, so the two cannot disagree.
 */
export function mayAssignOwnDriver(o: CarriedBySubject): boolean {
  return carriedBy(o) === 'own';
}

/**
 * Someone holds the order (a driver on it, a courier service, a carrier): moving it away from
 * them needs a reason, which the timeline shows.
 */
export function handoverNeedsReason(o: CarriedBySubject & { driverId: string | null }): boolean {
  return carriedBy(o) !== 'own' || o.driverId !== null;
}

/** What a `handover` event on the timeline records: where the order went. */
export interface HandoverDetail {
  to: CarriedBy;
  /** The carrier's or provider's name; null for the own fleet. */
  name: string | null;
  /** The courier service's own number for the shipment, once known. */
  trackingNumber?: string | null;
  /** A supervisor chose a carrier whose security check has not passed (the comment says why). */
  securityOverride?: boolean;
  /** The courier service's API was asked to create the shipment. */
  viaApi?: boolean;
  /** The provider's API refused or could not be reached (the comment says what it answered). */
  failed?: boolean;
}

/** Roles that may choose a carrier whose security check has not passed, with a reason (seed 004). */
export const SECURITY_OVERRIDE_ROLES = ['supervisor', 'admin'] as const;
