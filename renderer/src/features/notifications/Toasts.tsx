// The user's new alerts as toasts in the window's corner: the title opens the order, × closes.
// They leave by themselves (store.ts); the Alerts tab keeps every alert.
import { useT } from '../../i18n/use-t';
import { openOrder } from '../order-card/store';
import { dismissToast, useNotificationsStore } from './store';

export function Toasts() {
  const t = useT();
  const toasts = useNotificationsStore((s) => s.toasts);
  if (toasts.length === 0) return null;
  return (
    <section className="toasts" aria-label={t('notify.toasts')} aria-live="polite">
      {toasts.map((x) => (
        <div key={x.id} className={`toast toast-${x.kind}`} role="status">
          <button
            type="button"
            className="toast-main"
            aria-label={t('notify.open', { number: x.number })}
            onClick={() => {
              dismissToast(x.id);
              void openOrder(x.orderId);
            }}
          >
            <strong>{x.title}</strong>
            <span>{x.body}</span>
          </button>
          <button type="button" className="toast-close btn-ghost" aria-label={t('notify.dismiss')} title={t('notify.dismiss')} onClick={() => dismissToast(x.id)}>
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
