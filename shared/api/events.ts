// Subscriptions main -> renderer. They say WHAT changed (table names and row ids, or small
// payloads); the renderer re-asks the queries it shows. Payloads come from main (trusted).
import type { AlertKind } from '../alerts/alert-vocabulary';
import type { SyncedTableKey } from '../schema/synced-table-keys';
import type { ConflictView, ConnectionView } from './session-api';

/** Phantom-typed event declaration. */
export interface EventSpec<Payload> {
  readonly __payload?: Payload;
}
function event<Payload>(): EventSpec<Payload> {
  return {};
}

export interface ChangesEvent {
  /** Tables with at least one changed row. */
  tables: SyncedTableKey[];
  /** Changed row ids per table (inserted, updated or deleted). Empty when `all` is set. */
  ids: Partial<Record<SyncedTableKey, string[]>>;
  /** Too many to list (catch-up, snapshot): re-read everything shown from these tables. */
  all: boolean;
}

export interface PositionFix {
  driverId: string;
  lat: number;
  lon: number;
  headingDeg: number | null;
  speedKmh: number | null;
  battery: number | null;
  fixAt: number;
  /** The server's word: the phone is silent or stuck on one cached fix (shared/domain/driver-signal.ts). */
  noSignal: boolean;
}

/**
 * A desktop notification to show (the user's new alert, or a new problem). A click opens the
 * order, or for a warehouse alert the warehouse's drivers.
 */
export interface NoticeEvent {
  kind: AlertKind | 'problem';
  /** null for a warehouse alert. */
  orderId: string | null;
  /** The warehouse a warehouse alert is about; null otherwise. */
  warehouseId: string | null;
  /** What the title names: the order's number, or the warehouse's name. */
  number: string;
  /** In main's language (the Electron shell's native notification). */
  title: string;
  body: string;
  /**
   * The same words in both console languages: the page shows its own language, which in the
   * browser host need not be the host process's (a Russian page on an English server).
   */
  text: Readonly<Record<'ru' | 'en', { title: string; body: string }>>;
  at: number;
}

export const API_EVENTS = {
  changes: event<ChangesEvent>(),
  connection: event<ConnectionView>(),
  /** About once a second: the drivers whose fix changed. */
  positions: event<{ fixes: PositionFix[] }>(),
  conflicts: event<ConflictView[]>(),
  /**
   * Browser host only: show it with the browser's Notification API. In Electron the shell shows
   * a native notification instead and sends `openOrder` when it is clicked.
   */
  notice: event<NoticeEvent>(),
  /** Focus this order (a notification was clicked). */
  openOrder: event<{ orderId: string }>(),
  /** Show this warehouse's drivers (a warehouse alert's notification was clicked). */
  openWarehouseDrivers: event<{ warehouseId: string; name: string }>(),
} as const;

export type ApiEvents = typeof API_EVENTS;
export type EventName = keyof ApiEvents;
export type EventPayload<E extends EventName> = ApiEvents[E] extends EventSpec<infer P> ? P : never;
