// The open-alert count on the Alerts tab. The console loads and refreshes the counts
// (app/bootstrap.ts), so it follows the synced alert rows all day whatever screen shows.
import { useAlertsStore } from './store';
import { useT } from '../../i18n/use-t';

export function AlertsBadge() {
  const t = useT();
  const open = useAlertsStore((s) => s.counts?.open ?? 0);
  const priority = useAlertsStore((s) => s.counts?.priority ?? 0);
  if (open === 0) return null;
  return (
    <span className={`count-badge${priority > 0 ? ' hot' : ''}`} aria-label={t('alerts.badge', { n: open })}>
      {open}
    </span>
  );
}
