// Where an alert went outside the app: "Telegram → Aigerim: sent 14:05", "E-mail → Gulnara:
// skipped, quiet hours", "… not sent: HTTP 403 …". The outbox rows the server's sender
// updates, so it changes as the notice goes out.
import type { AlertDelivery } from '../../../../shared/api/alerts-api';
import type { Translator } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';

export function deliveryText(d: AlertDelivery, t: Translator): string {
  const time = t.fmt.time(d.at);
  switch (d.state) {
    case 'sent':
      return t('alerts.d_sent', { time });
    case 'queued':
    case 'sending':
      return d.error === null ? t('alerts.d_sending') : t('alerts.d_retrying', { error: d.error });
    case 'suppressed':
      return d.error === 'quiet_hours' ? t('alerts.d_quiet') : t('alerts.d_skipped');
    case 'unknown':
      return t('alerts.d_unknown');
    case 'failed':
      return d.error === 'not_configured' ? t('alerts.d_notConfigured') : t('alerts.d_failed', { error: d.error ?? '' });
  }
}

export function AlertDeliveries({ deliveries }: { deliveries: AlertDelivery[] }) {
  const t = useT();
  return (
    <ul className="alert-deliveries" aria-label={t('alerts.deliveries')}>
      {deliveries.map((d, i) => (
        <li key={i} className={`alert-delivery delivery-${d.state}`}>
          {t.dyn(`msgs.channel.${d.channel}`, d.channel)} → {d.recipientName}: {deliveryText(d, t)}
        </li>
      ))}
    </ul>
  );
}
