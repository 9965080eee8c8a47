// The Alerts tab: the SLA alerts and reminders the server recorded, the same list on every
// desktop. Filters: active, mine, the priority queue (breaches), resolved. A logistician sees
// only their carriers' follow-ups (main lists only what is theirs), active or resolved.
import { useEffect } from 'react';
import { mayAcknowledgeAlert } from '../../../../shared/alerts/alert-recipient';
import type { AlertView } from '../../../../shared/api/alerts-api';
import { isDeskRole } from '../../../../shared/domain/vocabulary';
import { useSessionStore } from '../session/store';
import { AlertsList } from './AlertsList';
import { alertFiltersFor, loadAlerts, setAlertFilter, useAlertsStore, type AlertFilter } from './store';
import './alerts.css';
import { useT } from '../../i18n/use-t';

export default function AlertsScreen() {
  const t = useT();
  const filter = useAlertsStore((s) => s.filter);
  const list = useAlertsStore((s) => s.list);
  const counts = useAlertsStore((s) => s.counts);
  const error = useAlertsStore((s) => s.error);
  const user = useSessionStore((s) => s.session?.user ?? null);
  const role = user?.role ?? null;
  const desk = isDeskRole(role);
  const canAck = (a: AlertView): boolean => mayAcknowledgeAlert(a, user);
  // Ages tick from the clock; new alerts come through the refresh plan (app/bootstrap.ts).
  useEffect(() => void loadAlerts(), []);
  const countOf = (f: AlertFilter): number | null =>
    counts === null ? null : f === 'active' ? counts.open + counts.acknowledged : f === 'mine' ? counts.openMine : f === 'priority' ? counts.priority : null;
  return (
    <div className="alerts-screen">
      <header className="alerts-head">
        <h1 className="wh-title">{desk ? t('alerts.title') : t('alerts.titleCarriers')}</h1>
        <div className="alerts-filters" role="group" aria-label={t('alerts.filterLabel')}>
          {alertFiltersFor(role).map((f) => {
            const n = countOf(f);
            return (
              <button key={f} type="button" className="btn btn-small" aria-pressed={filter === f} onClick={() => void setAlertFilter(f)}>
                {t.dyn(`alerts.f_${f}`, f)}
                {n !== null && n > 0 && <span className="count-badge">{n}</span>}
              </button>
            );
          })}
        </div>
      </header>
      {!desk && <p className="hint alerts-hint">{t('alerts.carriersHint')}</p>}
      {error && <div className="error-text">{error}</div>}
      {list === null ? <div className="empty">…</div> : <AlertsList items={list.items} canAck={canAck} />}
    </div>
  );
}
