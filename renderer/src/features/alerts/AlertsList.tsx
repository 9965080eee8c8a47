// The alert rows: kind, order (a click opens it in the console) or, for a warehouse alert, the
// warehouse (a click shows its drivers), message in the UI language, age, who it is for,
// acknowledgement, and the breach tasks.
import { useState } from 'react';
import type { AlertView } from '../../../../shared/api/alerts-api';
import { showScreen } from '../../app/layout-store';
import { formatDuration } from '../../i18n/format-time';
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { openWarehouseDrivers } from '../drivers/store';
import { openOrder } from '../order-card/store';
import { AlertDeliveries } from './AlertDeliveries';
import { AlertTasks } from './AlertTasks';
import { acknowledgeAlert } from './store';

function openInConsole(orderId: string): void {
  showScreen('console');
  void openOrder(orderId, { focusOnMap: true });
}

/** The order's number, or the warehouse's name, as a link to it; nothing when neither is known. */
function AlertSubject({ alert }: { alert: AlertView }) {
  const t = useT();
  if (alert.orderId !== null) {
    return (
      <button type="button" className="link alert-order" aria-label={t('alerts.openOrder', { number: alert.orderNumber ?? '' })} onClick={() => openInConsole(alert.orderId as string)}>
        {alert.orderNumber}
      </button>
    );
  }
  if (alert.warehouseId === null) return null;
  const name = alert.warehouseName ?? alert.warehouseId;
  const warehouseId = alert.warehouseId;
  return (
    <button type="button" className="link alert-order" aria-label={t('alerts.openWarehouse', { name })} onClick={() => openWarehouseDrivers(warehouseId, name)}>
      {name}
    </button>
  );
}

function AlertItem({ alert, canAck }: { alert: AlertView; canAck: boolean }) {
  const t = useT();
  const kind = t.dyn(`alerts.k_${alert.kind}`, alert.kind);
  const subject = alert.orderNumber ?? alert.warehouseName ?? alert.warehouseId ?? '';
  const now = useClockStore((s) => s.now);
  const [showTasks, setShowTasks] = useState(false);
  const state =
    alert.state === 'acknowledged'
      ? t('alerts.s_acknowledged', { who: alert.acknowledgedByName ?? '' })
      : alert.state === 'resolved'
        ? `${t('alerts.s_resolved')}${alert.resolution ? `: ${t.dyn(`alerts.r_${alert.resolution}`, alert.resolution)}` : ''}`
        : t('alerts.s_open');
  return (
    <li className={`alert-item alert-${alert.kind} alert-state-${alert.state}`} aria-label={`${kind} ${subject}`}>
      <span className="alert-stripe" aria-hidden="true" />
      <div className="alert-main">
        <div className="alert-line">
          <span className="alert-kind">{kind}</span>
          <AlertSubject alert={alert} />
          {alert.priority && alert.state !== 'resolved' && <span className="alert-priority">★</span>}
          {alert.pending && <span className="pending-dot" aria-label={t('alerts.pending')} />}
          <span className="alert-age muted tabular">{t('time.ago', { time: formatDuration(now - alert.triggeredAt, t) })}</span>
        </div>
        <p className="alert-message">{t.lang === 'ru' ? alert.messageRu : alert.messageEn}</p>
        <div className="alert-meta muted">
          <span>{t('alerts.to', { who: alert.assigneeName ?? t('alerts.anyone') })}</span>
          <span>· {state}</span>
          {alert.tasks.length > 0 && (
            <>
              <span>·</span>
              <button type="button" className="link alert-toggle" aria-expanded={showTasks} onClick={() => setShowTasks(!showTasks)}>
                {t('alerts.showTasks', { n: alert.tasks.length })}
              </button>
            </>
          )}
        </div>
        {alert.deliveries.length > 0 && <AlertDeliveries deliveries={alert.deliveries} />}
        {showTasks && alert.tasks.length > 0 && <AlertTasks tasks={alert.tasks} />}
      </div>
      <div className="alert-actions">
        {canAck && alert.state === 'open' && (
          <button type="button" className="btn btn-small" aria-label={alert.orderId === null ? t('alerts.ackOfWarehouse', { name: subject, kind }) : t('alerts.ackOf', { number: subject, kind })} onClick={() => void acknowledgeAlert(alert.id)}>
            {t('alerts.ack')}
          </button>
        )}
      </div>
    </li>
  );
}

/** `canAck`: whether the signed-in user may acknowledge this alert (shared/alerts/alert-recipient.ts). */
export function AlertsList({ items, canAck }: { items: AlertView[]; canAck: (alert: AlertView) => boolean }) {
  const t = useT();
  if (items.length === 0) return <div className="empty">{t('alerts.empty')}</div>;
  return (
    <ul className="alerts-list" aria-label={t('alerts.title')}>
      {items.map((x) => (
        <AlertItem key={x.id} alert={x} canAck={canAck(x)} />
      ))}
    </ul>
  );
}
