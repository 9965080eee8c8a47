// The alerts list and its counts. Alerts are synced rows the server's scheduler writes, so the
// list follows 'changes' events on the alerts table; acknowledging is a mutation like any edit.
import { create } from 'zustand';
import type { AlertCounts, AlertList } from '../../../../shared/api/alerts-api';
import { api, errorMessage } from '../../api/client';

export const ALERT_FILTERS = ['active', 'mine', 'priority', 'resolved'] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];

export interface AlertsState {
  filter: AlertFilter;
  list: AlertList | null;
  counts: AlertCounts | null;
  error: string | null;
}

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

/** Follows alert changes (synced rows) with a short debounce; returns the unsubscribe. */
export function followAlerts(onChange: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const off = api().on('changes', (e) => {
    if (!e.all && !e.tables.includes('alerts')) return;
    if (timer === null) timer = setTimeout(() => ((timer = null), onChange()), 250);
  });
  return () => {
    off();
    if (timer !== null) clearTimeout(timer);
  };
}
