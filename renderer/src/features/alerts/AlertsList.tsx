// The alert rows: kind, order (a click opens it in the console), message in the UI language,
// age, who it is for, acknowledgement, and the breach tasks.
import { useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts-api';
import { showScreen } from '../../app/layout-store';
import { formatDuration } from '../../i18n/format-time';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { openOrder } from '../order-card/store';
import { AlertTasks } from './AlertTasks';
import { useAlertsText, type AlertsTextKey } from './alerts-text';
import { acknowledgeAlert } from './store';

function openInConsole(orderId: string): void {
  showScreen('console');
  void openOrder(orderId, { focusOnMap: true });
}

function AlertItem({ alert, canAck }: { alert: AlertView; canAck: boolean }) {
  const a = useAlertsText();
  const t = useT();
  const now = useClockStore((s) => s.now);
  const [showTasks, setShowTasks] = useState(false);
  const state =
    alert.state === 'acknowledged'
      ? a('s_acknowledged', { who: alert.acknowledgedByName ?? '' })
      : alert.state === 'resolved'
        ? `${a('s_resolved')}${alert.resolution ? `: ${a(`r_${alert.resolution}` as AlertsTextKey)}` : ''}`
        : a('s_open');
  return (
    <li className={`alert-item alert-${alert.kind} alert-state-${alert.state}`} aria-label={`${a(`k_${alert.kind}` as AlertsTextKey)} ${alert.orderNumber}`}>
      <span className="alert-stripe" aria-hidden="true" />
      <div className="alert-main">
        <div className="alert-line">
          <span className="alert-kind">{a(`k_${alert.kind}` as AlertsTextKey)}</span>
          <button type="button" className="link alert-order" aria-label={a('openOrder', { number: alert.orderNumber })} onClick={() => openInConsole(alert.orderId)}>
            {alert.orderNumber}
          </button>
          {alert.priority && alert.state !== 'resolved' && <span className="alert-priority">★</span>}
          {alert.pending && <span className="pending-dot" aria-label={a('pending')} />}
          <span className="alert-age muted tabular">{a('ago', { time: formatDuration(now - alert.triggeredAt, t) })}</span>
        </div>
        <p className="alert-message">{a.lang === 'ru' ? alert.messageRu : alert.messageEn}</p>
        <div className="alert-meta muted">
          <span>{a('to', { who: alert.assigneeName ?? a('anyone') })}</span>
          <span>· {state}</span>
          {alert.tasks.length > 0 && (
            <>
              <span>·</span>
              <button type="button" className="link alert-toggle" aria-expanded={showTasks} onClick={() => setShowTasks(!showTasks)}>
                {a('showTasks', { n: alert.tasks.length })}
              </button>
            </>
          )}
        </div>
        {showTasks && alert.tasks.length > 0 && <AlertTasks tasks={alert.tasks} />}
      </div>
      <div className="alert-actions">
        {canAck && alert.state === 'open' && (
          <button type="button" className="btn btn-small" aria-label={a('ackOf', { number: alert.orderNumber, kind: a(`k_${alert.kind}` as AlertsTextKey) })} onClick={() => void acknowledgeAlert(alert.id)}>
            {a('ack')}
          </button>
        )}
      </div>
    </li>
  );
}

export function AlertsList({ items, canAck }: { items: AlertView[]; canAck: boolean }) {
  const a = useAlertsText();
  if (items.length === 0) return <div className="empty">{a('empty')}</div>;
  return (
    <ul className="alerts-list" aria-label={a('title')}>
      {items.map((x) => (
        <AlertItem key={x.id} alert={x} canAck={canAck} />
      ))}
    </ul>
  );
}
