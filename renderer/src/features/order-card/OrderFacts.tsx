// What the live card and the archive card both show of an order, read-only: the problem, the
// customer and route rows, the service and cargo rows, and the timeline. One home, so the two
// cards cannot drift apart in what a row says or how a value is formatted.
import type { ReactNode } from 'react';
import type { ArchiveOrder } from '../../../../shared/archive/archive-search';
import { displayPhone } from '../../../../shared/domain/phone-display';
import type { OrderEventRow } from '../../../../shared/schema/orders';
import { useT } from '../../i18n/use-t';
import { Timeline } from './Timeline';

/** The fields both cards read: an archive order has exactly these, a replica order has more. */
export type OrderFactsOf = Pick<
  ArchiveOrder,
  'customerName' | 'customerPhone' | 'pickupAddress' | 'deliveryAddress' | 'deliveryCity' | 'serviceType' | 'cargoDescription' | 'weightKg' | 'places'
>;

/** The problem section of an order in status "problem": the reason in words, the comment if any. */
export function ProblemSection({ reason, comment }: { reason: string | null; comment?: string | null }) {
  const t = useT();
  return (
    <section className="card-section" aria-label={t('card.problem')}>
      <h3>{t('card.problem')}</h3>
      <div className="error-text" style={{ padding: 0 }}>
        {reason ? t.dyn(`reason.${reason}`, reason) : '—'}
      </div>
      {comment && <div className="tl-note">{comment}</div>}
    </section>
  );
}

/**
 * The rows of the card's facts list, in the order both cards show them. `afterRoute` stands
 * between the route and the service (the live card's warehouse row); `children` come last.
 */
export function OrderFactRows({ order: o, afterRoute, children }: { order: OrderFactsOf; afterRoute?: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <dl className="kv">
      <dt>{t('card.customer')}</dt>
      <dd>{o.customerName}</dd>
      <dt>{t('card.phone')}</dt>
      <dd className="tabular">{o.customerPhone ? displayPhone(o.customerPhone) : '—'}</dd>
      <dt>{t('card.pickup')}</dt>
      <dd>{o.pickupAddress}</dd>
      <dt>{t('card.delivery')}</dt>
      <dd>
        {o.deliveryAddress}, {o.deliveryCity}
      </dd>
      {afterRoute}
      <dt>{t('card.service')}</dt>
      <dd>{t.dyn(`service.${o.serviceType}`, o.serviceType)}</dd>
      <dt>{t('card.cargo')}</dt>
      <dd>
        {o.cargoDescription ? `${o.cargoDescription}, ` : ''}
        {t('card.weight', { kg: t.fmt.kg(o.weightKg), places: o.places })}
      </dd>
      {children}
    </dl>
  );
}

export function TimelineSection({ events }: { events: OrderEventRow[] }) {
  const t = useT();
  return (
    <section className="card-section">
      <h3>{t('card.timeline')}</h3>
      <Timeline events={events} />
    </section>
  );
}
