// What every courier webhook adapter turns a provider's body into. The mapping table (per
// provider, in configuration) then says what `code` means for our order.
import type { OrderStatus, ProblemReason, SubMark } from '../../shared/domain/vocabulary';
import type { GpsFix } from '../gps/gps-fix';

export interface CourierEvent {
  /** Unique per provider: a repeated webhook with the same id is answered and not re-applied. */
  eventId: string;
  /** Our order number, when the provider carries it (CDEK `attributes.number`). */
  orderNumber: string | null;
  /** The provider's own number for the shipment (CDEK `cdek_number`), for the review list. */
  trackingNumber: string | null;
  /** A tracker's device id (Traccar): the order is found through the driver it is bound to. */
  deviceId: string | null;
  /** The provider's status code, the key of its mapping table; '' when the body states our status directly. */
  code: string;
  /** When the status happened at the provider (not when the webhook arrived). */
  at: number;
  /** Provider's reason code (CDEK `status_reason_code`), mapped to our problem reasons. */
  reasonCode: string | null;
  /** Context for people: the city where it happened, the provider's comment. */
  note: string | null;
  /** Our generic format may name our status directly instead of a code. */
  direct: { status: OrderStatus | null; subMark: SubMark | null; reason: ProblemReason | null } | null;
  /** A position riding along (Traccar event forwarding): fed to GPS ingest. */
  position: GpsFix | null;
}

export type AdapterResult =
  | { kind: 'event'; event: CourierEvent }
  /** Well-formed and authentic, but not about an order status (e.g. CDEK PRINT_FORM). */
  | { kind: 'ignored'; eventId: string; why: string }
  | { kind: 'invalid'; message: string };
