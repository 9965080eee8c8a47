// The one builder of an alert row: what every new alert starts as (open, nobody has acknowledged
// it, created and updated now) and what resolving one writes. Order alerts (decide-alerts.ts) and
// warehouse alerts (shift-start-alert.ts) state only what is theirs, so a column added to the
// alerts table is filled here once.
import type { AlertRow } from '../schema/alerts';
import type { AlertResolution, BilingualText } from './alert-vocabulary';

/** What an alert's own rule decides; the rest of the row is the same for every new alert. */
export interface NewAlert
  extends Pick<AlertRow, 'id' | 'orderId' | 'orderNumber' | 'warehouseId' | 'kind' | 'dueAt' | 'triggeredAt' | 'audience' | 'assigneeId' | 'priority' | 'customerName' | 'tasks'> {
  message: BilingualText;
}

export function openAlertRow({ message, ...a }: NewAlert, now: number): AlertRow {
  return {
    ...a,
    createdAt: now,
    messageRu: message.ru,
    messageEn: message.en,
    state: 'open',
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedByName: null,
    resolvedAt: null,
    resolution: null,
    updatedAt: now,
  };
}

export function resolvedAlertRow(a: AlertRow, why: AlertResolution, now: number): AlertRow {
  return { ...a, state: 'resolved', resolution: why, resolvedAt: now, updatedAt: now };
}
