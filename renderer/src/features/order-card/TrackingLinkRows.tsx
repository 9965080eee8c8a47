// The customer's tracking link on the card: the link itself, Copy, and "Send again" for a
// customer who lost the message. Sending is a mutation; the server queues the message and each
// attempt appears on the timeline, so the card only says that the request was taken.
import { useState } from 'react';
import type { OrderDetail } from '../../../../shared/api/orders-api';
import { useT } from '../../i18n/use-t';
import { sendTrackingLink, useOrderCardStore } from './store';

export function TrackingLinkRows({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const busy = useOrderCardStore((s) => s.busy);
  // Which order the last request was for: the note must not follow the dispatcher to another card.
  const [sentFor, setSentFor] = useState<string | null>(null);
  const canSend = detail.actions.includes('send_tracking_link');
  if (!detail.trackingUrl && !canSend) return null;
  const send = async () => {
    const orderId = detail.order.id;
    if (await sendTrackingLink()) setSentFor(orderId);
  };
  return (
    <>
      <dt>{t('card.trackingLink')}</dt>
      <dd>
        {detail.trackingUrl ? (
          <>
            <a href={detail.trackingUrl} target="_blank" rel="noreferrer noopener" className="tracking-link">
              {detail.trackingUrl}
            </a>{' '}
            <button type="button" className="btn btn-small btn-ghost" onClick={() => void navigator.clipboard?.writeText(detail.trackingUrl ?? '')}>
              {t('card.copyLink')}
            </button>
          </>
        ) : (
          <span className="muted">{t('card.noTrackingLink')}</span>
        )}
        {canSend && (
          <>
            {' '}
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => void send()}>
              {t(detail.trackingUrl ? 'card.resendLink' : 'card.sendLink')}
            </button>
          </>
        )}
        {sentFor === detail.order.id && (
          <div className="muted" role="status">
            {t('card.linkQueued')}
          </div>
        )}
      </dd>
    </>
  );
}
