// Top bar: the app's name, the tabs, who is signed in with which role, and the language switch.
import { useT } from '../i18n/use-t';
import { useSessionStore } from '../features/session/store';
import { switchLanguage, useSettingsStore } from '../features/settings/store';
import { problemCount, useProblemsStore } from '../features/problems/store';
import { LANGUAGES } from '../i18n/translate';
import { showScreen, useLayoutStore } from './layout-store';
import { visibleScreens } from './screens';
import { AlertsBadge } from '../features/alerts/AlertsBadge';
import { openNewOrder } from '../features/new-order/store';
import { canCreateOrders } from '../../../shared/api/order-actions';

export function TopBar() {
  const t = useT();
  const screen = useLayoutStore((s) => s.screen);
  const user = useSessionStore((s) => s.session?.user ?? null);
  // The tabs wait for the first answer about who is signed in: a role adds tabs before
  // Settings, and a tab bar that grows under the pointer sends a click to another screen.
  const sessionKnown = useSessionStore((s) => s.session !== null || s.error !== null);
  const language = useSettingsStore((s) => s.language);
  const problems = useProblemsStore((s) => problemCount(s.queue));
  const mayCreate = useSessionStore((s) => canCreateOrders(s.session?.actor ?? null));
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          M
        </span>
        <span>{t('app.name')}</span>
      </div>
      <nav className="tabs" role="tablist" aria-label={t('tabs.label')} aria-busy={!sessionKnown}>
        {(sessionKnown ? visibleScreens(user?.role ?? null) : []).map((s) => (
          <button key={s.id} type="button" role="tab" className="tab" aria-selected={screen === s.id} onClick={() => showScreen(s.id)}>
            {t(s.label)}
            {s.id === 'alerts' && <AlertsBadge />}
            {s.id === 'console' && problems > 0 && (
              <span className="count-badge hot" aria-label={`${t('problems.title')}: ${problems}`}>
                {problems}
              </span>
            )}
          </button>
        ))}
      </nav>
      {mayCreate && (
        <button type="button" className="btn btn-primary btn-small topbar-new" onClick={() => void openNewOrder()} aria-keyshortcuts="N">
          + {t('newOrder.open')}
          <span className="kbd" aria-hidden="true">
            N
          </span>
        </button>
      )}
      <span className="topbar-spacer" />
      {user && (
        <div className="user">
          <span className="user-name">{user.name}</span>
          <span className="role-badge" aria-label={`${t('user.role')}: ${t(`role.${user.role}`)}`}>
            {t(`role.${user.role}`)}
          </span>
        </div>
      )}
      <div className="lang-switch" role="group" aria-label={t('lang.label')}>
        {LANGUAGES.map((l) => (
          <button key={l} type="button" aria-pressed={language === l} lang={l} onClick={() => void switchLanguage(l)}>
            {l.toUpperCase()}
          </button>
        ))}
      </div>
    </header>
  );
}
