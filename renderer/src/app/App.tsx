// The window: top bar, banners, the current screen, the status bar. The console stays mounted
// under other tabs so the map and the queue keep their place when the dispatcher comes back.
import { Suspense, useEffect } from 'react';
import { Banners } from '../features/connection/Banners';
import { StatusBar } from '../features/connection/StatusBar';
import { useShortcuts } from '../features/keyboard/use-shortcuts';
import { Toasts } from '../features/notifications/Toasts';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { useSettingsStore } from '../features/settings/store';
import { NewOrderDialog } from '../features/new-order/NewOrderDialog';
import { useNewOrderStore } from '../features/new-order/store';
import { OrderImportDialog } from '../features/order-import/OrderImportDialog';
import { useOrderImportStore } from '../features/order-import/store';
import { useT } from '../i18n/use-t';
import { ConsoleScreen } from './ConsoleScreen';
import { useLayoutStore } from './layout-store';
import { SCREENS } from './screens';
import { TopBar } from './TopBar';

function PluggedScreen() {
  const t = useT();
  const screen = useLayoutStore((s) => s.screen);
  const spec = SCREENS.find((s) => s.id === screen);
  if (!spec || screen === 'console' || screen === 'settings') return null;
  const Component = spec.component;
  return (
    <div className="screen">
      {Component ? (
        <Suspense fallback={<div className="empty">{t('card.loading')}</div>}>
          <Component />
        </Suspense>
      ) : (
        <div className="empty">{t('tabs.notAvailable')}</div>
      )}
    </div>
  );
}

export function App() {
  const screen = useLayoutStore((s) => s.screen);
  const language = useSettingsStore((s) => s.language);
  const newOrder = useNewOrderStore((s) => s.open);
  const orderImport = useOrderImportStore((s) => s.open);
  useShortcuts();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <div className="app">
      <TopBar />
      <Banners />
      <div style={{ minHeight: 0, display: 'grid' }}>
        <div style={{ display: screen === 'console' ? 'contents' : 'none' }}>
          <ConsoleScreen />
        </div>
        {screen === 'settings' && <SettingsScreen />}
        <PluggedScreen />
      </div>
      <StatusBar />
      {newOrder && <NewOrderDialog />}
      {orderImport && <OrderImportDialog />}
      <Toasts />
    </div>
  );
}
