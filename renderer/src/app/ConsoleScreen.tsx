// The dispatcher's main view: problems and the order queue on the left, the map in the
// centre (mounted right after the queue's first page, see DeferredMap), the order card or
// the drivers panel on the right.
import { DriversPanel } from '../features/drivers/DriversPanel';
import { OrderCard } from '../features/order-card/OrderCard';
import { OrderQueue } from '../features/orders/OrderQueue';
import { ProblemQueue } from '../features/problems/ProblemQueue';
import { useT } from '../i18n/use-t';
import { DeferredMap } from './DeferredMap';
import { showRightPanel, useLayoutStore } from './layout-store';

function RightPanel() {
  const t = useT();
  const panel = useLayoutStore((s) => s.rightPanel);
  return (
    <aside className="right" aria-label={t('panel.label')}>
      <div className="right-tabs" role="tablist" aria-label={t('panel.label')}>
        <button type="button" role="tab" aria-selected={panel === 'card'} onClick={() => showRightPanel('card')}>
          {t('panel.card')}
        </button>
        <button type="button" role="tab" aria-selected={panel === 'drivers'} onClick={() => showRightPanel('drivers')}>
          {t('panel.drivers')}
        </button>
      </div>
      <div className="right-body" role="tabpanel">
        {panel === 'card' ? <OrderCard /> : <DriversPanel />}
      </div>
    </aside>
  );
}

export function ConsoleScreen() {
  return (
    <main className="console">
      <div className="left">
        <ProblemQueue />
        <OrderQueue />
      </div>
      <div className="centre">
        <DeferredMap />
      </div>
      <RightPanel />
    </main>
  );
}
