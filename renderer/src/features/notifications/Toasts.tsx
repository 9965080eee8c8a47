// The user's new alerts as toasts in the window's corner: the title opens the order (or a
// warehouse alert's drivers), × closes.
// They leave by themselves (store.ts); the Alerts tab keeps every alert.
import { useT } from '../../i18n/use-t';
import { openNoticeTarget } from './open-target';
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
            aria-label={x.orderId === null ? t('notify.openWarehouse', { number: x.number }) : t('notify.open', { number: x.number })}
            onClick={() => {
              dismissToast(x.id);
              openNoticeTarget(x);
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
