// The open-alert count on the Alerts tab. Mounted with the top bar, so it follows the synced
// alert rows all day even while another screen shows.
import { useEffect } from 'react';
import { followAlerts, loadAlertCounts, useAlertsStore } from './store';
import { useAlertsText } from './alerts-text';

export function AlertsBadge() {
  const a = useAlertsText();
  const open = useAlertsStore((s) => s.counts?.open ?? 0);
  const priority = useAlertsStore((s) => s.counts?.priority ?? 0);
  useEffect(() => {
    void loadAlertCounts();
    return followAlerts(() => void loadAlertCounts());
  }, []);
  if (open === 0) return null;
  return (
    <span className={`count-badge${priority > 0 ? ' hot' : ''}`} aria-label={a('badge', { n: open })}>
      {open}
    </span>
  );
}
