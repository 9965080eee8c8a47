// The Alerts tab: the SLA alerts and reminders the server recorded, the same list on every
// desktop. Filters: active, mine, the priority queue (breaches), resolved.
import { useEffect } from 'react';
import { isDeskRole } from '../../../../shared/domain/vocabulary';
import { useSessionStore } from '../session/store';
import { AlertsList } from './AlertsList';
import { useAlertsText, type AlertsTextKey } from './alerts-text';
import { ALERT_FILTERS, followAlerts, loadAlerts, setAlertFilter, useAlertsStore } from './store';
import './alerts.css';

export default function AlertsScreen() {
  const a = useAlertsText();
  const { filter, list, counts, error } = useAlertsStore();
  const role = useSessionStore((s) => s.session?.user?.role ?? null);
  useEffect(() => {
    void loadAlerts();
    const off = followAlerts(() => void loadAlerts());
    // Ages tick from the clock; new alerts come as changes. A slow poll covers a missed event.
    const every = setInterval(() => void loadAlerts(), 60_000);
    return () => {
      off();
      clearInterval(every);
    };
  }, []);
  const countOf = (f: (typeof ALERT_FILTERS)[number]): number | null =>
    counts === null ? null : f === 'active' ? counts.open + counts.acknowledged : f === 'mine' ? counts.openMine : f === 'priority' ? counts.priority : null;
  return (
    <div className="alerts-screen">
      <header className="alerts-head">
        <h1 className="wh-title">{a('title')}</h1>
        <div className="alerts-filters" role="group" aria-label={a('filterLabel')}>
          {ALERT_FILTERS.map((f) => {
            const n = countOf(f);
            return (
              <button key={f} type="button" className="btn btn-small" aria-pressed={filter === f} onClick={() => void setAlertFilter(f)}>
                {a(`f_${f}` as AlertsTextKey)}
                {n !== null && n > 0 && <span className="count-badge">{n}</span>}
              </button>
            );
          })}
        </div>
      </header>
      {error && <div className="error-text">{error}</div>}
      {list === null ? <div className="empty">…</div> : <AlertsList items={list.items} canAck={isDeskRole(role)} />}
    </div>
  );
}
