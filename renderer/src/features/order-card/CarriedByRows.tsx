// Who carries the order, on the card (issue 16): a carrier (name, phone, security check, the deal:
// rate, loading time, vehicle, contact) or a courier service (its name, its tracking number or
// that it is awaited from the service's API, or why the service did not take it). The own
// fleet's driver has its own row (DriverLine).
import { useEffect, useState } from 'react';
import type { CourierProviderView } from '../../../../shared/api/handover-api';
import type { OrderDetail } from '../../../../shared/api/orders-api';
import { useT } from '../../i18n/use-t';
import { loadCourierProviders } from './store';

/** Provider names are the server's; asked once per window, the key stands in until then (or offline). */
let providerNames: Promise<CourierProviderView[]> | null = null;

function useProviderName(key: string | null): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    providerNames ??= loadCourierProviders().catch(() => {
      providerNames = null;
      return [];
    });
    void providerNames.then((list) => live && setName(list.find((p) => p.key === key)?.name ?? null));
    return () => {
      live = false;
    };
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
          {c.phone && <span className="muted tabular"> · {c.phone}</span>}{' '}
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
