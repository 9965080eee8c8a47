// The dispatcher's main view: problems and the order queue on the left, the map in the
// centre (mounted right after the queue's first page, see DeferredMap), the order card or
// the drivers panel or a driver's card on the right.
import { DriversPanel } from '../features/drivers/DriversPanel';
import { DriverCard } from '../features/driver-card/DriverCard';
import { useDriverCardStore } from '../features/driver-card/store';
import { OrderCard } from '../features/order-card/OrderCard';
import { OrderQueue } from '../features/orders/OrderQueue';
import { ArchiveResults } from '../features/archive/ArchiveResults';
import { ProblemQueue } from '../features/problems/ProblemQueue';
import { useT } from '../i18n/use-t';
import { DeferredMap } from './DeferredMap';
import { showRightPanel, useLayoutStore } from './layout-store';

function RightPanel() {
  const t = useT();
  const panel = useLayoutStore((s) => s.rightPanel);
  const driverOpen = useDriverCardStore((s) => s.driverId !== null);
  return (
    <aside className="right" aria-label={t('panel.label')}>
      <div className="right-tabs" role="tablist" aria-label={t('panel.label')}>
        <button type="button" role="tab" aria-selected={panel === 'card'} onClick={() => showRightPanel('card')}>
          {t('panel.card')}
        </button>
        <button type="button" role="tab" aria-selected={panel === 'drivers'} onClick={() => showRightPanel('drivers')}>
          {t('panel.drivers')}
        </button>
        {driverOpen && (
          <button type="button" role="tab" aria-selected={panel === 'driver'} onClick={() => showRightPanel('driver')}>
            {t('panel.driver')}
          </button>
        )}
      </div>
      <div className="right-body" role="tabpanel">
        {panel === 'card' ? <OrderCard /> : panel === 'driver' ? <DriverCard /> : <DriversPanel />}
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
        <ArchiveResults />
      </div>
      <div className="centre">
        <DeferredMap />
      </div>
      <RightPanel />
    </main>
  );
}
