// The bottom line: connection (online / offline / catching up), edits waiting for the server,
// and when we last heard from it. role="status" so screen readers hear the changes.
import { useT } from '../../i18n/use-t';
import { useClockStore } from '../clock/store';
import { shownConnection, useConnectionStore } from './store';

const LABEL = {
  online: 'conn.online',
  offline: 'conn.offline',
  catching_up: 'conn.catchingUp',
  connecting: 'conn.connecting',
} as const;

export function StatusBar() {
  const t = useT();
  const view = useConnectionStore((s) => s.view);
  const hostLinkUp = useConnectionStore((s) => s.hostLinkUp);
  const now = useClockStore((s) => Math.floor(s.now / 60_000) * 60_000);
  const state = shownConnection({ view, hostLinkUp });
  const pending = view?.pending ?? 0;
  return (
    <footer className="statusbar" aria-label={t('conn.status')}>
      <span className={`conn conn-${state}`} role="status" aria-label={`${t('conn.status')}: ${t(LABEL[state])}`}>
        <span className="conn-dot" aria-hidden="true" />
        {t(LABEL[state])}
      </span>
      <span role="status" aria-live="polite" className={pending > 0 ? 'sla-warning' : ''}>
        {t('conn.pending', { n: pending })}
      </span>
      <span className="tabular">{view?.lastSyncAt ? t('conn.lastSync', { time: t.fmt.shortDateTime(view.lastSyncAt, now) }) : t('conn.never')}</span>
      {view?.error && state !== 'online' && <span className="muted">{view.error}</span>}
      <span className="spacer" />
      <span className="muted">{view?.serverUrl ?? ''}</span>
    </footer>
  );
}
