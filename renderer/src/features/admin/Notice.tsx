// The last answer of a write on the Review tab: what was done, or the server's refusal.
import { useT } from '../../i18n/use-t';
import { useAdminStore } from './store';

export function Notice({ target }: { target?: string }) {
  const t = useT();
  const notice = useAdminStore((s) => s.notice);
  if (notice === null) return null;
  // A row shows only its own refusal; the section's line shows the rest.
  if (target !== undefined && (notice.ok || notice.target !== target)) return null;
  if (!notice.ok && target === undefined && notice.target !== null && notice.target !== 'add-user') return null;
  return (
    <div role="status" aria-live="polite" className={notice.ok ? 'admv-msg ok' : 'admv-msg err'}>
      {notice.ok ? t(notice.key, notice.params) : notice.text}
    </div>
  );
}
