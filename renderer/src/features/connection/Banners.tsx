// Under the top bar: the offline notice (the app keeps working) and edits the server rejected,
// each worded from its code and refused field in the console's language (never the server's sentence).
import { refusedEditText } from '../../i18n/refusal-words';
import { useT } from '../../i18n/use-t';
import { openOrder } from '../order-card/store';
import { acknowledgeConflict, shownConnection, useConnectionStore } from './store';

export function Banners() {
  const t = useT();
  const view = useConnectionStore((s) => s.view);
  const hostLinkUp = useConnectionStore((s) => s.hostLinkUp);
  const conflicts = useConnectionStore((s) => s.conflicts);
  const offline = shownConnection({ view, hostLinkUp }) === 'offline';
  return (
    <div>
      {offline && (
        <div className="banner banner-offline" role="alert">
          {t('conn.offlineBanner')}
        </div>
      )}
      {conflicts.slice(0, 3).map((c) => (
        <div key={c.id} className="banner banner-conflict" role="alert">
          <strong>{t('conflicts.title')}:</strong>
          {c.orderId && c.orderNumber ? (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => c.orderId && void openOrder(c.orderId)}>
              {c.orderNumber}
            </button>
          ) : null}
          <span>{refusedEditText(t, c)}</span>
          <button type="button" className="btn btn-small" aria-label={t('conflicts.dismiss')} onClick={() => void acknowledgeConflict(c.id)}>
            {t('action.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
