// What the courier webhooks did since start, for /health.
export interface CourierCounters {
  received: number;
  unknownProvider: number;
  unauthorized: number;
  /** Unreadable or not in the provider's format (400). */
  invalid: number;
  /** Same provider and event id as a stored one: answered, not applied again. */
  duplicate: number;
  /** Stored but about nothing we track (e.g. CDEK PRINT_FORM, ignored codes). */
  ignored: number;
  /** Order unknown: answered 202, kept in the review list. */
  unknownOrder: number;
  applied: number;
  skipped: number;
  review: number;
  failed: number;
}

export function newCourierCounters(): CourierCounters {
  return { received: 0, unknownProvider: 0, unauthorized: 0, invalid: 0, duplicate: 0, ignored: 0, unknownOrder: 0, applied: 0, skipped: 0, review: 0, failed: 0 };
}
