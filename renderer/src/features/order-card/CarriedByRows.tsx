// Who carries the order, on the card (issue 16): a carrier (name, phone, security check, the deal:
// rate, loading time, vehicle, contact) or a courier service (its name, its tracking number or
// that it is awaited from the service's API, or why the service did not take it). The own
// fleet's driver has its own row (DriverLine).
import { useEffect } from 'react';
import type { OrderDetail } from '../../../../shared/api/orders-api';
import { displayPhone } from '../../../../shared/domain/phone-display';
import { useT } from '../../i18n/use-t';
import { courierName, ensureCourierNames, useCourierNamesStore } from './courier-names-store';

/** The service's name, or its key until the names are known (or offline). */
function useProviderName(key: string | null): string | null {
  const name = useCourierNamesStore((s) => (key === null ? null : courierName(s, key)));
  useEffect(() => {
    if (key !== null) void ensureCourierNames();
  }, [key]);
  return key === null ? null : (name ?? key);
}

/** The courier service's last word about this shipment: why its API refused, when it did. */
function courierFailure(detail: OrderDetail): string | null {
  for (let i = detail.events.length - 1; i >= 0; i--) {
    const e = detail.events[i];
    if (e?.kind !== 'handover' || e.handover === null) continue;
    return e.handover.failed === true ? (e.comment ?? '') : null;
  }
  return null;
}

export function CarriedByRows({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const o = detail.order;
  const providerName = useProviderName(o.courierProvider);
  const c = detail.carrier;
  if (c !== null) {
    return (
      <>
        <dt>{t('card.carrier')}</dt>
        <dd data-testid="carried-by">
          <strong>{c.name}</strong>
          {c.phone && <span className="muted tabular"> · {displayPhone(c.phone)}</span>}{' '}
          {c.securityCheck !== 'passed' && <span className="chip chip-warning">{t(c.securityCheck === 'failed' ? 'handover.security.failed' : 'handover.security.pending')}</span>}
          {(c.rate !== null || c.loadingAt !== null) && (
            <>
              <br />
              <span className="tabular">
                {[c.rate !== null ? t.fmt.money(c.rate, c.currency ?? 'KZT') : '', c.loadingAt !== null ? t('card.loadingAt', { time: t.fmt.dateTime(c.loadingAt) }) : '', c.vehiclePlate ?? '']
                  .filter((s) => s !== '')
                  .join(' · ')}
              </span>
            </>
          )}
          {c.contact && (
            <>
              <br />
              <span className="muted">{c.contact}</span>
            </>
          )}
        </dd>
      </>
    );
  }
  if (o.courierProvider !== null) {
    const failure = o.courierTrackingNumber === null ? courierFailure(detail) : null;
    return (
      <>
        <dt>{t('card.courier')}</dt>
        <dd data-testid="carried-by">
          <strong>{providerName}</strong>{' '}
          {o.courierTrackingNumber !== null ? (
            <span className="tabular">{t('card.trackingNumber', { number: o.courierTrackingNumber })}</span>
          ) : failure !== null ? (
            <span className="error-text" style={{ padding: 0 }} role="status">
              {t('card.courierFailed', { reason: failure || '—' })}
            </span>
          ) : (
            <span className="muted">{t('card.courierAwaiting')}</span>
          )}
          <br />
          <span className="muted">{t.dyn(`status.${o.status}`, o.status)}</span>
        </dd>
      </>
    );
  }
  return null;
}
