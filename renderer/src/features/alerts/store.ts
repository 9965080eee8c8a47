// The alerts list and its counts. Alerts are synced rows the server's scheduler writes: the
// refresh plan reloads them on changes to the alerts table (app/refresh-plan.ts), and a slow
// poll covers a missed event. Acknowledging is a mutation like any edit.
import { create } from 'zustand';
import type { AlertCounts, AlertList } from '../../../../shared/api/alerts-api';
import { isDeskRole, type UserRole } from '../../../../shared/domain/vocabulary';
import { api, errorMessage } from '../../api/client';

export const ALERT_FILTERS = ['active', 'mine', 'priority', 'resolved'] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];

/**
 * The filters a role has use for: the desk all; off the desk (a logistician's carrier
 * follow-ups) every alert listed is already theirs and none is a breach, so 'mine' and the
 * priority queue would only repeat the list or stay empty.
 */
export function alertFiltersFor(role: UserRole | null): readonly AlertFilter[] {
  return isDeskRole(role) ? ALERT_FILTERS : ['active', 'resolved'];
}

export interface AlertsState {
  filter: AlertFilter;
  list: AlertList | null;
  counts: AlertCounts | null;
  error: string | null;
}

/** A missed 'changes' event is caught up within this long. */
export const ALERTS_REFRESH_MS = 60_000;

export const useAlertsStore = create<AlertsState>(() => ({ filter: 'active', list: null, counts: null, error: null }));

function request(filter: AlertFilter) {
  if (filter === 'mine') return { state: 'active' as const, mine: true };
  if (filter === 'priority') return { state: 'active' as const, priority: true };
  return { state: filter };
}

export async function loadAlerts(): Promise<void> {
  try {
    const list = await api().listAlerts(request(useAlertsStore.getState().filter));
    useAlertsStore.setState({ list, counts: list.counts, error: null });
  } catch (err) {
    useAlertsStore.setState({ error: errorMessage(err) });
  }
}

export async function loadAlertCounts(): Promise<void> {
  try {
    useAlertsStore.setState({ counts: await api().alertCounts() });
  } catch {
    // The badge keeps its last number; the list shows errors.
  }
}

export function setAlertFilter(filter: AlertFilter): Promise<void> {
  useAlertsStore.setState({ filter });
  return loadAlerts();
}

export async function acknowledgeAlert(alertId: string): Promise<void> {
  try {
    const r = await api().acknowledgeAlert({ alertId });
    if (!r.ok) useAlertsStore.setState({ error: r.message });
  } catch (err) {
    useAlertsStore.setState({ error: errorMessage(err) });
  }
  await loadAlerts();
}

/** The alert rows changed: the list where the Alerts tab has loaded it, else the badge's counts. */
export function refreshAlerts(): Promise<void> {
  return useAlertsStore.getState().list === null ? loadAlertCounts() : loadAlerts();
}
